import MarkdownIt from "markdown-it";

/*
 * Markdown from the data folder (commentary, interview notes) is untrusted text: raw HTML is
 * not rendered but shown as text, and links may only go to http(s) and mailto addresses.
 * Images are dropped for their text: a remote image would be a request to a third party
 * from every reader's browser (a tracking pixel), and the pack carries no images of its own.
 */

const SAFE_LINK = /^(https?:|mailto:)/i;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());
markdown.renderer.rules.image = (tokens, index) => {
  const alt = tokens[index]!.children?.map((t) => t.content).join("") ?? "";
  return alt === "" ? "" : markdown.utils.escapeHtml(`[image: ${alt}]`);
};

/** Renders untrusted Markdown to inert HTML. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
