import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { CliError } from "../errors.ts";
import { CsvParser, detectDelimiter } from "./csvParser.ts";
import { detectEncoding, type TextEncodingName } from "./textEncoding.ts";

/*
 * Streaming CSV reading. The file is never held in memory: bytes are hashed and decoded as
 * they stream, line endings are made "\n" (exports mix CRLF and LF), and the parser hands
 * over complete rows. The encoding is decided once per file from its bytes (textEncoding.ts),
 * never guessed character by character.
 */

/** One CSV file read row by row. */
export interface CsvHandlers {
  /** Called once with the header row. */
  header(fields: string[]): void;
  /**
   * Called for every data row with the line it starts on (1 is the header); `plain` when no
   * value holds a control character.
   */
  row(fields: string[], line: number, plain: boolean): void;
  /** Called for a row that cannot be read as CSV: it is not handed to `row`. */
  malformed?(line: number, problem: string): void;
  /** Called once, before the rows, with the lines that hold bytes the encoding does not allow. */
  badBytes?(lines: number[]): void;
  /**
   * Offered each data line as bytes before it is decoded, with the delimiter's byte: returns
   * true when it read the row itself. It must decline (false) any line that is not plain
   * (printable ASCII and the delimiter, no quote; see `splitFields`); a declined line is read
   * as text like any other.
   */
  plainLine?(bytes: Uint8Array, start: number, end: number, line: number, delimiter: number): boolean;
}

/** What reading a file learned about it. */
export interface CsvFileInfo {
  encoding: TextEncodingName;
  delimiter: string;
  sha256: string;
  bytes: number;
}

/** Reads a CSV file row by row and returns its encoding, delimiter and SHA-256. */
export async function readCsv(
  path: string,
  displayName: string,
  handlers: CsvHandlers,
): Promise<CsvFileInfo> {
  const { encoding, invalidLines } = await detectEncoding(path, displayName);
  const hash = createHash("sha256");
  let bytes = 0;
  const decoder = new TextDecoder(encoding);
  const lineEnds = new LineEnds();
  let parser: CsvParser | null = null;
  let head = "";
  const feed = (text: string) => {
    if (parser !== null) return parser.push(text);
    // The delimiter is read off the header line, so the parser waits for the first line.
    head += text;
    const newline = head.indexOf("\n");
    if (newline === -1 && head.length < 1 << 20) return;
    parser = new CsvParser(detectDelimiter(head.slice(0, newline === -1 ? undefined : newline)), {
      header: (fields) => handlers.header(fields),
      row: (fields, line, plain) => handlers.row(fields, line, plain),
      malformed: (line, problem) => handlers.malformed?.(line, problem),
    });
    parser.push(head);
    head = "";
  };
  if (invalidLines.length > 0) handlers.badBytes?.(invalidLines);
  // Plain lines are offered as bytes while every line so far could be read line by line; a
  // quote (which may open a value running over lines) or a lone CR turns the rest of the
  // file over to the text parser.
  const offer = handlers.plainLine;
  let byLine = offer !== undefined && encoding !== "utf-16le" && encoding !== "utf-16be";
  let carry: Buffer | null = null;
  const asText = (bytes: Uint8Array) => feed(lineEnds.normalize(decoder.decode(bytes, { stream: true })));
  let delimiter = -1;
  /** Reads the line [start, end) (its "\n" at end); false when the rest must go to the text parser. */
  const readLine = (bytes: Buffer, start: number, end: number): boolean => {
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    const p = parser as CsvParser | null;
    // The reader offered a line checks its bytes as it splits it, and declines any that is not plain.
    if (p?.sawHeader && (stop === start || offer!(bytes, start, stop, p.line, delimiter))) {
      p.skipLine();
      return true;
    }
    if (holdsQuoteOrCr(bytes, start, stop)) return false;
    asText(bytes.subarray(start, end + 1));
    (parser as CsvParser | null)?.flush();
    if (delimiter === -1 && parser !== null) delimiter = (parser as CsvParser).delimiter.charCodeAt(0);
    return true;
  };
  try {
    for await (const chunk of createReadStream(path, byLine ? { highWaterMark: LINE_CHUNK_BYTES } : {})) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      if (!byLine) {
        asText(chunk as Buffer);
        continue;
      }
      let buffer = chunk as Buffer;
      let at = 0;
      if (carry !== null) {
        // The line the last chunk ended in, completed by this one's first line: only that line
        // is copied, not the chunk.
        const newline = buffer.indexOf(LF);
        if (newline === -1) buffer = Buffer.concat([carry, buffer]);
        else {
          const line = Buffer.concat([carry, buffer.subarray(0, newline + 1)]);
          at = newline + 1;
          if (!readLine(line, 0, line.length - 1)) {
            byLine = false;
            asText(line);
          }
        }
      }
      for (let newline = buffer.indexOf(LF, at); byLine && newline !== -1; newline = buffer.indexOf(LF, at)) {
        if (!readLine(buffer, at, newline)) {
          byLine = false;
          break;
        }
        at = newline + 1;
      }
      carry = null;
      // A line longer than any plain row (a value of megabytes) is left to the text parser,
      // which reads long values in linear time; carrying it chunk by chunk would not be.
      if (byLine && buffer.length - at > LONGEST_PLAIN_LINE) byLine = false;
      if (!byLine) asText(buffer.subarray(at));
      else if (at < buffer.length) carry = Buffer.from(buffer.subarray(at));
    }
  } catch (error) {
    if (error instanceof CliError || (error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new CliError(`${displayName}: cannot be read (${(error as NodeJS.ErrnoException).code}).`);
  }
  // A last line without its newline.
  if (carry !== null) asText(carry);
  feed(lineEnds.normalize(decoder.decode()) + lineEnds.flush());
  if (parser === null && head !== "") feed("\n");
  (parser as CsvParser | null)?.end();
  if (!(parser as CsvParser | null)?.sawHeader)
    throw new CliError(`${displayName}: the file is empty; export it again with its header row.`);
  return {
    encoding,
    delimiter: (parser as unknown as CsvParser).delimiter,
    sha256: hash.digest("hex"),
    bytes,
  };
}

// Read line by line, a file is read a megabyte at a time: fewer chunks to carry a line across
// and fewer turns of the loop. (The text parser is quicker on the default, smaller chunks.)
const LINE_CHUNK_BYTES = 1 << 20;
const LF = 0x0a;
const LONGEST_PLAIN_LINE = 1 << 20;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Whether a line must turn the rest of the file over to the text parser: it holds a quote
 * (which may open a value running over lines) or a CR that is not its end.
 */
function holdsQuoteOrCr(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === QUOTE || bytes[i] === CR) return true;
  return false;
}

/** Turns CRLF and lone CR into LF across chunk boundaries. */
class LineEnds {
  #cr = false;

  normalize(text: string): string {
    if (this.#cr) {
      text = `\r${text}`;
      this.#cr = false;
    }
    if (text.endsWith("\r")) {
      this.#cr = true;
      text = text.slice(0, -1);
    }
    return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  }

  flush(): string {
    const rest = this.#cr ? "\n" : "";
    this.#cr = false;
    return rest;
  }
}
