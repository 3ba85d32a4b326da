import { dayFromNumber, dayNumber } from "../calendar/days.ts";
import { Dictionary } from "./dictionary.ts";
import { type Activity, type ActivityType, ActivityTypeSchema, type Day } from "./records.ts";

/*
 * Activities stored by column. An enterprise export holds tens of millions of calls, emails
 * and meetings; as one object each they would take gigabytes and most of the ingest's time
 * in garbage collection. Here each activity is a day number, a type code and four indexes
 * into dictionaries of the texts that repeat (owners, accounts, contacts, opportunities).
 * The activity's own id is checked when read but not kept: no figure needs it.
 */

/** The activity types, in the order of their codes. */
export const ACTIVITY_TYPES: readonly ActivityType[] = ActivityTypeSchema.options;
const TYPE_CODE = new Map(ACTIVITY_TYPES.map((type, code) => [type, code]));

/** No account, contact or opportunity: the index stored for an empty reference. */
export const NO_REF = -1;

/** The columns of an activity log, as plain data that can cross to and from a worker thread. */
export interface ActivityColumns {
  size: number;
  day: Int32Array;
  type: Uint8Array;
  owner: Int32Array;
  account: Int32Array;
  contact: Int32Array;
  opportunity: Int32Array;
  owners: string[];
  accounts: string[];
  contacts: string[];
  opportunities: string[];
}

/** Activities, column by column; appended to while ingesting, read by the metrics. */
export class ActivityLog {
  #size = 0;
  #day: Int32Array = growable(Int32Array);
  #type: Uint8Array = growable(Uint8Array);
  #owner: Int32Array = growable(Int32Array);
  #account: Int32Array = growable(Int32Array);
  #contact: Int32Array = growable(Int32Array);
  #opportunity: Int32Array = growable(Int32Array);
  readonly #dayNumbers = new Map<Day, number>();
  readonly owners = new Dictionary();
  readonly accounts = new Dictionary();
  readonly contacts = new Dictionary();
  readonly opportunities = new Dictionary();

  /** A log holding the given activities, in order. */
  static of(activities: Iterable<Activity>): ActivityLog {
    const log = new ActivityLog();
    for (const a of activities) log.push(a);
    return log;
  }

  /** The log whose columns were sent from another thread. */
  static fromColumns(columns: ActivityColumns): ActivityLog {
    const log = new ActivityLog();
    log.#size = columns.size;
    log.#day = columns.day;
    log.#type = columns.type;
    log.#owner = columns.owner;
    log.#account = columns.account;
    log.#contact = columns.contact;
    log.#opportunity = columns.opportunity;
    for (const [dictionary, texts] of [
      [log.owners, columns.owners],
      [log.accounts, columns.accounts],
      [log.contacts, columns.contacts],
      [log.opportunities, columns.opportunities],
    ] as const) {
      for (const text of texts) dictionary.code(text);
    }
    return log;
  }

  get length(): number {
    return this.#size;
  }

