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

  /**
   * The position of the deal whose id is the ASCII bytes [start, end), or -1. Exports list a
   * deal's history together and mostly in the deals' order, so the deal at `near` and the
   * one after it are compared first: most rows then need no lookup in a table of a million.
   */
  positionOfBytes(bytes: Uint8Array, start: number, end: number, near: number): number {
    const last = Math.min(near + 1, this.list.length - 1);
    for (let at = Math.max(near, 0); at <= last; at++)
      if (spells(this.list[at]!.id, bytes, start, end)) return at;
    return this.ids.findBytes(bytes, start, end);
  }

  /** The deal with the id, if any. */
  get(id: string): Opportunity | undefined {
    const at = this.ids.find(id);
    return at === -1 ? undefined : this.list[at];
  }
}

/** Whether the text is the bytes [start, end). */
function spells(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
