/*
 * The opportunities' ids, findable by text. A million ids in a hash table (a Map or a
 * dictionary) cost a scattered memory access or three per id to build, which at that size
 * is most of a second; here each id is hashed into one flat array and the positions are
 * sorted by hash (a radix sort, two linear passes). An id is found among the few of its
 * hash's top 16 bits, then compared as text only where the whole hash matches.
 */

import type { Dictionary } from "../model/dictionary.ts";
import { sortByKey } from "./sortByKey.ts";

/** Each opportunity's first position with its id, and a lookup from id to that position. */
export interface IdIndex {
  /** Of each position, the first position holding the same id (itself when the id is not repeated). */
  readonly firstOf: Int32Array;
  /** The first position of `id`, or −1 when no opportunity has it. */
  find(id: string): number;
}

/** Indexes the ids of `items`, in their order. */
export function indexIds(items: readonly { readonly id: string }[]): IdIndex {
  const n = items.length;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = hashOf(items[i]!.id);
  const byHash = sortByKey(hashes);
  const sorted = new Uint32Array(n);
  for (let k = 0; k < n; k++) sorted[k] = hashes[byHash[k]!]!;
  // Where the hashes of each value of the top 16 bits begin in `sorted`.
  const bucket = new Int32Array(0x10001);
  for (let k = 0; k < n; k++) bucket[(sorted[k]! >>> 16) + 1]!++;
  for (let b = 0; b < 0x10000; b++) bucket[b + 1]! += bucket[b]!;
  const firstOf = new Int32Array(n);
  // Positions of equal hash are in ascending order (the sort is stable): within such a run,
  // each id is compared with the first holder of each distinct id seen so far in it, so a
  // collision (or a repeated id) costs a comparison, never a scan.
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    for (let k = start; k < end; k++) {
      const i = byHash[k]!;
      let first = i;
      for (let j = start; j < k; j++) {
        const earlier = byHash[j]!;
        if (firstOf[earlier] === earlier && items[earlier]!.id === items[i]!.id) {
          first = earlier;
          break;
        }
      }
      firstOf[i] = first;
    }
    start = end;
  }
  return {
    firstOf,
    find(id) {
      const hash = hashOf(id);
      const end = bucket[(hash >>> 16) + 1]!;
      let k = bucket[hash >>> 16]!;
      while (k < end && sorted[k]! < hash) k++;
      for (; k < end && sorted[k] === hash; k++) {
        const i = byHash[k]!;
        if (items[i]!.id === id) return firstOf[i]!;
      }
      return -1;
    },
  };
}

/** The index of ids a dictionary already holds, each at its position (so none repeated). */
export function dictionaryIds(dictionary: Dictionary): IdIndex {
  return {
    firstOf: Int32Array.from({ length: dictionary.texts.length }, (_, i) => i),
    find: (id) => dictionary.find(id),
  };
}

/** FNV-1a of the text's character codes, unsigned. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
