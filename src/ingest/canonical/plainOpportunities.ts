import { asciiText } from "../../model/dictionary.ts";
import { type Account, NO_OWNER, type Opportunity, type OpportunityType } from "../../model/records.ts";
import { bounded, type CellContext } from "../cells.ts";
import type { CurrencyConverter } from "../currency.ts";
import { deriveOpportunityType } from "../derive.ts";
import type { PlainRowReader } from "../readTable.ts";
import { type Parsed, parseCalendarDay, parseDay } from "../values/dates.ts";
import { parseForecastCategory } from "../values/forecastCategory.ts";
import { ByDate, BySpelling, isWord, plainAmount, splitFields } from "../values/plainBytes.ts";
import { parseBoolean, parseProbability } from "../values/scalars.ts";

/*
 * Plain deals read straight from their bytes: an id, the is_closed/is_won flags, a created
 * day, a close day, an amount written plainly, and every other value either empty or one
 * the text readers take without a word. Any row that would be warned about or rejected is
 * left to the spec's `build`, which reads it as text and says so; so the deals and the
 * ledger are the same either way. Values that repeat (owners, stages, accounts, yes/no) are
 * read once per spelling, by the text readers' own functions.
 */

/** What a deal is read against. */
export interface DealReading {
  cells: CellContext;
  converter: CurrencyConverter;
  /** The reporting currency, for deals that name none. */
  reporting: string;
  accounts: ReadonlyMap<string, Account>;
}

/** Columns without which `build` notes or derives something for every row: then it reads them all. */
const NEEDED = ["is_closed", "is_won", "created_date", "stage", "amount", "close_date"];

/** A reader of plain deal lines, once the file's columns are known. */
export function plainOpportunityRows(
  { cells, converter, reporting, accounts }: DealReading,
  columns: ReadonlyMap<string, number>,
  count: number,
): PlainRowReader<Opportunity> {
  const position = (key: string) => columns.get(key) ?? -1;
  if (NEEDED.some((key) => position(key) === -1)) return () => undefined;
  const at = {
    id: position("id"),
    account: position("account_id"),
    name: position("name"),
    owner: position("owner"),
    product: position("product"),
    type: position("type"),
    stage: position("stage"),
    amount: position("amount"),
    currency: position("currency"),
    created: position("created_date"),
    close: position("close_date"),
    isClosed: position("is_closed"),
    isWon: position("is_won"),
    lossReason: position("loss_reason"),
    competitor: position("competitor"),
    leadSource: position("lead_source"),
    forecastCategory: position("forecast_category"),
    probability: position("probability"),
    segment: position("segment"),
  };
  const texts = new BySpelling((text) => text);
  // An account id with its account's segment (a deal without one of its own takes it), looked up once per id.
  const accountsOf = new BySpelling((id) => ({ id, segment: accounts.get(id)?.segment ?? null }));
  const flags = new BySpelling(parseBoolean);
  const currencies = new BySpelling((text) => text.toUpperCase());
  const types = new BySpelling(deriveOpportunityType);
  const categories = new BySpelling(parseForecastCategory);
  const probabilities = new BySpelling(parseProbability);
  // Days as `build` reads them: a created timestamp moved into the time zone, a close date as
  // written; both bounded by the latest plausible day (noted as the latest seen when first read).
  const createdDays = new ByDate((text) => bounded(parseDay(text, cells.dates), cells));
  const closeDays = new ByDate((text) => bounded(parseCalendarDay(text, cells.dates), cells));

  const starts = new Int32Array(count + 1);
  const from = (f: number) => starts[f]!;
  const to = (f: number) => starts[f + 1]! - 1;
  const empty = (f: number) => f === -1 || from(f) === to(f);
  /** An optional value read by its spelling: null when empty, undefined when it has spaces to trim. */
  const text = <V>(line: Uint8Array, f: number, spellings: BySpelling<V>): V | null | undefined =>
    empty(f) ? null : isWord(line, from(f), to(f)) ? spellings.of(line, from(f), to(f)) : undefined;
  /** An optional parsed value: null when empty, undefined when the text reader would warn. */
  const parsed = <V>(line: Uint8Array, f: number, spellings: BySpelling<Parsed<V>>): V | null | undefined => {
    const value = text(line, f, spellings);
    return value === null || value === undefined ? value : value.ok ? value.value : undefined;
  };
  const whole = (line: Uint8Array, f: number) => asciiText(line, from(f), to(f));

  return (line, start, end, delimiter) => {
    if (!splitFields(line, start, end, delimiter, starts, count)) return undefined;
    // In the order `build` reads them, so that no day is read that `build` would not reach.
    if (!isWord(line, from(at.id), to(at.id)) || !isWord(line, from(at.stage), to(at.stage)))
      return undefined;
    let owner = NO_OWNER;
    if (at.owner !== -1) {
      if (!isWord(line, from(at.owner), to(at.owner))) return undefined;
      owner = texts.of(line, from(at.owner), to(at.owner));
    }
    const stage = texts.of(line, from(at.stage), to(at.stage));
    const amountOriginal = plainAmount(line, from(at.amount), to(at.amount));
    if (amountOriginal === null) return undefined;
    const created = createdDays.of(line, from(at.created), to(at.created));
    if (!created?.ok) return undefined;
    const isClosed = parsed(line, at.isClosed, flags);
    const isWon = parsed(line, at.isWon, flags);
    // Empty flags are read as false by `build` too, but a won deal must be closed.
    if (isClosed === undefined || isWon === undefined || (isWon === true && isClosed !== true))
      return undefined;
    const close = closeDays.of(line, from(at.close), to(at.close));
    if (!close?.ok) return undefined;

    const createdDate = created.value;
    const closeDate = close.value;
    const currency = empty(at.currency) ? reporting : text(line, at.currency, currencies);
    if (currency === undefined || currency === null) return undefined;
    const converted = converter.convert(amountOriginal, currency, closeDate);
    if (!converted.ok || (isWon === true && converted.value < 0) || closeDate < createdDate) return undefined;

    const account = text(line, at.account, accountsOf);
    const name = empty(at.name)
      ? ""
      : isWord(line, from(at.name), to(at.name))
        ? whole(line, at.name)
        : undefined;
    // A type that is none of the three is warned about by `build`.
    const type: OpportunityType | null | undefined =
      text(line, at.type, types) ?? (empty(at.type) ? null : undefined);
    const product = text(line, at.product, texts);
    const lossReason = text(line, at.lossReason, texts);
    const competitor = text(line, at.competitor, texts);
    const leadSource = text(line, at.leadSource, texts);
    const segment = text(line, at.segment, texts);
    const forecastCategory = parsed(line, at.forecastCategory, categories);
    const probability = parsed(line, at.probability, probabilities);
    if (
      account === undefined ||
      name === undefined ||
      type === undefined ||
      product === undefined ||
      lossReason === undefined ||
      competitor === undefined ||
      leadSource === undefined ||
      segment === undefined ||
      forecastCategory === undefined ||
      probability === undefined
    )
      return undefined;
    return {
      id: whole(line, at.id),
      accountId: account?.id ?? null,
      name,
      owner,
      product,
      type,
      stage,
      amount: converted.value,
      currency,
      amountOriginal,
      createdDate,
      closeDate,
      isClosed: isClosed === true,
      isWon: isWon === true,
      lossReason,
      competitor,
      leadSource,
      forecastCategory,
      probability,
      segment: segment ?? account?.segment ?? null,
    };
  };
}
