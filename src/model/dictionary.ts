/*
 * A dictionary of distinct texts, each known by its position: the owners, accounts and ids
 * that repeat across millions of rows. A text can be looked up as a string or as the ASCII
 * bytes a file holds it in, without making a string unless it is new. The table is open
 * addressing over one typed array, which at a million texts is quicker than a Map.
 *
 * Tens of millions of lookups make two costs count: hashing, and the cache misses of a large
 * dictionary. The hash reads a text eight bytes at a time, as two little-endian words (for
 * ASCII, a text's character codes are its bytes, so a string and its bytes hash alike). And a
 * slot answers as much as it can by itself: four int32 side by side, four slots to a cache line.
 *   [0] tag: the hash, its low four bits replaced by the kind: the length of a short ASCII
 *       text (at most 8 characters, as most ids are), LONG, or BEYOND_ASCII
 *   [1] position + 1 (0 for an empty slot)
 *   [2] [3] a short text's two words (zero past its end) · a long text's start in the arena
 *       and its length · nothing for a text beyond ASCII, which no bytes spell (it is
 *       compared as a string)
 * So a short text is found in its slot alone; a long one reads the arena too, a word at a
 * time. A hash's top bits pick the first slot (the final multiply leaves them the best mixed),
 * and the tag keeps them, so the table grows without hashing a text again.
 */

const K1 = 0x9e3779b1 | 0;
const K2 = 0x85ebca6b | 0;
/** The longest text held in its slot. */
const SHORT = 8;
const KIND_BITS = 15;
const BEYOND_ASCII = 14;
const LONG = 15;
/** Masks keeping the first n bytes (n ≤ 8) of a text's first and second word. */
const LOW_MASKS = Int32Array.from({ length: 9 }, (_, n) => (n >= 4 ? -1 : (1 << (8 * n)) - 1));
const HIGH_MASKS = Int32Array.from({ length: 9 }, (_, n) =>
  n >= 8 ? -1 : n <= 4 ? 0 : (1 << (8 * (n - 4))) - 1,
);

/** The hash of a text from its eight-byte chunks: one chunk for a short text. */
function mix(hash: number, low: number, high: number): number {
  return Math.imul(Math.imul(low, K1) ^ high ^ hash, K2);
}

export class Dictionary {
  readonly texts: string[] = [];
  #table = new Int32Array(4 * 64);
  /** 32 - log2(slots): a hash's top bits pick its first slot. */
  #shift = 32 - 6;
  // Each long ASCII text's bytes, one after another.
  #arena = new Uint8Array(1024);
  #arenaView = new DataView(this.#arena.buffer);
  #arenaUsed = 0;
  // The bytes last looked up (a chunk of a file, looked up many times over) seen as words;
  // holding them keeps one chunk alive.
  #viewed: Uint8Array | undefined;
  #view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  /** A dictionary of the texts, each at its position in the list (repeats keep the first). */
  static of(texts: readonly string[]): Dictionary {
    const dictionary = new Dictionary();
    for (const text of texts) dictionary.code(text);
    return dictionary;
  }

  /** The position of `text`, added when new. */
  code(text: string): number {
    const slot = this.#slotOfText(text);
    const entry = this.#table[4 * slot + 1]!;
    return entry === 0 ? this.#add(text, slot) : entry - 1;
  }

  /** The position of `text`, or -1 when it is not in the dictionary. */
  find(text: string): number {
    return this.#table[4 * this.#slotOfText(text) + 1]! - 1;
  }

