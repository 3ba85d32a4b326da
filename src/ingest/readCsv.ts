import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type Readable, Transform } from "node:stream";
import Papa from "papaparse";
import { CliError } from "../errors.ts";

/*
 * Streaming CSV reading. The file is never held in memory: bytes are hashed and decoded as
 * they stream, and papaparse hands over the rows a chunk at a time. The encoding is decided once per
 * file (UTF-8 if every byte sequence is valid UTF-8, else Windows-1252, which Salesforce and
 * Excel often write), never guessed character by character.
 */

/** One CSV file read row by row. */
export interface CsvHandlers {
  /** Called once with the header row. */
  header(fields: string[]): void;
  /** Called for every data row with the line it starts on (1 is the header). */
  row(fields: string[], line: number): void;
}

/** What reading a file learned about it. */
export interface CsvFileInfo {
  encoding: "utf-8" | "windows-1252";
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
  const encoding = await detectEncoding(path, displayName);
  const hash = createHash("sha256");
  let bytes = 0;
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const text = createReadStream(path).pipe(decode);
  let delimiter = ",";
  let line = 1;
  let sawHeader = false;
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text as unknown as Readable, {
      header: false,
      skipEmptyLines: false,
      delimitersToGuess: [",", ";", "\t", "|"],
      // Rows come a chunk at a time: a callback per row costs more than parsing the row.
      chunk(result, parser) {
        if (failure !== undefined) return;
        delimiter = result.meta.delimiter;
        try {
          for (const fields of result.data) {
            const startLine = line;
            line += 1 + countNewlines(fields);
            if (fields.length === 1 && fields[0] === "") continue; // blank line
            if (!sawHeader) {
              sawHeader = true;
              if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
              handlers.header(fields);
            } else {
              handlers.row(fields, startLine);
            }
          }
        } catch (error) {
          // A handler's error (a missing column, say) stops the read and is passed on as it is.
          failure = error;
          parser.abort();
        }
      },
      complete: () => (failure === undefined ? resolve() : reject(failure)),
      error: (error: Error) =>
        reject(new CliError(`${displayName}: cannot be read as CSV: ${error.message}`)),
    });
  });
  if (!sawHeader)
    throw new CliError(`${displayName}: the file is empty; export it again with its header row.`);
  return { encoding, delimiter, sha256: hash.digest("hex"), bytes };
}

/** Newlines inside quoted fields: each moves the next row's line number on. */
function countNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    let at = field.indexOf("\n");
    while (at !== -1) {
      count++;
      at = field.indexOf("\n", at + 1);
    }
  }
  return count;
}

async function detectEncoding(path: string, displayName: string): Promise<CsvFileInfo["encoding"]> {
  const strict = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) strict.decode(chunk as Buffer, { stream: true });
    strict.decode();
    return "utf-8";
  } catch (error) {
    if (error instanceof TypeError) return "windows-1252";
    throw new CliError(`${displayName}: cannot be read (${(error as Error).message}).`);
  }
}
