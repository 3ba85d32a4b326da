import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { ITERATIONS } from "./keys.ts";

/*
 * The unlock page published at every page path of an encrypted pack (so deep links work,
 * from a server or from the folder): a passphrase form, the page's own ciphertext embedded
 * as a data block (file:// pages cannot fetch, so each page carries its content), and
 * unlock.js inline. The CSP admits that one script by its hash and nothing from elsewhere;
 * it names no company and stores no hint.
 */

const SCRIPT = readFileSync(new URL("./unlock.js", import.meta.url), "utf8");

/** The CSP hash source of the unlock script. */
export const SCRIPT_HASH = `sha256-${createHash("sha256").update(SCRIPT).digest("base64")}`;

const CSP = [
  "default-src 'self'",
  `script-src '${SCRIPT_HASH}'`,
  // The decrypted pages carry their styles inline, as the plain site does.
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
main{max-width:26rem;margin:18vh auto 0;padding:0 1.25rem}
h1{font-size:1.4rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin:1.25rem 0 .25rem}
input{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #57606a;border-radius:4px}
button{font:inherit;margin-top:.75rem;padding:.45rem 1.1rem;border:0;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
#qd-status{min-height:1.5em;font-weight:600;color:#a40e26}`;

/** What an unlock page embeds besides the form. */
export interface UnlockPageOptions {
  /** The page's published path, relative to the site root ("2026-q3/index.html"). */
  path: string;
  /** The sealed page (IV ‖ ciphertext ‖ tag). */
  sealed: Uint8Array;
  salt: Uint8Array;
  /** Path segments published as they are (see hiddenNames.ts). */
  keptNames: readonly string[];
}

const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** The HTML of one unlock page. */
export function unlockPage(options: UnlockPageOptions): string {
  const data = [
    `data-path="${attribute(options.path)}"`,
    `data-salt="${Buffer.from(options.salt).toString("base64")}"`,
    `data-iterations="${ITERATIONS}"`,
    `data-kept="${attribute(JSON.stringify(options.keptNames))}"`,
  ].join(" ");
  // Base64 in 76-character lines cannot close the data block early ("</script" has no place in it).
  const body = Buffer.from(options.sealed).toString("base64").replace(/.{76}/g, "$&\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow, noarchive">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Encrypted sales pack</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Encrypted sales pack</h1>
<p>This pack is encrypted. Enter the passphrase to read it; it is kept only until this tab is closed.</p>
<form id="qd-form">
<label for="qd-passphrase">Passphrase</label>
<input id="qd-passphrase" type="password" autocomplete="current-password" required>
<button type="submit">Unlock</button>
<p id="qd-status" role="alert"></p>
</form>
<noscript><p>Unlocking needs JavaScript, which this browser has turned off.</p></noscript>
</main>
<script type="application/octet-stream" id="qd-payload" ${data}>
${body}
</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
