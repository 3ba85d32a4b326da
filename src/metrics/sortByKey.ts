/*
 * Ordering a million positions by a number each (a hash, a day) without a comparator: a
 * stable radix sort, where a general sort would compare twenty times per item. Digits are
 * 11 bits, so that the 2,048 places each pass writes to stay in cache; a pass is skipped
 * when no key has bits that high (days since the earliest close need two at most).
 */

const BITS = 11;
const RADIX = 1 << BITS;

/** Positions 0 … n − 1 ordered by their keys (unsigned 32-bit), ties in position order. */
export function sortByKey(keys: Uint32Array): Int32Array {
  const n = keys.length;
  let from = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    from[i] = i;
    if (keys[i]! > max) max = keys[i]!;
  }
  let to = new Int32Array(n);
  // The keys travel with their positions, so that every pass reads them in order.
  let keysFrom: Uint32Array = keys;
  let keysTo: Uint32Array = new Uint32Array(n);
  const counts = new Int32Array(RADIX);
  for (let shift = 0; shift < 32 && (shift === 0 || max >>> shift !== 0); shift += BITS) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keysFrom[k]! >>> shift) & (RADIX - 1)]!++;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const key = keysFrom[k]!;
      const at = counts[(key >>> shift) & (RADIX - 1)]!++;
      to[at] = from[k]!;
      keysTo[at] = key;
    }
    [from, to] = [to, from];
    // The caller's keys are read, never written: the first pass moves them into a buffer of its own.
    [keysFrom, keysTo] = keysFrom === keys ? [keysTo, new Uint32Array(n)] : [keysTo, keysFrom];
  }
  return from;
}
