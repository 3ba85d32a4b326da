import MarkdownIt from "markdown-it";

/*
 * Markdown from the data folder (commentary, interview notes) is untrusted text: raw HTML is
 * not rendered but shown as text, and links may only go to http(s) and mailto addresses.
 */

const SAFE_LINK = /^(https?:|mailto:)/i;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** Renders untrusted Markdown to inert HTML. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
