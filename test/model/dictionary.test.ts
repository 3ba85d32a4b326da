import { describe, expect, it } from "vitest";
import { asciiText, Dictionary } from "../../src/model/dictionary.ts";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("the dictionary", () => {
  it("gives each distinct text one position, in the order first seen", () => {
    const d = new Dictionary();
    expect(["b", "a", "b", "c", "a"].map((t) => d.code(t))).toEqual([0, 1, 0, 2, 1]);
    expect(d.texts).toEqual(["b", "a", "c"]);
  });

  it("finds a text by its bytes whether it came as a string or as bytes", () => {
    const d = Dictionary.of(["O1", "O22"]);
    const line = bytes("x,O22,O1,O3");
    expect(d.findBytes(line, 2, 5)).toBe(1);
    expect(d.codeOfBytes(line, 6, 8)).toBe(0);
    expect(d.findBytes(line, 9, 11)).toBe(-1);
    expect(d.codeOfBytes(line, 9, 11)).toBe(2);
    expect(d.code("O3")).toBe(2);
    expect(d.texts).toEqual(["O1", "O22", "O3"]);
  });

  it("keeps every text findable as it grows", () => {
    const d = new Dictionary();
    for (let i = 0; i < 10_000; i++) d.code(`A${i}`);
    const line = bytes("A9999,A0,A5000");
    expect([d.findBytes(line, 0, 5), d.findBytes(line, 6, 8), d.findBytes(line, 9, 14)]).toEqual([
      9999, 0, 5000,
    ]);
    expect(d.texts.length).toBe(10_000);
  });

  it("finds a text as a Map of first positions would, and -1 for one it does not hold", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `006${(i * 7919) % 5003}`);
    const d = Dictionary.of(ids);
    const first = new Map<string, number>();
    for (const id of ids) if (!first.has(id)) first.set(id, first.size);
    for (const id of [...ids, "0065004", "x", ""]) expect(d.find(id)).toBe(first.get(id) ?? -1);
  });

  it("never takes bytes for a text with characters beyond ASCII", () => {
    // "é" is one character (233) but two UTF-8 bytes: a plain line never holds it.
    const d = Dictionary.of(["José"]);
    const utf8 = Buffer.from("José", "utf8");
    expect(d.findBytes(utf8, 0, utf8.length)).toBe(-1);
  });

  it("tells texts of every length apart, by text and by bytes, wherever the bytes lie", () => {
    // Up to 8 characters a text is held in its slot (two words, zero past its end); longer
    // ones in the arena. Bytes are read a word at a time when the buffer goes on past the
    // text, else a byte at a time: each text is looked up in the middle of a line (other
    // bytes follow it) and at the very end of a buffer (nothing does).
    const texts = ["", "A", "A1", "Rep", "Rep ", "Rep 1", "A202780", "A2027800", "A20278001", "A2027800A"];
    texts.push("0065g00000AbCdEAAA", "x".repeat(15), "x".repeat(16), "x".repeat(17), "y".repeat(10_000));
    // Prefixes of one another, and one that differs from "A" only by a zero byte.
    texts.push("A\u0000", "A20278", "A2027");
    const d = Dictionary.of(texts);
    texts.forEach((text, at) => {
      const inLine = bytes(`,${text},A20278001,x\n`);
      const atEnd = bytes(`,${text}`);
      expect([
        d.find(text),
        d.findBytes(inLine, 1, 1 + text.length),
        d.findBytes(atEnd, 1, atEnd.length),
      ]).toEqual([at, at, at]);
    });
    expect(d.findBytes(bytes("A20278001"), 0, 8)).toBe(texts.indexOf("A2027800"));
    expect(d.findBytes(bytes("A2"), 0, 2)).toBe(-1);
    expect(d.findBytes(bytes("x".repeat(18)), 0, 18)).toBe(-1);
    expect(d.findBytes(bytes("A\u0001"), 0, 2)).toBe(-1);
    expect(d.texts).toEqual(texts);
  });

  it("reads bytes at the buffer's own offset, whichever buffer comes", () => {
    // A small Buffer is a view into a shared pool (not at offset 0); lines of two files
    // alternate at the same positions.
    const a = Buffer.from("id,A1,Rep 7");
    const pooled = Buffer.from("zzzzid,A2,Rep 8");
    const b = new Uint8Array(pooled.buffer, pooled.byteOffset + 4, pooled.length - 4);
    const d = new Dictionary();
    expect([
      d.codeOfBytes(a, 3, 5),
      d.codeOfBytes(b, 3, 5),
      d.codeOfBytes(a, 3, 5),
      d.codeOfBytes(b, 6, 11),
    ]).toEqual([0, 1, 0, 2]);
    expect(d.texts).toEqual(["A1", "A2", "Rep 8"]);
  });

  it("keeps texts apart whose hashes are the same, as the table grows around them", () => {
    // A text is hashed eight characters at a time, each chunk as two little-endian words w0
    // and w1: hash = imul(imul(w0, K1) ^ w1 ^ hash, K2), starting from the length. Chunks
    // whose w1 = c ^ imul(w0, K1) for one constant c give the same hash (all 32 bits) after
    // the same start, so texts made of them all land on one run of slots: these are the ones
    // whose w1 comes out ASCII. Each is taken alone (8 characters, held in its slot) and after
    // a common first chunk, with and without one more character (16 and 17, in the arena).
    const K1 = 0x9e3779b1 | 0;
    const word = (text: string, at: number) => bytes(text).readInt32LE(at);
    const c = word("zzzzzzzz", 4) ^ Math.imul(word("zzzzzzzz", 0), K1);
    const colliding: string[] = [];
    for (let i = 0; colliding.length < 300; i++) {
      const w0 = bytes(`${String(i).padStart(4, "0")}`).readInt32LE(0);
      const w1 = c ^ Math.imul(w0, K1);
      if ((w1 & 0x80808080) !== 0) continue;
      const text = Buffer.from(Int32Array.of(w0, w1).buffer).toString("latin1");
      colliding.push(text);
    }
    expect(new Set(colliding.map((t) => word(t, 4) ^ Math.imul(word(t, 0), K1)))).toEqual(new Set([c]));
    const kinds = (text: string) => [text, `prefix--${text}`, `prefix--${text}!`];
    const d = new Dictionary();
    const expected: string[] = [];
    // Other texts in between, so that the table doubles several times with the runs inside.
    for (const [i, text] of colliding.entries()) {
      expected.push(...kinds(text), `A${i}`);
      expect([...kinds(text), `A${i}`].map((t) => d.code(t))).toEqual([
        4 * i,
        4 * i + 1,
        4 * i + 2,
        4 * i + 3,
      ]);
    }
    for (const [i, text] of colliding.entries())
      kinds(text).forEach((t, k) => {
        expect(d.find(t)).toBe(4 * i + k);
        // In a line (read a word at a time) and alone (a byte at a time).
        expect(d.findBytes(bytes(`${t},`), 0, t.length)).toBe(4 * i + k);
        expect(d.codeOfBytes(bytes(t), 0, t.length)).toBe(4 * i + k);
      });
    expect(d.find("zzzzzzzz")).toBe(-1);
    expect(d.findBytes(bytes("prefix--zzzzzzzz,"), 0, 16)).toBe(-1);
    expect(d.texts).toEqual(expected);
  });

  it("finds texts beyond ASCII as strings, of any length, and never by bytes", () => {
    const texts = [
      "é",
      "José",
      "Zoë Müller",
      "é".repeat(14),
      "é".repeat(15),
      "日本",
      "x".repeat(14),
      "x".repeat(15),
    ];
    const d = Dictionary.of(texts);
    expect(texts.map((text) => d.find(text))).toEqual(texts.map((_, at) => at));
    for (const text of texts.slice(0, 6)) {
      // Neither the UTF-8 bytes nor the Latin-1 ones (one byte per character, where it fits).
      const utf8 = Buffer.from(text, "utf8");
      const latin1 = Buffer.from(text, "latin1");
      expect([d.findBytes(utf8, 0, utf8.length), d.findBytes(latin1, 0, latin1.length)]).toEqual([-1, -1]);
    }
    expect(d.find("Jose")).toBe(-1);
    expect(d.code("José")).toBe(1);
    expect(d.texts).toEqual(texts);
  });

  it("makes flat text of long values too", () => {
    const long = "x".repeat(10_000);
    expect(asciiText(bytes(long), 0, long.length)).toBe(long);
  });
});
