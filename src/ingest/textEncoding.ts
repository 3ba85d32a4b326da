import { createReadStream } from "node:fs";
import { CliError } from "../errors.ts";

/*
 * The text encoding of a CSV file, decided from its bytes before it is read:
 *
 * - a byte-order mark names it (UTF-8, UTF-16LE, UTF-16BE);
 * - UTF-16 without a mark shows as a zero byte in every other position of plain text;
 * - a file whose every byte sequence is valid UTF-8 is UTF-8;
 * - otherwise, a file with valid multi-byte UTF-8 characters and a few bytes that are not is
 *   UTF-8 with damage: it is read as UTF-8, and the lines with bad bytes are reported;
 * - a file with no UTF-8 characters and bytes above 127 is Windows-1252 (a superset of
 *   ISO-8859-1), as Salesforce and Excel often write it.
 */

/** An encoding a CSV file is read in. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** What was learned of a file's encoding. */
export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Lines holding bytes that are not valid in the encoding (UTF-8 only), at most 1000. */
  invalidLines: number[];
}

const SNIFF_BYTES = 4096;
const LINES_KEPT = 1000;

/** Detects the encoding of the file at `path`. */
export async function detectEncoding(path: string, displayName: string): Promise<DetectedEncoding> {
  try {
    const head = await readHead(path);
    const marked = byBom(head);
    if (marked !== null) return { encoding: marked, invalidLines: [] };
    const utf16 = byZeroBytes(head);
    if (utf16 !== null) return { encoding: utf16, invalidLines: [] };
    if (await isValidUtf8(path)) return { encoding: "utf-8", invalidLines: [] };
    const scan = await scanUtf8(path);
    if (scan.valid > 0 && scan.valid >= scan.invalid) return { encoding: "utf-8", invalidLines: scan.lines };
    return { encoding: "windows-1252", invalidLines: [] };
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`${displayName}: cannot be read (${code}). Check that it is a readable file.`);
  }
}

async function readHead(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: SNIFF_BYTES - 1 }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function byBom(head: Buffer): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** UTF-16 text of mostly Latin characters has a zero byte in every other position. */
function byZeroBytes(head: Buffer): TextEncodingName | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

async function isValidUtf8(path: string): Promise<boolean> {
  const strict = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) strict.decode(chunk as Buffer, { stream: true });
    strict.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/** Counts valid multi-byte UTF-8 characters and invalid bytes, with the lines of the latter. */
async function scanUtf8(path: string): Promise<{ valid: number; invalid: number; lines: number[] }> {
  const scan = { valid: 0, invalid: 0, line: 1, lines: [] as number[] };
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path)) {
    const bytes = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    // Stop 3 bytes short of the end so a character split across chunks is seen whole.
    carry = bytes.subarray(scanBytes(bytes, bytes.length - 3, scan));
  }
  scanBytes(carry, carry.length, scan);
  return scan;
}

/** Scans `bytes` up to `stop`, counting into `scan`; returns where it stopped. */
function scanBytes(
  bytes: Buffer,
  stop: number,
  scan: { valid: number; invalid: number; line: number; lines: number[] },
): number {
  let i = 0;
  while (i < stop) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 10) scan.line++;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      scan.valid++;
      i += length;
      continue;
    }
    scan.invalid++;
    if (scan.lines.at(-1) !== scan.line && scan.lines.length < LINES_KEPT) scan.lines.push(scan.line);
    i++;
  }
  return i;
}

/** Length of the valid UTF-8 sequence at `i`, or 0. */
function sequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k]!;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return n;
}
