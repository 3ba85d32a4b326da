// The unlock page's script: the only JavaScript of an encrypted pack. It asks for the
// passphrase, derives the keys with WebCrypto exactly as src/site/encrypt/keys.ts does,
// decrypts the page embedded beside it and shows it; links to other pages go to their
// own unlock pages, and downloads are fetched, decrypted and handed over as Blob URLs.
(() => {
  const payload = document.getElementById("qd-payload");
  const form = document.getElementById("qd-form");
  const input = document.getElementById("qd-passphrase");
  const status = document.getElementById("qd-status");
  const { path, salt, iterations, kept } = payload.dataset;
  const keptNames = JSON.parse(kept).map((source) => new RegExp(`^(?:${source})$`));
  const encoder = new TextEncoder();
  const subtle = crypto.subtle;
  // The site root, from this page's published path ("2026-q3/index.html" is one level down).
  const root = new URL("../".repeat(path.split("/").length - 1) || "./", location.href);
  // The master key is kept per build (salt), so a rebuilt pack asks again instead of failing.
  const storageKey = `quarterdeck-master:${salt}`;

  const fromBase64 = (text) => Uint8Array.from(atob(text.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

  async function keysFrom(master) {
    const base = await subtle.importKey("raw", master, "HKDF", false, ["deriveKey"]);
    const hkdf = (info) => ({
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(),
      info: encoder.encode(info),
    });
    return {
      content: await subtle.deriveKey(
        hkdf("quarterdeck aes-256-gcm"),
        base,
        { name: "AES-GCM", length: 256 },
        false,
        ["decrypt"],
      ),
      names: await subtle.deriveKey(
        hkdf("quarterdeck names"),
        base,
        { name: "HMAC", hash: "SHA-256", length: 256 },
        false,
        ["sign"],
      ),
    };
  }

  async function deriveMaster(passphrase) {
    const base = await subtle.importKey("raw", encoder.encode(passphrase.normalize("NFC")), "PBKDF2", false, [
      "deriveBits",
    ]);
    const params = {
      name: "PBKDF2",
      hash: "SHA-256",
      salt: fromBase64(salt),
      iterations: Number(iterations),
    };
    return new Uint8Array(await subtle.deriveBits(params, base, 256));
  }

  /** Decrypts IV ‖ ciphertext ‖ tag published at `at`; rejects on a wrong key (GCM tag). */
  function open(keys, sealed, at) {
    return subtle.decrypt(
      { name: "AES-GCM", iv: sealed.subarray(0, 12), additionalData: encoder.encode(at) },
      keys.content,
      sealed.subarray(12),
    );
  }

  /** The published path of a plain path: the rule of src/site/encrypt/hiddenNames.ts. */
  async function publishedPath(keys, plain) {
    const segments = plain.split("/");
    const out = [];
    for (let i = 0; i < segments.length; i++) {
      if (keptNames.some((re) => re.test(segments[i]))) out.push(segments[i]);
      else {
        const mac = await subtle.sign("HMAC", keys.names, encoder.encode(segments.slice(0, i + 1).join("/")));
        out.push(hex(mac).slice(0, 32));
      }
    }
    return out.join("/");
  }

  /** Points the page's own links at the encrypted site: pages at their unlock pages. */
  async function rewriteLinks(keys, plainPath) {
    const plainBase = new URL(plainPath, "https://pack.invalid/");
    for (const link of document.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (href.startsWith("#")) continue;
      const target = new URL(href, plainBase);
      if (target.origin !== plainBase.origin) continue;
      let plain = decodeURIComponent(target.pathname.slice(1));
      if (plain === "" || plain.endsWith("/")) plain += "index.html";
      const published = await publishedPath(keys, plain);
      link.setAttribute("href", new URL(published, root).href + target.hash);
      if (!published.endsWith(".html")) {
        link.dataset.published = published;
        link.dataset.name = plain.split("/").pop();
      }
    }
  }

  const TYPES = { csv: "text/csv", json: "application/json", pdf: "application/pdf", svg: "image/svg+xml" };

  /** Fetches, decrypts and saves a download; file:// pages cannot fetch, and say so. */
  async function download(keys, link) {
    const note = document.getElementById("qd-download") ?? document.createElement("p");
    note.id = "qd-download";
    note.setAttribute("role", "status");
    // Fixed at the foot of the window: the link may be far from the end of the page.
    note.style.cssText =
      "position:fixed;left:1rem;right:1rem;bottom:1rem;max-width:40rem;margin:0 auto;padding:.75rem 1rem;background:#1b1f24;color:#fff;border-radius:6px";
    document.body.append(note);
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const plain = await open(keys, new Uint8Array(await response.arrayBuffer()), link.dataset.published);
      const extension = link.dataset.name.split(".").pop();
      const url = URL.createObjectURL(
        new Blob([plain], { type: TYPES[extension] ?? "application/octet-stream" }),
      );
      const save = document.createElement("a");
      save.href = url;
      save.download = link.dataset.name;
      save.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      note.textContent = `Downloaded ${link.dataset.name}.`;
    } catch {
      note.textContent =
        location.protocol === "file:"
          ? `${link.dataset.name} cannot be downloaded from a page opened as a file: browsers do not let it read other files. Serve the folder with a static web server to download it.`
          : `${link.dataset.name} could not be downloaded or decrypted.`;
    }
  }

  /** Decrypts this page's own content; rejects when the key is wrong. */
  async function unlock(master) {
    const keys = await keysFrom(master);
    const text = new TextDecoder().decode(await open(keys, fromBase64(payload.textContent), path));
    sessionStorage.setItem(storageKey, toBase64(master));
    return { keys, text };
  }

  /** Replaces this page with the decrypted one (scripts and its own CSP left out). */
  async function show({ keys, text }) {
    const newline = text.indexOf("\n");
    const plainPath = text.slice(0, newline);
    const doc = new DOMParser().parseFromString(text.slice(newline + 1), "text/html");
    for (const node of doc.querySelectorAll("script, meta[http-equiv]")) node.remove();
    document.documentElement.lang = doc.documentElement.lang || "en";
    for (const node of document.head.querySelectorAll("style, title")) node.remove();
    document.head.append(...[...doc.head.childNodes].map((node) => document.importNode(node, true)));
    document.body.replaceWith(document.importNode(doc.body, true));
    await rewriteLinks(keys, plainPath);
    document.addEventListener("click", (event) => {
      const link = event.target.closest?.("a[data-published]");
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      download(keys, link);
    });
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    document.documentElement.dataset.unlocked = "true";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "Unlocking…";
    let unlocked;
    try {
      unlocked = await unlock(await deriveMaster(input.value));
    } catch {
      // AES-GCM's tag check fails for any other key: the passphrase is wrong.
      status.textContent = "Wrong passphrase. Nothing was decrypted; try again.";
      input.value = "";
      input.focus();
      return;
    }
    await show(unlocked);
  });

  const remembered = sessionStorage.getItem(storageKey);
  if (remembered) {
    status.textContent = "Unlocking…";
    unlock(fromBase64(remembered)).then(show, () => {
      sessionStorage.removeItem(storageKey);
      status.textContent = "";
    });
  }
})();
