/*
 * A CSV parser that never loses a row without saying so. Text is pushed in as it is decoded;
 * complete rows are handed on with the line they start on. Rows without quotes take a fast
 * path (split on the delimiter); quoted rows are read field by field. What a general-purpose
 * parser passes over in silence is reported here as a malformed row, with its line:
 *
 * - a row with more or fewer values than the header (an unquoted delimiter in a name shifts
 *   every later column, so such a row is never used, even when the extra value is empty);
 * - a quote that is never closed, or a quoted value followed by other text. The row is
 *   rejected from its first line only, and reading goes on at the next line, so one stray
 *   quote cannot swallow the rest of the file.
 *
 * Line endings are expected as "\n" (readCsv turns CRLF and CR into LF). A value that spans
 * many pushes (a 50 MB cell) is not re-scanned on every push: the unread tail is parsed again
 * only once it has doubled, so the cost stays linear in the size of the file.
 */

/** Where parsed rows go. */
export interface CsvRowSink {
  /** The header row (line 1, or the first non-blank line). */
  header(fields: string[]): void;
  /**
   * A data row with as many values as the header, and the line it starts on. `plain` is true
   * when no value holds a control character (a tab, a line break), so readers need not look.
   */
  row(fields: string[], line: number, plain: boolean): void;
  /** A row that cannot be read as CSV, with the line it starts on and why. */
  malformed(line: number, problem: string): void;
}

const MIN_PARSE = 64 * 1024;
/** Any control character (readers take them out of values: a NUL in a name would make a new rep). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL = /[\u0000-\u001f\u007f]/;

type RowResult =
  | { kind: "row"; fields: string[]; next: number; lines: number; problem: string | null }
  | { kind: "incomplete" }
  | { kind: "unclosed" };

/** Streams text through the parser. */
export class CsvParser {
  readonly delimiter: string;
  readonly #sink: CsvRowSink;
  #pieces: string[] = [];
  #pending = 0;
  #parseAt = MIN_PARSE;
  #line = 1;
  #columns = -1;

  constructor(delimiter: string, sink: CsvRowSink) {
    this.delimiter = delimiter;
    this.#sink = sink;
  }

  /** Adds decoded text. */
  push(text: string): void {
    if (text === "") return;
    this.#pieces.push(text);
    this.#pending += text.length;
    if (this.#pending < this.#parseAt) return;
    const buffer = this.#take();
    const consumed = this.#parse(buffer, false);
    const tail = buffer.slice(consumed);
    if (tail !== "") this.#pieces.push(tail);
    this.#pending = tail.length;
    // A long row is re-read only once the text held has doubled: linear overall.
    this.#parseAt = Math.max(MIN_PARSE, tail.length * 2);
  }

  /** Parses the complete rows pushed so far now, rather than once enough text is held. */
  flush(): void {
    const buffer = this.#take();
    const tail = buffer.slice(this.#parse(buffer, false));
    if (tail !== "") this.#pieces.push(tail);
    this.#pending = tail.length;
  }

  /** Counts a line read by someone else (a plain row read from its bytes), so later rows keep their numbers. */
  skipLine(): void {
    this.#line++;
  }

  /** Parses what is left at the end of the file. */
  end(): void {
    this.#parse(this.#take(), true);
    this.#pending = 0;
  }

  /** The line the next row starts on. */
  get line(): number {
    return this.#line;
  }

  /** Whether the header has been read. */
  get sawHeader(): boolean {
    return this.#columns >= 0;
  }

  #take(): string {
    const text = this.#pieces.length === 1 ? this.#pieces[0]! : this.#pieces.join("");
    this.#pieces = [];
    return text;
  }

  /** Parses complete rows of `s`; returns how much of it was consumed. */
  #parse(s: string, final: boolean): number {
    const delimiter = this.delimiter;
    let p = 0;
    let nextQuote = -1; // position of the next quote at or after p, s.length when none
    while (p < s.length) {
      const newline = s.indexOf("\n", p);
      if (newline === -1 && !final) break;
      const lineEnd = newline === -1 ? s.length : newline;
      if (nextQuote < p) {
        nextQuote = s.indexOf('"', p);
        if (nextQuote === -1) nextQuote = s.length;
      }
      if (nextQuote >= lineEnd) {
        if (lineEnd > p) {
          const text = s.slice(p, lineEnd);
          // One look at the whole line is cheaper than one per value.
          this.#emit(text.split(delimiter), !CONTROL.test(text));
        }
        this.#line++;
        p = lineEnd + 1;
        continue;
      }
      const result = readRow(s, p, delimiter, final);
      if (result.kind === "incomplete") break;
      if (result.kind === "unclosed") {
        this.#sink.malformed(
          this.#line,
          "a quote opened on this line is never closed; the line is left out and reading goes on at the next line. Close the quote or export the file again",
        );
        this.#line++;
        p = lineEnd + 1;
        continue;
      }
      const problem = result.problem ?? (result.lines > 1 ? this.#countProblem(result.fields) : null);
      if (problem !== null && result.lines > 1) {
        // A value that runs over several lines because of a stray quote: only its first line
        // is left out, and the lines after it are read as rows of their own.
        this.#sink.malformed(this.#line, problem);
        this.#line++;
        p = lineEnd + 1;
        continue;
      }
      if (problem !== null) this.#sink.malformed(this.#line, problem);
      else this.#emit(result.fields, false);
      this.#line += result.lines;
      p = result.next;
    }
    return Math.min(p, s.length);
  }

