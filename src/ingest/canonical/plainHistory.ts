import { dayNumber, secondsOfLocalTime } from "../../calendar/days.ts";
import { Dictionary } from "../../model/dictionary.ts";
import { CLOSED, type HistoryLog, NO_DAY, WON } from "../../model/historyLog.ts";
import type { Day } from "../../model/records.ts";
import { bounded, type CellContext } from "../cells.ts";
import type { CurrencyConverter } from "../currency.ts";
import type { KnownDeals } from "../knownDeals.ts";
import { type PlainRowReader, STORED } from "../readTable.ts";
import type { StageOutcome } from "../stageOutcomes.ts";
import { parseCalendarDay, parseLocalTime } from "../values/dates.ts";
import { ByDate, isWord, plainAmount, splitFields } from "../values/plainBytes.ts";

/*
 * Plain history rows read straight from their bytes into the history log: the id of a known
 * deal, a stage the deals use, a day or a time, an amount written plainly, a close day, and
 * the optional columns empty. Any other row is left to the spec's `build`, which reads it as
 * text and gives the same record (or the same report), so the log is the same either way.
 */

/** What a history row is read against. */
export interface HistoryReading {
  cells: CellContext;
  converter: CurrencyConverter;
  log: HistoryLog;
  deals: KnownDeals;
  stages: ReadonlyMap<string, StageOutcome>;
}

/** A reader of plain history lines, once the file's columns are known. */
export function plainHistoryRows(
  { cells, converter, log, deals, stages }: HistoryReading,
  columns: ReadonlyMap<string, number>,
  count: number,
): PlainRowReader<typeof STORED> {
  const position = (key: string) => columns.get(key) ?? -1;
  const [id, at, stage, amount, close] = ["opportunity_id", "at", "stage", "amount", "close_date"].map(
    position,
  ) as [number, number, number, number, number];
  // Columns that, when not empty, need what only `build` does (a probability, the flags…).
  const others = ["probability", "forecast_category", "is_closed", "is_won"]
    .map(position)
    .filter((p) => p !== -1);
  // Each stage spelling's code in the log and outcome (null: a stage no deal has).
  const stageNames = new Dictionary();
  const stageCodes: number[] = [];
  const stageFlags: (number | null)[] = [];
  // A log coded by the deals' own dictionary codes a row by its deal's position.
  const byPosition = log.opportunities === deals.ids;
  // Times and days as `build` reads them: parsed, then bounded by the latest plausible day
  // (noted as the latest seen when first read, as `build` notes it); null when `build` would
  // not take them.
  const times = new ByDate((text) => {
    const time = bounded(parseLocalTime(text, cells.dates), cells);
    return time.ok ? secondsOfLocalTime(time.value) : null;
  });
  const days = new ByDate((text) => {
    const day = bounded(parseCalendarDay(text, cells.dates), cells);
    return day.ok ? { day: day.value, number: dayNumber(day.value) } : null;
  });
  const starts = new Int32Array(count + 1);
  const from = (f: number) => starts[f]!;
  const to = (f: number) => starts[f + 1]! - 1;
  // The deal of the row before: the next row is mostly about it or the deal after it.
  let near = 0;

  return (bytes, start, end, delimiter) => {
    if (!splitFields(bytes, start, end, delimiter, starts, count)) return undefined;
    for (const other of others) if (from(other) !== to(other)) return undefined;
    if (!isWord(bytes, from(id), to(id)) || !isWord(bytes, from(stage), to(stage))) return undefined;
    const known = deals.positionOfBytes(bytes, from(id), to(id), near);
    // An id no deal has: `build` reports it.
    if (known === -1) return undefined;
    near = known;
    const opportunity = deals.list[known]!;

    const seconds = times.of(bytes, from(at), to(at));
    if (seconds === undefined || seconds === null) return undefined;

    const name = stageNames.codeOfBytes(bytes, from(stage), to(stage));
    if (name === stageFlags.length) {
      const text = stageNames.texts[name]!;
      const outcome = stages.get(text);
      stageFlags.push(
        outcome === undefined ? null : (outcome.isClosed ? CLOSED : 0) | (outcome.isWon ? WON : 0),
      );
      stageCodes.push(outcome === undefined ? -1 : log.stages.code(text));
    }
    const flags = stageFlags[name]!;
    // A stage no deal has is warned about by `build`.
    if (flags === null) return undefined;

    let closeDate: Day | null = null;
    let closeDay = NO_DAY;
    if (close !== -1 && from(close) !== to(close)) {
      const day = days.of(bytes, from(close), to(close));
      if (day === undefined || day === null) return undefined;
      closeDate = day.day;
      closeDay = day.number;
    }

    let value = Number.NaN;
    if (amount !== -1) {
      // An empty amount in a file that records amounts means none then: 0.
      value = 0;
      if (from(amount) !== to(amount)) {
        const read = plainAmount(bytes, from(amount), to(amount));
        if (read === null) return undefined;
        const converted = converter.convert(read, opportunity.currency, closeDate ?? opportunity.closeDate);
        if (!converted.ok) return undefined;
        value = converted.value;
      }
    }
    log.pushCodes(
      byPosition ? known : log.opportunities.code(opportunity.id),
      seconds,
      stageCodes[name]!,
      value,
      closeDay,
      Number.NaN,
      0,
      flags,
    );
    return STORED;
  };
}
