import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/site/renderMarkdown.ts";

describe("untrusted Markdown", () => {
  it("renders raw HTML as text and drops unsafe links", () => {
    const html = renderMarkdown(
      [
        "Hello <script>alert(1)</script>",
        "",
        '<img src=x onerror="alert(1)">',
        "",
        "[click](javascript:alert(1)) [ok](https://example.com)",
      ].join("\n"),
    );
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("onerror=&quot;alert(1)&quot;");
    expect(html).toContain('<a href="https://example.com">ok</a>');
  });
});
