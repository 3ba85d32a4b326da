import { Dictionary } from "../../model/dictionary.ts";
import type { Day, HistoryRow, LocalTime } from "../../model/records.ts";
import { bounded, type CellContext } from "../cells.ts";
import type { CurrencyConverter } from "../currency.ts";
import type { KnownDeals } from "../knownDeals.ts";
import type { PlainRowReader } from "../readTable.ts";
import type { StageOutcome } from "../stageOutcomes.ts";
import { type Parsed, parseCalendarDay, parseLocalTime } from "../values/dates.ts";
import { byDigits, isWord, plainAmount, splitFields } from "../values/plainBytes.ts";

/*
 * Plain history rows read straight from their bytes: the id of a known deal, a stage the
 * deals use, a day or a time, an amount written plainly, a close day, and the optional
 * columns empty. Any other row is left to the spec's `build`, which reads it as text and
 * gives the same record (or the same report), so the records are the same either way.
 */

/** What a history row is read against. */
export interface HistoryReading {
  cells: CellContext;
  converter: CurrencyConverter;
  deals: KnownDeals;
  stages: ReadonlyMap<string, StageOutcome>;
}

/** A reader of plain history lines, once the file's columns are known. */
export function plainHistoryRows(
  { cells, converter, deals, stages }: HistoryReading,
  columns: ReadonlyMap<string, number>,
  count: number,
): PlainRowReader<HistoryRow> {
  const position = (key: string) => columns.get(key) ?? -1;
  const [id, at, stage, amount, close] = ["opportunity_id", "at", "stage", "amount", "close_date"].map(
    position,
  ) as [number, number, number, number, number];
  // Columns that, when not empty, need what only `build` does (a probability, the flags…).
  const others = ["probability", "forecast_category", "is_closed", "is_won"]
    .map(position)
    .filter((p) => p !== -1);
  const stageNames = new Dictionary();
  const stageOutcomes: (StageOutcome | null)[] = [];
  // Times and days as `build` reads them: parsed, then bounded by the latest plausible day
  // (noted as the latest seen when first read, as `build` notes it).
  const times = new Map<number, Parsed<LocalTime>>();
  const days = new Map<number, Parsed<Day>>();
  const readTime = (text: string) => bounded(parseLocalTime(text, cells.dates), cells);
  const readDay = (text: string) => bounded(parseCalendarDay(text, cells.dates), cells);
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

    const time = byDigits(times, bytes, from(at), to(at), readTime);
    if (!time?.ok) return undefined;

    const name = stageNames.codeOfBytes(bytes, from(stage), to(stage));
    let outcome = stageOutcomes[name];
    if (outcome === undefined) outcome = stageOutcomes[name] = stages.get(stageNames.texts[name]!) ?? null;
    // A stage no deal has is warned about by `build`.
    if (outcome === null) return undefined;

    let closeDate: Day | null = null;
    if (close !== -1 && from(close) !== to(close)) {
      const day = byDigits(days, bytes, from(close), to(close), readDay);
      if (!day?.ok) return undefined;
      closeDate = day.value;
    }

    let value: number | null = null;
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
    return {
      opportunityId: opportunity.id,
      at: time.value,
      stage: stageNames.texts[name]!,
      amount: value,
      closeDate,
      probability: null,
      forecastCategory: null,
      // As `build` spreads the outcome: the same fields in the same order, without a spread.
      isClosed: outcome.isClosed,
      isWon: outcome.isWon,
    };
  };
}
