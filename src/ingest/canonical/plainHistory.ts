import { asciiText, Dictionary } from "../../model/dictionary.ts";
import type { Day, HistoryRow, LocalTime, Opportunity } from "../../model/records.ts";
import type { CellContext } from "../cells.ts";
import type { CurrencyConverter } from "../currency.ts";
import type { PlainRowReader } from "../readTable.ts";
import type { StageOutcome } from "../stageOutcomes.ts";
import { type Parsed, parseCalendarDay, parseLocalTime } from "../values/dates.ts";
import { dateDigits, isWord, plainAmount, splitFields } from "../values/plainBytes.ts";

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
  opportunities: readonly Opportunity[];
  stages: ReadonlyMap<string, StageOutcome>;
}

/** A reader of plain history lines, once the file's columns are known. */
export function plainHistoryRows(
  { cells, converter, opportunities, stages }: HistoryReading,
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
  const ids = Dictionary.of(opportunities.map((o) => o.id));
  const stageNames = new Dictionary();
  const stageOutcomes: (StageOutcome | null)[] = [];
  const times = new Map<number, Parsed<LocalTime>>();
  const days = new Map<number, Parsed<Day>>();
  const starts = new Int32Array(count + 1);
  const from = (f: number) => starts[f]!;
  const to = (f: number) => starts[f + 1]! - 1;

  return (bytes, start, end, delimiter) => {
    if (!splitFields(bytes, start, end, delimiter, starts, count)) return undefined;
    for (const other of others) if (from(other) !== to(other)) return undefined;
    if (!isWord(bytes, from(id), to(id)) || !isWord(bytes, from(stage), to(stage))) return undefined;
    const known = ids.findBytes(bytes, from(id), to(id));
    // An id no deal has: `build` reports it.
    if (known === -1) return undefined;
    const opportunity = opportunities[known]!;

    const time = cachedParse(times, bytes, from(at), to(at), (text) => parseLocalTime(text, cells.dates));
    if (time === null || !within(time.slice(0, 10), cells)) return undefined;

    const name = stageNames.codeOfBytes(bytes, from(stage), to(stage));
    let outcome = stageOutcomes[name];
    if (outcome === undefined) outcome = stageOutcomes[name] = stages.get(stageNames.texts[name]!) ?? null;
    // A stage no deal has is warned about by `build`.
    if (outcome === null) return undefined;

    let closeDate: Day | null = null;
    if (close !== -1 && from(close) !== to(close)) {
      closeDate = cachedParse(days, bytes, from(close), to(close), (text) =>
        parseCalendarDay(text, cells.dates),
      );
      if (closeDate === null || !within(closeDate, cells)) return undefined;
    }

    let value: number | null = null;
    if (amount !== -1) {
      // An empty amount in a file that records amounts means none then: 0.
      value = 0;
      if (from(amount) !== to(amount)) {
        const read = plainAmount(bytes, from(amount), to(amount));
        if (read === null || cells.decimal !== ".") return undefined;
        const rounded = Math.round(read * 100) / 100;
        const converted = converter.convert(
          rounded === 0 ? 0 : rounded,
          opportunity.currency,
          closeDate ?? opportunity.closeDate,
        );
        if (!converted.ok) return undefined;
        value = converted.value;
      }
    }
    return {
      opportunityId: opportunity.id,
      at: time,
      stage: stageNames.texts[name]!,
      amount: value,
      closeDate,
      probability: null,
      forecastCategory: null,
      ...outcome,
    };
  };
}

/** A day or time read once per distinct value (by its digits); null when not plain or not valid. */
function cachedParse<T extends string>(
  cache: Map<number, Parsed<T>>,
  bytes: Uint8Array,
  start: number,
  end: number,
  parse: (text: string) => Parsed<T>,
): T | null {
  const digits = dateDigits(bytes, start, end);
  if (digits === null) return null;
  // A day and a time of the same digits cannot meet: a time has six digits more.
  let parsed = cache.get(digits);
  if (parsed === undefined) {
    parsed = parse(asciiText(bytes, start, end));
    if (cache.size >= 65_536) cache.clear();
    cache.set(digits, parsed);
  }
  return parsed.ok ? parsed.value : null;
}

/** Whether a day is within the latest plausible day, noting it as the latest seen (as `build` does). */
function within(day: Day, cells: CellContext): boolean {
  if (cells.latestDay !== null && day > cells.latestDay) return false;
  if (day > cells.maxDay) cells.maxDay = day;
  return true;
}