  #emit(fields: string[], plain: boolean): void {
    if (this.#columns < 0) {
      if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
      this.#columns = fields.length;
      this.#sink.header(fields);
      return;
    }
    const problem = this.#countProblem(fields);
    if (problem !== null) {
      this.#sink.malformed(this.#line, problem);
      return;
    }
    this.#sink.row(fields, this.#line, plain);
  }

  /** Why a row's number of values does not fit the header, or null when it does. */
  #countProblem(fields: string[]): string | null {
    const columns = this.#columns;
    if (columns < 0 || fields.length === columns) return null;
    // Even extra empty values are refused: "Acme, Inc" in a row whose last column is empty
    // shifts every value one column right and leaves just such an empty value at the end.
    if (fields.length > columns) {
      return `has ${fields.length} values but the header has ${columns} columns, so its values would land in the wrong columns: quote any value that contains "${printable(this.delimiter)}"`;
    }
    return `has ${fields.length} values but the header has ${columns} columns: the row is cut short; export the file again`;
  }
}

/** Reads one row that holds a quote, field by field, from `start`. */
function readRow(s: string, start: number, delimiter: string, final: boolean): RowResult {
  const fields: string[] = [];
  let i = start;
  let lines = 1;
  let problem: string | null = null;
  for (;;) {
    if (s.charCodeAt(i) === 34) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q === -1) return final ? { kind: "unclosed" } : { kind: "incomplete" };
        if (q + 1 === s.length && !final) return { kind: "incomplete" };
        if (s.charCodeAt(q + 1) === 34) {
          value += s.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += s.slice(j, q);
        i = q + 1;
        break;
      }
      lines += countNewlines(value);
      if (i === s.length || s[i] === "\n") {
        fields.push(value);
        return { kind: "row", fields, next: i + 1, lines, problem };
      }
      if (s[i] === delimiter) {
        fields.push(value);
        i++;
        continue;
      }
      // `"abc"def`: text after the closing quote.
      const end = fieldEnd(s, i, delimiter);
      if (end === -1 && !final) return { kind: "incomplete" };
      const stop = end === -1 ? s.length : end;
      problem ??= `the quoted value "${clip(value)}" is followed by other text ("${clip(s.slice(i, stop))}"): quote the whole value, and double any quote inside it`;
      fields.push(value + s.slice(i, stop));
      i = stop;
      if (s[i] === delimiter) {
        i++;
        continue;
      }
      return { kind: "row", fields, next: i + 1, lines, problem };
    }
    const end = fieldEnd(s, i, delimiter);
    if (end === -1 && !final) return { kind: "incomplete" };
    const stop = end === -1 ? s.length : end;
    fields.push(s.slice(i, stop));
    if (s[stop] === delimiter) {
      i = stop + 1;
      continue;
    }
    return { kind: "row", fields, next: stop + 1, lines, problem };
  }
}

/** Position of the next delimiter or newline from `i`, or -1. */
function fieldEnd(s: string, i: number, delimiter: string): number {
  const d = s.indexOf(delimiter, i);
  const n = s.indexOf("\n", i);
  if (d === -1) return n;
  if (n === -1) return d;
  return Math.min(d, n);
}

function countNewlines(text: string): number {
  let count = 0;
  let at = text.indexOf("\n");
  while (at !== -1) {
    count++;
    at = text.indexOf("\n", at + 1);
  }
  return count;
}

function clip(text: string): string {
  const flat = text.replace(/\n/g, " ");
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}

function printable(delimiter: string): string {
  return delimiter === "\t" ? "\\t" : delimiter;
}

/** The delimiter of a header line: the most frequent of , ; tab and |, comma on a tie. */
export function detectDelimiter(headerLine: string): string {
  let best = ",";
  let most = 0;
  for (const candidate of [",", ";", "\t", "|"]) {
    const count = headerLine.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}