  push(a: Activity): void {
    let day = this.#dayNumbers.get(a.date);
    if (day === undefined) {
      day = dayNumber(a.date);
      // Activities fall on a few thousand distinct days; the bound only guards odd exports.
      if (this.#dayNumbers.size >= 100_000) this.#dayNumbers.clear();
      this.#dayNumbers.set(a.date, day);
    }
    this.pushCodes(
      day,
      TYPE_CODE.get(a.type)!,
      this.owners.code(a.owner),
      a.accountId === null ? NO_REF : this.accounts.code(a.accountId),
      a.contactId === null ? NO_REF : this.contacts.code(a.contactId),
      a.opportunityId === null ? NO_REF : this.opportunities.code(a.opportunityId),
    );
  }

  /** Appends every activity of another log, after this one's. */
  append(other: ActivityLog): void {
    const o = other.columns();
    const remap = (from: readonly string[], to: Dictionary) => Int32Array.from(from, (text) => to.code(text));
    const owners = remap(o.owners, this.owners);
    const accounts = remap(o.accounts, this.accounts);
    const contacts = remap(o.contacts, this.contacts);
    const opportunities = remap(o.opportunities, this.opportunities);
    const ref = (codes: Int32Array, at: number) => (at === NO_REF ? NO_REF : codes[at]!);
    for (let i = 0; i < o.size; i++) {
      this.pushCodes(
        o.day[i]!,
        o.type[i]!,
        owners[o.owner[i]!]!,
        ref(accounts, o.account[i]!),
        ref(contacts, o.contact[i]!),
        ref(opportunities, o.opportunity[i]!),
      );
    }
  }

  /** The columns, trimmed to the log's length (views, not copies). */
  columns(): ActivityColumns {
    const n = this.#size;
    return {
      size: n,
      day: this.#day.subarray(0, n),
      type: this.#type.subarray(0, n),
      owner: this.#owner.subarray(0, n),
      account: this.#account.subarray(0, n),
      contact: this.#contact.subarray(0, n),
      opportunity: this.#opportunity.subarray(0, n),
      owners: this.owners.texts,
      accounts: this.accounts.texts,
      contacts: this.contacts.texts,
      opportunities: this.opportunities.texts,
    };
  }

  /** The activity at position i, as a record (for tests and small exports; the id is not kept). */
  at(i: number): Omit<Activity, "id"> {
    const text = (dictionary: Dictionary, at: number) => (at === NO_REF ? null : dictionary.texts[at]!);
    return {
      owner: this.owners.texts[this.#owner[i]!]!,
      type: ACTIVITY_TYPES[this.#type[i]!]!,
      date: dayFromNumber(this.#day[i]!) as Day,
      accountId: text(this.accounts, this.#account[i]!),
      contactId: text(this.contacts, this.#contact[i]!),
      opportunityId: text(this.opportunities, this.#opportunity[i]!),
    };
  }

  /** Every activity as a record, in order. */
  *[Symbol.iterator](): IterableIterator<Omit<Activity, "id">> {
    for (let i = 0; i < this.#size; i++) yield this.at(i);
  }

  /** How many activities fell on each day, by day number in ascending order: the export's date is judged from them. */
  dayCounts(): Map<number, number> {
    const day = this.#day;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.#size; i++) {
      if (day[i]! < first) first = day[i]!;
      if (day[i]! > last) last = day[i]!;
    }
    const counts = new Map<number, number>();
    if (this.#size === 0) return counts;
    // Activities span a few years of days: one counter per day, then the days that have any.
    const perDay = new Float64Array(last - first + 1);
    for (let i = 0; i < this.#size; i++) perDay[day[i]! - first]!++;
    perDay.forEach((count, offset) => {
      if (count > 0) counts.set(first + offset, count);
    });
    return counts;
  }

  /** Appends an activity already in codes: a day number, a type code and dictionary positions (or NO_REF). */
  pushCodes(
    day: number,
    type: number,
    owner: number,
    account: number,
    contact: number,
    opportunity: number,
  ): void {
    if (this.#size === this.#day.length) this.#grow();
    const i = this.#size++;
    this.#day[i] = day;
    this.#type[i] = type;
    this.#owner[i] = owner;
    this.#account[i] = account;
    this.#contact[i] = contact;
    this.#opportunity[i] = opportunity;
  }

  #grow(): void {
    // Half again, not double: at tens of millions of rows the unused tail is memory held for nothing.
    this.#resize(Math.ceil(this.#day.length * 1.5));
  }

  #resize(capacity: number): void {
    // A log made of columns handed over from another thread holds them at their length: it
    // grows into resizable columns again.
    if (!(this.#day.buffer as ArrayBuffer).resizable) {
      const regrown = <A extends Int32Array | Uint8Array>(column: A, type: GrowableType<A>): A => {
        const grown = growable(type);
        (grown.buffer as ArrayBuffer).resize(Math.max(capacity, column.length) * type.BYTES_PER_ELEMENT);
        grown.set(column);
        return grown;
      };
      this.#day = regrown(this.#day, Int32Array);
      this.#type = regrown(this.#type, Uint8Array);
      this.#owner = regrown(this.#owner, Int32Array);
      this.#account = regrown(this.#account, Int32Array);
      this.#contact = regrown(this.#contact, Int32Array);
      this.#opportunity = regrown(this.#opportunity, Int32Array);
    }
    for (const column of [
      this.#day,
      this.#type,
      this.#owner,
      this.#account,
      this.#contact,
      this.#opportunity,
    ])
      (column.buffer as ArrayBuffer).resize(capacity * column.BYTES_PER_ELEMENT);
  }

  /**
   * The columns, each moved to a buffer of exactly the log's length, to be sent to another
   * thread: arrays of a fixed length are read faster than resizable ones by the millions of
   * reads the metrics make. The log is left empty.
   */
  handOver(): ActivityColumns {
    const n = this.#size;
    const fixed = <A extends Int32Array | Uint8Array>(column: A, type: GrowableType<A>): A =>
      new type((column.buffer as ArrayBuffer).transferToFixedLength(n * type.BYTES_PER_ELEMENT));
    const columns = {
      size: n,
      day: fixed(this.#day, Int32Array),
      type: fixed(this.#type, Uint8Array),
      owner: fixed(this.#owner, Int32Array),
      account: fixed(this.#account, Int32Array),
      contact: fixed(this.#contact, Int32Array),
      opportunity: fixed(this.#opportunity, Int32Array),
      owners: this.owners.texts,
      accounts: this.accounts.texts,
      contacts: this.contacts.texts,
      opportunities: this.opportunities.texts,
    };
    this.#size = 0;
    this.#day = growable(Int32Array);
    this.#type = growable(Uint8Array);
    this.#owner = growable(Int32Array);
    this.#account = growable(Int32Array);
    this.#contact = growable(Int32Array);
    this.#opportunity = growable(Int32Array);
    return columns;
  }
}

/** A typed array type a column is made of. */
type GrowableType<A extends Int32Array | Uint8Array> = {
  new (buffer: ArrayBuffer): A;
  BYTES_PER_ELEMENT: number;
};

/** Rows a log can hold: the reservation of address space, not memory, behind each column. */
const MAX_ROWS = 2 ** 28;

/**
 * An empty column that grows in place: its buffer is resizable, so growing and trimming
 * never copy (a copy of ten million rows would hold both for a moment). The view tracks the
 * buffer's length.
 */
function growable<A extends Int32Array | Uint8Array>(type: GrowableType<A>): A {
  return new type(
    new ArrayBuffer(1024 * type.BYTES_PER_ELEMENT, { maxByteLength: MAX_ROWS * type.BYTES_PER_ELEMENT }),
  );
}
