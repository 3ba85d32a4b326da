import { Dictionary } from "../model/dictionary.ts";
import type { TableSpec } from "./readTable.ts";

/**
 * Wraps a spec so that a row repeating an earlier row's id is rejected (exports taken by
 * hand often hold the same record twice); the first row with the id is kept. The ids go
 * into `ids`, each at the position its record was kept in (see KnownDeals).
 */
export function rejectDuplicateIds<T extends { id: string }>(
  spec: TableSpec<T>,
  ids: Dictionary = new Dictionary(),
): TableSpec<T> {
  // A million ids: a dictionary of them (with the line each was first on) outpaces a Map.
  const firstLine: number[] = [];
  const { plain } = spec;
  return {
    ...spec,
    ...(plain === undefined
      ? {}
      : {
          plain(columns, count) {
            const read = plain(columns, count);
            return (bytes, start, end, delimiter, line) => {
              const record = read(bytes, start, end, delimiter, line);
              if (record === undefined) return undefined;
              // A repeated id is left to `build`, which reports it with the first line.
              if (ids.code(record.id) < firstLine.length) return undefined;
              firstLine.push(line);
              return record;
            };
          },
        }),
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
