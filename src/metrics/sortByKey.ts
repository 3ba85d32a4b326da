/*
 * Ordering a million positions by a number each (a hash, a day) without a comparator: a
 * stable radix sort, two linear passes of 16 bits, where a general sort would compare
 * twenty times per item.
 */

/** Positions 0 … n − 1 ordered by their keys (unsigned 32-bit), ties in position order. */
export function sortByKey(keys: Uint32Array): Int32Array {
  const n = keys.length;
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Int32Array(n);
  const counts = new Int32Array(0x10000);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 0x10000; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = from[k]!;
      to[counts[(keys[i]! >>> shift) & 0xffff]!++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}
