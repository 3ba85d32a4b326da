/*
 * Where each id sits in a list, for joining history rows to their deals. A Map keyed by a
 * million ids spends most of its time growing and chasing entries; this table is sized once,
 * holds positions in one typed array and probes linearly, so an enterprise export's join
 * costs a fraction of it. It answers exactly what a Map of first positions would.
 */

/** Positions of the ids of a list, each id at its first position. */
export interface IdIndex {
  readonly ids: readonly string[];
  /** Open-addressing slots: a position in `ids`, or −1 for an empty slot. */
  readonly slots: Int32Array;
  /** The id's first position in `ids`, for each position (itself unless the id came earlier). */
  readonly firstOf: Int32Array;
}

/** Indexes the ids of a list. */
export function indexIds(ids: readonly string[]): IdIndex {
  // At most half full, so that probes stay short.
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const firstOf = new Int32Array(ids.length);
  const index = { ids, slots, firstOf };
  for (let i = 0; i < ids.length; i++) {
    const slot = slotOf(index, ids[i]!);
    if (slots[slot] === -1) slots[slot] = i;
    firstOf[i] = slots[slot]!;
  }
  return index;
}

/** The first position of `id` in the list, or −1 when it is not there. */
export function positionOf(index: IdIndex, id: string): number {
  return index.slots[slotOf(index, id)]!;
}

/** The slot holding `id`, or the empty slot where it would go. */
function slotOf({ ids, slots }: Pick<IdIndex, "ids" | "slots">, id: string): number {
  const mask = slots.length - 1;
  let slot = hash(id) & mask;
  while (slots[slot] !== -1 && ids[slots[slot]!] !== id) slot = (slot + 1) & mask;
  return slot;
}

/** FNV-1a over the id's UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
