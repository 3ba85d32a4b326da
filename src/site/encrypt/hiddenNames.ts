import { createHmac } from "node:crypto";
import { TABLES } from "../tables.ts";

/*
 * Where each file of the plain site is published in the encrypted one. Paths stay as they
 * are where they say nothing about the data — quarter folders, versions, the fixed table and
 * page names — so links and bookmarks to a quarter keep working from one build to the next.
 * Any other path segment is replaced by a keyed hash: an interview page's folder is named
 * after the account, product and outcome ("acme-platform-lost"), and a name that is not
 * known to be structural is hidden by default, so a page added later cannot leak through
 * its URL. unlock.js applies the same rule in the browser with the same key.
 */

/** Path segments published as they are (whole-segment regular expressions). */
export const KEPT_NAMES: readonly string[] = [
  "index\\.html",
  "\\d{4}-q[1-4]",
  "v\\d+",
  "interviews",
  "snapshot\\.json",
  "\\d{4}-Q[1-4]-sales-pack\\.pdf",
  ...TABLES.map((t) => `${t.name.replace(/[^a-z0-9]/g, (c) => `\\${c}`)}\\.csv`),
];

const kept = KEPT_NAMES.map((source) => new RegExp(`^(?:${source})$`));

/** Hex characters of a hidden name (128 bits). */
const HIDDEN_NAME_LENGTH = 32;

/** The published path of a plain site's file (both relative to the site root, with "/"). */
export function publishedPath(path: string, namesKey: Buffer): string {
  const segments = path.split("/");
  return segments
    .map((segment, i) => {
      if (kept.some((re) => re.test(segment))) return segment;
      const prefix = segments.slice(0, i + 1).join("/");
      return createHmac("sha256", namesKey).update(prefix).digest("hex").slice(0, HIDDEN_NAME_LENGTH);
    })
    .join("/");
}
