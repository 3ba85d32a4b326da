import type { TableSpec } from "./readTable.ts";

/**
 * Wraps a spec so that a row repeating an earlier row's id is rejected (exports taken by
 * hand often hold the same record twice); the first row with the id is kept.
 */
export function rejectDuplicateIds<T extends { id: string }>(spec: TableSpec<T>): TableSpec<T> {
  const firstLine = new Map<string, number>();
  return {
    ...spec,
    build(row) {
      const record = spec.build(row);
      if (record === undefined) return undefined;
      const seen = firstLine.get(record.id);
      if (seen !== undefined) return row.reject("id", `duplicate id "${record.id}" (first on line ${seen})`);
      firstLine.set(record.id, row.line);
      return record;
    },
  };
}
