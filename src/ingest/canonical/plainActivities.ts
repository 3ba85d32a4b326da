import { dayFromNumber, dayNumber, isRealDay } from "../../calendar/days.ts";
import { ACTIVITY_TYPES, type ActivityLog, Dictionary, NO_REF } from "../../model/activityLog.ts";
import type { Activity } from "../../model/records.ts";
import type { CellContext } from "../cells.ts";
import type { DataFolder } from "../dataFolder.ts";
import type { ColumnMapping, PlainRowReader, TableSpec } from "../readTable.ts";
import { EARLIEST_YEAR } from "../values/dates.ts";
import { activitiesSpec, parseActivityType } from "./activities.ts";

/*
 * Canonical activities read straight from the file's bytes into the activity log. Tens of
 * millions of rows are mostly the same few owners, types, days and accounts: a plain row
 * (ids without surrounding spaces, a known type, a YYYY-MM-DD day) is stored as codes
 * without making a string or an object. Any row it is not sure of (a timestamp, an unknown
 * type, an empty id, a stray space) is left to the spec's `build`, which gives the same
 * activity or reports the row; so the log and the ledger are the same either way.
 */

/** A row the plain reader stored in the log itself. */
export const STORED = Symbol("stored in the activity log");

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
  // Field i of the line is [starts[i], starts[i + 1] - 1).
  const starts = new Int32Array(count + 1);
  const spellings = new Dictionary();
  const typeOfSpelling: (number | null)[] = [];
  const latest = cells.latestDay === null ? Number.POSITIVE_INFINITY : dayNumber(cells.latestDay);
  let maxDay = Number.NEGATIVE_INFINITY;
  const days = new Map<number, number | null>();

  return (bytes, start, end, delimiter) => {
    let fields = 1;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== delimiter) continue;
      if (fields === count) return undefined;
      starts[fields++] = i + 1;
    }
    if (fields !== count) return undefined;
    starts[count] = end + 1;
    const from = (f: number) => starts[f]!;
    const to = (f: number) => starts[f + 1]! - 1;
    if (!isWord(bytes, from(id), to(id)) || !isWord(bytes, from(owner), to(owner))) return undefined;

    const spelling = spellings.codeOfBytes(bytes, from(type), to(type));
    let typeCode = typeOfSpelling[spelling];
    if (typeCode === undefined) {
      const parsed = parseActivityType(spellings.texts[spelling]!);
      typeCode = typeOfSpelling[spelling] = parsed === null ? null : ACTIVITY_TYPES.indexOf(parsed);
    }
    if (typeCode === null) return undefined;

    const day = isoDay(bytes, from(date), to(date), days);
    if (day === null || day > latest) return undefined;

    for (let r = 0; r < references.length; r++) {
      const [at, dictionary] = references[r]!;
      const a = at === -1 ? 0 : from(at);
      const b = at === -1 ? 0 : to(at);
      if (a === b) codes[r] = NO_REF;
      else if (isWord(bytes, a, b)) codes[r] = dictionary.codeOfBytes(bytes, a, b);
      else return undefined;
    }
    if (day > maxDay) {
      maxDay = day;
      const text = dayFromNumber(day);
      if (text > cells.maxDay) cells.maxDay = text;
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

const SPACE = 0x20;

/** A value that is not empty and has no space to trim at either end. */
function isWord(bytes: Uint8Array, start: number, end: number): boolean {
  return end > start && bytes[start] !== SPACE && bytes[end - 1] !== SPACE;
}

/** The day number of a YYYY-MM-DD value that is a real day from EARLIEST_YEAR on, else null. */
function isoDay(
  bytes: Uint8Array,
  start: number,
  end: number,
  days: Map<number, number | null>,
): number | null {
  if (end - start !== 10 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return null;
  let key = 0;
  for (const i of DIGITS) {
    const digit = bytes[start + i]! - 0x30;
    if (digit < 0 || digit > 9) return null;
    key = key * 10 + digit;
  }
  let day = days.get(key);
  if (day === undefined) {
    const year = Math.floor(key / 10000);
    const month = Math.floor(key / 100) % 100;
    const date = key % 100;
    day =
      year >= EARLIEST_YEAR && isRealDay(year, month, date)
        ? dayNumber(
            `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`,
          )
        : null;
    days.set(key, day);
  }
  return day;
}

const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
