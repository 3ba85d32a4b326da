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

  it("makes flat text of long values too", () => {
    const long = "x".repeat(10_000);
    expect(asciiText(bytes(long), 0, long.length)).toBe(long);
  });
});