  /** The position of the ASCII text in bytes [start, end), added when new. */
  codeOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const slot = this.#slotOfBytes(bytes, start, end);
    const entry = this.#table[4 * slot + 1]!;
    return entry === 0 ? this.#add(asciiText(bytes, start, end), slot) : entry - 1;
  }

  /** The position of the ASCII text in bytes [start, end), or -1 when it is not in the dictionary. */
  findBytes(bytes: Uint8Array, start: number, end: number): number {
    return this.#table[4 * this.#slotOfBytes(bytes, start, end) + 1]! - 1;
  }

  /** The slot holding the text spelt by bytes [start, end), or the empty slot where it would go. */
  #slotOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length > SHORT) return this.#slotOfLongBytes(bytes, start, end);
    // Whole words are read when the bytes go on far enough (the line's next fields, mostly),
    // and the bytes past the text masked off; else a byte at a time.
    let low: number;
    let high: number;
    if (start + SHORT <= bytes.length) {
      const view = bytes === this.#viewed ? this.#view : this.#see(bytes);
      low = view.getInt32(start, true) & LOW_MASKS[length]!;
      high = view.getInt32(start + 4, true) & HIGH_MASKS[length]!;
    } else {
      low = word(bytes, start, end);
      high = word(bytes, start + 4, end);
    }
    return this.#slotOfShort(mix(length, low, high), low, high, length);
  }

  /** As `#slotOfBytes`, for a text longer than SHORT. */
  #slotOfLongBytes(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    let hash = length;
    let at = start;
    const whole = start + ((length + 7) & ~7) <= bytes.length;
    const view = whole ? (bytes === this.#viewed ? this.#view : this.#see(bytes)) : this.#view;
    if (whole) {
      for (; end - at > 8; at += 8) hash = mix(hash, view.getInt32(at, true), view.getInt32(at + 4, true));
      const left = end - at;
      hash = mix(
        hash,
        view.getInt32(at, true) & LOW_MASKS[left]!,
        view.getInt32(at + 4, true) & HIGH_MASKS[left]!,
      );
    } else for (; at < end; at += 8) hash = mix(hash, word(bytes, at, end), word(bytes, at + 4, end));
    const table = this.#table;
    const mask = (table.length >> 2) - 1;
    const tag = (hash & ~KIND_BITS) | LONG;
    let slot = hash >>> this.#shift;
    for (;;) {
      const s = 4 * slot;
      if (
        table[s + 1] === 0 ||
        (table[s] === tag &&
          table[s + 3] === length &&
          (whole
            ? this.#spellsWords(table[s + 2]!, view, start, length)
            : this.#spells(table[s + 2]!, bytes, start, length)))
      )
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The slot holding the short ASCII text of these words and length, or the empty slot where it would go. */
  #slotOfShort(hash: number, low: number, high: number, length: number): number {
    const table = this.#table;
    const mask = (table.length >> 2) - 1;
    const tag = (hash & ~KIND_BITS) | length;
    let slot = hash >>> this.#shift;
    for (;;) {
      const s = 4 * slot;
      if (table[s + 1] === 0 || (table[s] === tag && table[s + 2] === low && table[s + 3] === high))
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The slot holding `text`, or the empty slot where it would go. */
  #slotOfText(text: string): number {
    const hash = hashText(text);
    const kind = kindOfText;
    if (kind <= SHORT) return this.#slotOfShort(hash, lowOfText, highOfText, kind);
    const table = this.#table;
    const mask = (table.length >> 2) - 1;
    const tag = (hash & ~KIND_BITS) | kind;
    let slot = hash >>> this.#shift;
    for (;;) {
      const s = 4 * slot;
      if (table[s + 1] === 0) return slot;
      if (
        table[s] === tag &&
        (kind === LONG
          ? table[s + 3] === text.length && this.#spellsText(table[s + 2]!, text)
          : this.texts[table[s + 1]! - 1] === text)
      )
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** A view of `bytes` as words, kept for the lookups that follow in the same bytes. */
  #see(bytes: Uint8Array): DataView<ArrayBufferLike> {
    this.#viewed = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return this.#view;
  }

  /** Whether the arena from `from` holds the bytes [start, start + length). */
  #spells(from: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.#arena;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /** As `#spells`, a word at a time, for bytes seen by `view` that go on past the text. */
  #spellsWords(from: number, view: DataView<ArrayBufferLike>, start: number, length: number): boolean {
    const arena = this.#arenaView;
    let i = 0;
    for (; i + 4 <= length; i += 4)
      if (arena.getInt32(from + i, true) !== view.getInt32(start + i, true)) return false;
    for (; i < length; i++) if (arena.getUint8(from + i) !== view.getUint8(start + i)) return false;
    return true;
  }

  /** Whether the arena from `from` holds the ASCII `text`. */
  #spellsText(from: number, text: string): boolean {
    const arena = this.#arena;
    for (let i = 0; i < text.length; i++) if (arena[from + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Adds `text` in `slot`, the empty slot its lookup ended on. */
  #add(text: string, slot: number): number {
    const at = this.texts.length;
    this.texts.push(text);
    this.#fill(4 * slot, text, at);
    // At most half full, so that probes stay short.
    if (this.texts.length * 2 > this.#table.length >> 2) this.#grow();
    return at;
  }

  /** Writes the slot at `s` for `text` at position `at`, as the lookups read it. */
  #fill(s: number, text: string, at: number): void {
    const table = this.#table;
    const length = text.length;
    table[s] = (hashText(text) & ~KIND_BITS) | kindOfText;
    table[s + 1] = at + 1;
    if (kindOfText <= SHORT) {
      table[s + 2] = lowOfText;
      table[s + 3] = highOfText;
    } else if (kindOfText === LONG) {
      if (this.#arenaUsed + length > this.#arena.length) {
        const arena = new Uint8Array(Math.max(this.#arena.length * 2, this.#arenaUsed + length));
        arena.set(this.#arena);
        this.#arena = arena;
        this.#arenaView = new DataView(arena.buffer);
      }
      for (let i = 0; i < length; i++) this.#arena[this.#arenaUsed + i] = text.charCodeAt(i);
      table[s + 2] = this.#arenaUsed;
      table[s + 3] = length;
      this.#arenaUsed += length;
    }
  }

  /** Doubles the table; each slot moves whole (its tag keeps the hash's top bits that place it). */
  #grow(): void {
    const old = this.#table;
    const table = new Int32Array(old.length * 2);
    const shift = this.#shift - 1;
    const mask = (table.length >> 2) - 1;
    for (let s = 0; s < old.length; s += 4) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! >>> shift;
      while (table[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
      const t = 4 * slot;
      table[t] = old[s]!;
      table[t + 1] = old[s + 1]!;
      table[t + 2] = old[s + 2]!;
      table[t + 3] = old[s + 3]!;
    }
    this.#table = table;
    this.#shift = shift;
  }
}

/** The word of the bytes [from, from + 4) that lie before `end`, little-endian. */
function word(bytes: Uint8Array, from: number, end: number): number {
  let w = 0;
  for (let i = from; i < end && i < from + 4; i++) w |= bytes[i]! << (8 * (i - from));
  return w;
}

// What `hashText` found besides the hash: the text's kind (its length when short ASCII) and
// its first two words.
let kindOfText = 0;
let lowOfText = 0;
let highOfText = 0;

/** The hash of `text`, as `mix` makes it from the text's bytes when it is ASCII. */
function hashText(text: string): number {
  const length = text.length;
  let hash = length;
  let seen = 0;
  let at = 0;
  do {
    let low = 0;
    let high = 0;
    const end = Math.min(length, at + 8);
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      seen |= c;
      if (i < at + 4) low |= c << (8 * (i - at));
      else high |= c << (8 * (i - at - 4));
    }
    if (at === 0) {
      lowOfText = low;
      highOfText = high;
    }
    hash = mix(hash, low, high);
    at += 8;
  } while (at < length);
  kindOfText = seen >= 0x80 ? BEYOND_ASCII : length <= SHORT ? length : LONG;
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
