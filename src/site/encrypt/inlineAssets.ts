/*
 * Makes a page self-contained before it is encrypted: stylesheets, icons and images that
 * the page loads from the site itself are put inline. The encrypted copies of those files
 * are unreadable to the browser without the key, and a page opened from the folder
 * (file://) cannot fetch them to decrypt, so the page carries what it needs to render.
 */

const MEDIA_TYPES: Record<string, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};

const attributeOf = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

const decodeEntities = (value: string) => value.replace(/&amp;/g, "&");

/** Inlines the site files a page loads; `files` maps site paths to their plain bytes. */
export function inlineAssets(html: string, pagePath: string, files: ReadonlyMap<string, Uint8Array>): string {
  const base = new URL(pagePath, "https://pack.invalid/");
  const fileAt = (ref: string | undefined) => {
    if (ref === undefined) return undefined;
    const url = new URL(decodeEntities(ref), base);
    if (url.origin !== base.origin) return undefined;
    const path = decodeURIComponent(url.pathname.slice(1));
    const bytes = files.get(path);
    return bytes && { path, bytes };
  };
  const dataUri = (file: { path: string; bytes: Uint8Array }) => {
    const type = MEDIA_TYPES[file.path.split(".").pop()!.toLowerCase()] ?? "application/octet-stream";
    return `data:${type};base64,${Buffer.from(file.bytes).toString("base64")}`;
  };
  return html
    .replace(/<link\b[^>]*>/gi, (tag) => {
      const rel = (attributeOf(tag, "rel") ?? "").toLowerCase().split(/\s+/);
      const file = fileAt(attributeOf(tag, "href"));
      if (!file) return tag;
      if (rel.includes("stylesheet")) {
        return `<style>${Buffer.from(file.bytes)
          .toString("utf8")
          .replace(/<\/style/gi, "<\\/style")}</style>`;
      }
      if (rel.includes("icon") || rel.includes("apple-touch-icon")) {
        return tag.replace(/\shref\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/i, ` href="${dataUri(file)}"`);
      }
      return tag;
    })
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const file = fileAt(attributeOf(tag, "src"));
      return file ? tag.replace(/\ssrc\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/i, ` src="${dataUri(file)}"`) : tag;
    });
}
