import { describe, expect, it } from "vitest";
import { publishedPath } from "../../../src/site/encrypt/hiddenNames.ts";
import { buildSalt, deriveMaster, ITERATIONS, siteKeys } from "../../../src/site/encrypt/keys.ts";
import { openFile, sealFile } from "../../../src/site/encrypt/sealFile.ts";

// One derivation for the whole file: PBKDF2 at 600,000 iterations is slow on purpose.
const salt = buildSalt("fixed salt for tests");
const keys = siteKeys(deriveMaster("correct horse battery staple", salt), salt);
const text = (s: string) => Buffer.from(s, "utf8");

describe("keys", () => {
  it("stretches with at least 600,000 PBKDF2 iterations", () => {
    expect(ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it("draws a fresh random salt per build unless one is given", () => {
    expect(buildSalt(undefined).equals(buildSalt(undefined))).toBe(false);
    expect(buildSalt("same").equals(buildSalt("same"))).toBe(true);
    expect(buildSalt("same").length).toBe(16);
  });

  it("gives each use its own key", () => {
    expect(keys.content.equals(keys.names)).toBe(false);
    expect(keys.content.equals(keys.ivs)).toBe(false);
  });
});

describe("sealFile", () => {
  it("round-trips and adds only the IV and the tag (12 + 16 bytes)", () => {
    const sealed = sealFile(text("Northwind,580719"), "2026-q3/new-logos.csv", keys, "random");
    expect(sealed.length).toBe(16 + 12 + 16);
    expect(openFile(sealed, "2026-q3/new-logos.csv", keys).toString()).toBe("Northwind,580719");
  });

  it("refuses a file moved to another path or opened with another key (GCM authentication)", () => {
    const sealed = sealFile(text("bookings"), "2026-q3/headline.csv", keys, "random");
    expect(() => openFile(sealed, "2026-q2/headline.csv", keys)).toThrow();
    const other = siteKeys(deriveMaster("another passphrase entirely", salt), salt);
    expect(() => openFile(sealed, "2026-q3/headline.csv", other)).toThrow();
  });

  it("uses a fresh random IV per file by default", () => {
    const a = sealFile(text("same"), "a.csv", keys, "random");
    const b = sealFile(text("same"), "a.csv", keys, "random");
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
  });

  it("derives IVs for reproducible builds, never the same IV for different content or paths", () => {
    const iv = (content: string, path: string) =>
      sealFile(text(content), path, keys, "derived").subarray(0, 12);
    expect(iv("one", "a.csv").equals(iv("one", "a.csv"))).toBe(true);
    expect(iv("one", "a.csv").equals(iv("two", "a.csv"))).toBe(false);
    expect(iv("one", "a.csv").equals(iv("one", "b.csv"))).toBe(false);
  });
});

describe("publishedPath", () => {
  it("keeps structural names and hides names made of CRM text", () => {
    expect(publishedPath("index.html", keys.names)).toBe("index.html");
    expect(publishedPath("2026-q3/v1/index.html", keys.names)).toBe("2026-q3/v1/index.html");
    expect(publishedPath("2026-q3/new-logos.csv", keys.names)).toBe("2026-q3/new-logos.csv");
    expect(publishedPath("2026-q3/2026-Q3-sales-pack.pdf", keys.names)).toBe(
      "2026-q3/2026-Q3-sales-pack.pdf",
    );
    const interview = publishedPath("2026-q3/interviews/silverline-analytics-won/index.html", keys.names);
    expect(interview).toMatch(/^2026-q3\/interviews\/[0-9a-f]{32}\/index\.html$/);
    // Unknown names are hidden too, with the folder they sit in as part of the hash.
    expect(publishedPath("favicon-acme.svg", keys.names)).toMatch(/^[0-9a-f]{32}$/);
    expect(publishedPath("2026-q2/interviews/silverline-analytics-won/index.html", keys.names)).not.toBe(
      interview.replace("2026-q3", "2026-q2"),
    );
  });
});
