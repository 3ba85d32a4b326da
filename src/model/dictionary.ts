/*
 * A dictionary of distinct texts, each known by its position: the owners, accounts and ids
 * that repeat across millions of rows. A text can be looked up as a string or as the ASCII
 * bytes a file holds it in, without making a string unless it is new. One hash (FNV-1a)
 * serves both: for ASCII, a text's character codes are its bytes. The table is open
 * addressing over typed arrays, which at a million texts is quicker than a Map.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export class Dictionary {
  readonly texts: string[] = [];
  // Two int32 per slot: the text's hash, and its position + 1 (0 for an empty slot), side by
  // side so that a probe reads one place.
  #table = new Int32Array(128);
  // Each ASCII text's bytes, one after another, to compare with a file's bytes in one place;
  // a text beyond ASCII has length -1 there (no plain line can hold it).
  #arena = new Uint8Array(1024);
  #arenaUsed = 0;
  #starts = new Int32Array(64);
  #lengths = new Int32Array(64);

  /** A dictionary of the texts, each at its position in the list (repeats keep the first). */
  static of(texts: readonly string[]): Dictionary {
    const dictionary = new Dictionary();
    for (const text of texts) dictionary.code(text);
    return dictionary;
  }

  /** The position of `text`, added when new. */
  code(text: string): number {
    const hash = hashText(text);
    const slot = this.#slotOfText(text, hash);
    const entry = this.#table[2 * slot + 1]!;
    return entry === 0 ? this.#add(text, hash, slot) : entry - 1;
  }

  /** The position of `text`, or -1 when it is not in the dictionary. */
  find(text: string): number {
    return this.#table[2 * this.#slotOfText(text, hashText(text)) + 1]! - 1;
  }

  /** The position of the ASCII text in bytes [start, end), added when new. */
  codeOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const slot = this.#slotOfBytes(bytes, start, end, hash);
    const entry = this.#table[2 * slot + 1]!;
    return entry === 0 ? this.#add(asciiText(bytes, start, end), hash, slot) : entry - 1;
  }

  /** The position of the ASCII text in bytes [start, end), or -1 when it is not in the dictionary. */
  findBytes(bytes: Uint8Array, start: number, end: number): number {
    return this.#table[2 * this.#slotOfBytes(bytes, start, end, hashBytes(bytes, start, end)) + 1]! - 1;
  }

  /** The slot holding `text`, or the empty slot where it would go. */
  #slotOfText(text: string, hash: number): number {
    const table = this.#table;
    const mask = (table.length >> 1) - 1;
    let slot = hash & mask;
    while (
      table[2 * slot + 1] !== 0 &&
      (table[2 * slot] !== hash || this.texts[table[2 * slot + 1]! - 1] !== text)
    )
      slot = (slot + 1) & mask;
    return slot;
  }

  /** The slot holding the text spelt by bytes [start, end), or the empty slot where it would go. */
  #slotOfBytes(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const table = this.#table;
    const mask = (table.length >> 1) - 1;
    let slot = hash & mask;
    while (
      table[2 * slot + 1] !== 0 &&
      (table[2 * slot] !== hash || !this.#spells(table[2 * slot + 1]! - 1, bytes, start, end))
    )
      slot = (slot + 1) & mask;
    return slot;
  }

  /** Whether the text at `at` is the bytes [start, end). */
  #spells(at: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.#lengths[at] !== length) return false;
    const arena = this.#arena;
    const from = this.#starts[at]!;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  #add(text: string, hash: number, slot: number): number {
    const at = this.texts.length;
    this.texts.push(text);
    this.#table[2 * slot] = hash;
    this.#table[2 * slot + 1] = at + 1;
    this.#keep(at, text);
    // At most half full, so that probes stay short.
    if (this.texts.length * 2 > this.#table.length >> 1) this.#grow();
    return at;
  }

  /** Keeps the text's bytes in the arena (or marks it as beyond ASCII). */
  #keep(at: number, text: string): void {
    if (at === this.#starts.length) {
      this.#starts = larger(this.#starts, at * 2);
      this.#lengths = larger(this.#lengths, at * 2);
    }
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
    if (!ascii) {
      this.#lengths[at] = -1;
      return;
    }
    if (this.#arenaUsed + text.length > this.#arena.length)
      this.#arena = larger(this.#arena, Math.max(this.#arena.length * 2, this.#arenaUsed + text.length));
    for (let i = 0; i < text.length; i++) this.#arena[this.#arenaUsed + i] = text.charCodeAt(i);
    this.#starts[at] = this.#arenaUsed;
    this.#lengths[at] = text.length;
    this.#arenaUsed += text.length;
  }

  #grow(): void {
    const old = this.#table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s]!;
      table[2 * slot + 1] = old[s + 1]!;
    }
    this.#table = table;
  }
}

function larger<A extends Int32Array | Uint8Array>(array: A, length: number): A {
  const next = new (array.constructor as new (n: number) => A)(length);
  next.set(array);
  return next;
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}

function hashText(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Below this length V8 keeps a string built by concatenation flat, and building it so is quickest. */
const FLAT_CONCAT = 13;

/**
 * The text of the ASCII bytes [start, end), as one flat string (a longer string built a
 * character at a time is a chain of pieces, slow to compare against later).
 */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  if (end - start < FLAT_CONCAT) {
    for (let at = start; at < end; at++) text += String.fromCharCode(bytes[at]!);
    return text;
  }
  for (let at = start; at < end; at += 4096)
    text += String.fromCharCode.apply(
      null,
      bytes.subarray(at, Math.min(end, at + 4096)) as unknown as number[],
    );
  return text;
}
