import { describe, expect, it } from "vitest";
import { inlineAssets } from "../../../src/site/encrypt/inlineAssets.ts";

const files = new Map<string, Uint8Array>([
  ["styles/pack.css", Buffer.from("body{color:red}")],
  ["favicon.svg", Buffer.from("<svg/>")],
]);

describe("inlineAssets", () => {
  it("puts the site's stylesheets and icons inline, relative to the page", () => {
    const html =
      '<link rel="stylesheet" href="../styles/pack.css"><link rel="icon" href="../favicon.svg" type="image/svg+xml"><img src="../favicon.svg" alt="">';
    expect(inlineAssets(html, "2026-q3/index.html", files)).toBe(
      '<style>body{color:red}</style><link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+" type="image/svg+xml"><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="">',
    );
  });

  it("leaves other sites' files and missing files alone", () => {
    const html = '<link rel="stylesheet" href="https://example.com/a.css"><img src="missing.png" alt="">';
    expect(inlineAssets(html, "index.html", files)).toBe(html);
  });
});
