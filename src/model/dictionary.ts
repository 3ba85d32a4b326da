/*
 * A dictionary of distinct texts, each known by its position: the owners, accounts and ids
 * that repeat across millions of rows. A text can be looked up as a string or as the ASCII
 * bytes a file holds it in, without making a string unless it is new. One hash (FNV-1a)
 * serves both: for ASCII, a text's character codes are its bytes. The table is open
 * addressing over typed arrays, which at a million texts is quicker than a Map.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const EMPTY = -1;

export class Dictionary {
  readonly texts: string[] = [];
  readonly #hashes: number[] = [];
  // slot → position of the text there, or EMPTY.
  #slots = new Int32Array(64).fill(EMPTY);

  /** A dictionary of the texts, each at its position in the list (repeats keep the first). */
  static of(texts: readonly string[]): Dictionary {
    const dictionary = new Dictionary();
    for (const text of texts) dictionary.code(text);
    return dictionary;
  }

  /** The position of `text`, added when new. */
  code(text: string): number {
    const hash = hashText(text);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.#slots[slot]!;
      if (at === EMPTY) return this.#add(text, hash, slot);
      if (this.#hashes[at] === hash && this.texts[at] === text) return at;
    }
  }

  /** The position of `text`, or -1 when it is not in the dictionary. */
  find(text: string): number {
    const hash = hashText(text);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.#slots[slot]!;
      if (at === EMPTY) return -1;
      if (this.#hashes[at] === hash && this.texts[at] === text) return at;
    }
  }

  /** The position of the ASCII text in bytes [start, end), added when new. */
  codeOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.#slots[slot]!;
      if (at === EMPTY) return this.#add(asciiText(bytes, start, end), hash, slot);
      if (this.#hashes[at] === hash && sameText(this.texts[at]!, bytes, start, end)) return at;
    }
  }

  /** The position of the ASCII text in bytes [start, end), or -1 when it is not in the dictionary. */
  findBytes(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.#slots[slot]!;
      if (at === EMPTY) return -1;
      if (this.#hashes[at] === hash && sameText(this.texts[at]!, bytes, start, end)) return at;
    }
  }

  #add(text: string, hash: number, slot: number): number {
    const at = this.texts.length;
    this.texts.push(text);
    this.#hashes.push(hash);
    this.#slots[slot] = at;
    // At most half full, so that probes stay short.
    if (this.texts.length * 2 > this.#slots.length) this.#grow();
    return at;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let at = 0; at < this.texts.length; at++) {
      let slot = this.#hashes[at]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = at;
    }
    this.#slots = slots;
  }
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

function sameText(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

/**
 * The text of the ASCII bytes [start, end), as one flat string (a string built a character
 * at a time is a chain of pieces, slow to compare against later).
 */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let at = start; at < end; at += 4096)
    text += String.fromCharCode(...bytes.subarray(at, Math.min(end, at + 4096)));
  return text;
}
