import { Dictionary } from "../model/dictionary.ts";
import type { TableSpec } from "./readTable.ts";

/**
 * Wraps a spec so that a row repeating an earlier row's id is rejected (exports taken by
 * hand often hold the same record twice); the first row with the id is kept.
 */
export function rejectDuplicateIds<T extends { id: string }>(spec: TableSpec<T>): TableSpec<T> {
  // A million ids: a dictionary of them (with the line each was first on) outpaces a Map.
  const ids = new Dictionary();
  const firstLine: number[] = [];
  // Rows read from their bytes would pass the check by: the wrapped spec reads every row as text.
  const { plain: _, ...text } = spec;
  return {
    ...text,
    build(row) {
      const record = spec.build(row);
      if (record === undefined) return undefined;
      const at = ids.code(record.id);
      if (at < firstLine.length)
        return row.reject("id", `duplicate id "${record.id}" (first on line ${firstLine[at]})`);
      firstLine.push(row.line);
      return record;
    },
  };
}
