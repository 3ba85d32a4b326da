import { dayNumber } from "../../calendar/days.ts";
import { ACTIVITY_TYPES, type ActivityLog, NO_REF } from "../../model/activityLog.ts";
import { Dictionary } from "../../model/dictionary.ts";
import type { Activity } from "../../model/records.ts";
import { bounded, type CellContext } from "../cells.ts";
import type { DataFolder } from "../dataFolder.ts";
import { type ColumnMapping, type PlainRowReader, STORED, type TableSpec } from "../readTable.ts";
import { parseDay } from "../values/dates.ts";
import { ByDate, isWord, splitFields } from "../values/plainBytes.ts";
import { activitiesSpec, parseActivityType } from "./activities.ts";

/*
 * Canonical activities read straight from the file's bytes into the activity log. Tens of
 * millions of rows are mostly the same few owners, types, days and accounts: a plain row
 * (ids without surrounding spaces, a known type, a YYYY-MM-DD day) is stored as codes
 * without making a string or an object. Any row it is not sure of (a timestamp, an unknown
 * type, an empty id, a stray space) is left to the spec's `build`, which gives the same
 * activity or reports the row; so the log and the ledger are the same either way.
 */

/** Reads a canonical activities file into the log; returns how many rows were read from their bytes. */
export async function readActivities(
  folder: DataFolder,
  file: string,
  cells: CellContext,
  log: ActivityLog,
  mapping: ColumnMapping = {},
): Promise<number> {
  let fromBytes = 0;
  const spec: TableSpec<Activity | typeof STORED> = activitiesSpec({ cells });
  // A configured date format is tried before the usual forms: such days are read by `build`.
  if (cells.dates.format === undefined)
    spec.plain = (columns, count) => plainRows(cells, log, columns, count);
  await folder.read(
    file,
    spec,
    (a) => {
      if (a === STORED) fromBytes++;
      else log.push(a);
    },
    mapping,
  );
  return fromBytes;
}

function plainRows(
  cells: CellContext,
  log: ActivityLog,
  columns: ReadonlyMap<string, number>,
  count: number,
): PlainRowReader<typeof STORED> {
  const position = (key: string) => columns.get(key) ?? -1;
  const [id, owner, type, date] = ["id", "owner", "type", "date"].map(position) as [
    number,
    number,
    number,
    number,
  ];
  const references = [
    [position("account_id"), log.accounts],
    [position("contact_id"), log.contacts],
    [position("opportunity_id"), log.opportunities],
  ] as const;
  const codes = [NO_REF, NO_REF, NO_REF];
  const starts = new Int32Array(count + 1);
  const spellings = new Dictionary();
  const typeOfSpelling: (number | null)[] = [];
  // Day number of each date value, read as `build` reads it (in the time zone, within the
  // latest plausible day); null when `build` would not take it. A day is noted as the latest
  // seen when first read, as `build` notes it.
  const days = new ByDate((text) => {
    const day = bounded(parseDay(text, cells.dates), cells);
    return day.ok ? dayNumber(day.value) : null;
  });

  const from = (f: number) => starts[f]!;
  const to = (f: number) => starts[f + 1]! - 1;

  return (bytes, start, end, delimiter) => {
    if (!splitFields(bytes, start, end, delimiter, starts, count)) return undefined;
    if (!isWord(bytes, from(id), to(id)) || !isWord(bytes, from(owner), to(owner))) return undefined;

    const spelling = spellings.codeOfBytes(bytes, from(type), to(type));
    let typeCode = typeOfSpelling[spelling];
    if (typeCode === undefined) {
      const parsed = parseActivityType(spellings.texts[spelling]!);
      typeCode = typeOfSpelling[spelling] = parsed === null ? null : ACTIVITY_TYPES.indexOf(parsed);
    }
    if (typeCode === null) return undefined;

    const day = days.of(bytes, from(date), to(date));
    if (day === undefined || day === null) return undefined;

    for (let r = 0; r < references.length; r++) {
      const [at, dictionary] = references[r]!;
      const a = at === -1 ? 0 : from(at);
      const b = at === -1 ? 0 : to(at);
      if (a === b) codes[r] = NO_REF;
      else if (isWord(bytes, a, b)) codes[r] = dictionary.codeOfBytes(bytes, a, b);
      else return undefined;
    }
    log.pushCodes(
      day,
      typeCode,
      log.owners.codeOfBytes(bytes, from(owner), to(owner)),
      codes[0]!,
      codes[1]!,
      codes[2]!,
    );
    return STORED;
  };
}
