import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { metricDocs } from "../../scripts/write-metric-docs.ts";

describe("metric definitions", () => {
  it("docs/metrics.md says what the pack says (run npm run docs after changing definitions)", async () => {
    const docs = await readFile(new URL("../../docs/metrics.md", import.meta.url), "utf8");
    expect(docs).toBe(metricDocs());
  });
});
