import { Dictionary } from "../model/dictionary.ts";
import type { Opportunity } from "../model/records.ts";

/**
 * The deals of an export, found by id: as text (a history row read by `build`) or as the
 * bytes a file holds the id in (a plain history row). A million deals are looked up through
 * the dictionary the duplicate-id check already built while reading them, not a new map.
 */
export class KnownDeals {
  readonly list: readonly Opportunity[];
  /** The deals' ids, each at its deal's position in `list`. */
  readonly ids: Dictionary;

  private constructor(list: readonly Opportunity[], ids: Dictionary) {
    this.list = list;
    this.ids = ids;
  }

  /** The deals, with a dictionary of their ids; deals are unique by id (read through `rejectDuplicateIds`). */
  static of(list: readonly Opportunity[], ids?: Dictionary): KnownDeals {
    const aligned =
      ids !== undefined && ids.texts.length === list.length && list.every((o, i) => ids.texts[i] === o.id);
    return new KnownDeals(list, aligned ? ids : Dictionary.of(list.map((o) => o.id)));
  }

  /** The deal with the id, if any. */
  get(id: string): Opportunity | undefined {
    const at = this.ids.find(id);
    return at === -1 ? undefined : this.list[at];
  }
}
