import { afterAll, describe, expect, it } from "vitest";
import {
  cleanCsv,
  cleanUp,
  cli,
  dataFolder,
  deal,
  expectAccounted,
  HEADER,
  ingest,
  issuesOf,
} from "./corpus.ts";

/*
 * Encodings, decided from the bytes. Each export holds 12 deals, one named "Société Générale
 * Ltée", which must come out with its accents whatever the encoding, and every row must be
 * accounted for.
 */

afterAll(cleanUp);

const NAME = "Société Générale Ltée";
const text = (eol = "\n") =>
  [HEADER, ...Array.from({ length: 12 }, (_, i) => deal(i + 1, i === 4 ? { name: NAME } : {}))].join(eol) +
  eol;

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const body = endian === "le" ? le : Buffer.from(le).swap16();
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

/** Bytes with one stray byte spliced into the line of deal `n`. */
function withStrayByte(text: string, n: number, byte: number): Uint8Array {
  const at = text.indexOf(`Deal ${n},`);
  return Buffer.concat([
    Buffer.from(text.slice(0, at), "utf8"),
    Buffer.from([byte]),
    Buffer.from(text.slice(at), "utf8"),
  ]);
}

const cases: { name: string; bytes: () => Uint8Array; encoding: string; warnLines?: number[] }[] = [
  { name: "plain UTF-8", bytes: () => Buffer.from(text()), encoding: "utf-8" },
  {
    name: "UTF-8 with a byte-order mark",
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text())]),
    encoding: "utf-8",
  },
  {
    name: "UTF-8 with a byte-order mark and CRLF",
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text("\r\n"))]),
    encoding: "utf-8",
  },
  { name: "UTF-16LE with a byte-order mark", bytes: () => utf16(text(), "le", true), encoding: "utf-16le" },
  {
    name: "UTF-16BE with a byte-order mark",
    bytes: () => utf16(text("\r\n"), "be", true),
    encoding: "utf-16be",
  },
  {
    name: "UTF-16LE without a byte-order mark",
    bytes: () => utf16(text("\r\n"), "le", false),
    encoding: "utf-16le",
  },
  {
    name: "UTF-16BE without a byte-order mark",
    bytes: () => utf16(text(), "be", false),
    encoding: "utf-16be",
  },
  {
    name: "Windows-1252 (Salesforce style, CRLF)",
    bytes: () => Buffer.from(text("\r\n"), "latin1"),
    encoding: "windows-1252",
  },
  {
    name: "UTF-8 with one stray 0xFF byte (line 9)",
    bytes: () => withStrayByte(text(), 8, 0xff),
    encoding: "utf-8",
    warnLines: [9],
  },
  {
    name: "UTF-8 with a lone continuation byte 0x80 (line 3)",
    bytes: () => withStrayByte(text(), 2, 0x80),
    encoding: "utf-8",
    warnLines: [3],
  },
  {
    name: "UTF-8 cut in the middle of a character at the end",
    bytes: () => {
      const whole = Buffer.from(`${text().trimEnd()}é`);
      return whole.subarray(0, whole.length - 1);
    },
    encoding: "utf-8",
    warnLines: [13],
  },
];

describe("hostile encodings", () => {
  it.each(cases)("$name: every row accounted for, accents intact", async ({ bytes, encoding, warnLines }) => {
    const dir = await dataFolder({ "opportunities.csv": bytes() });
    const result = await ingest(dir);
    const entry = expectAccounted(result, "opportunities.csv", 12);
    expect(result.inputs.find((i) => i.file === "opportunities.csv")?.encoding).toBe(encoding);
    expect(result.records.opportunities.find((o) => o.id === "O5")?.name).toBe(NAME);
    expect(result.records.opportunities.map((o) => o.id)[0]).toBe("O1"); // no mark left on the first id
    const warned = issuesOf(result, "opportunities.csv", "warning").map((i) => Number(i.split(":")[0]));
    expect(warned).toEqual(warnLines ?? []);
    if (warnLines === undefined) expect(entry.used).toBe(12);
    const run = await cli("validate", "--data", dir);
    expect(run.code).toBe(0);
    for (const line of warnLines ?? [])
      expect(run.out).toContain(`opportunities.csv:${line}: holds bytes that are not UTF-8`);
  });

  it("a Windows-1252 file of the clean export reads the same deals as its UTF-8 twin", async () => {
    const utf8 = await ingest(await dataFolder({ "opportunities.csv": cleanCsv() }));
    const cp1252 = await ingest(
      await dataFolder({ "opportunities.csv": Buffer.from(cleanCsv(12, "\r\n"), "latin1") }),
    );
    expect(cp1252.records.opportunities).toEqual(utf8.records.opportunities);
  });
});
