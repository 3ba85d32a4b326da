import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import type { SiteKeys } from "./keys.ts";

/*
 * One encrypted file: IV (12 bytes) ‖ AES-256-GCM ciphertext ‖ tag (16 bytes), the layout
 * WebCrypto's decrypt takes after the IV. The file's published path is the additional
 * authenticated data, so a file moved to another path fails to open instead of showing
 * the wrong content.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** How IVs are chosen: fresh random bytes, or derived for a byte-identical rebuild. */
export type IvMode = "random" | "derived";

/**
 * A derived IV depends on the path and on a hash of the content, so a (key, IV) pair is only
 * ever reused for the very same plaintext at the very same path — which yields the very same
 * ciphertext and reveals nothing new. Different content or a different path gives a new IV.
 */
function derivedIv(keys: SiteKeys, path: string, plaintext: Uint8Array): Buffer {
  const digest = createHash("sha256").update(plaintext).digest();
  return createHmac("sha256", keys.ivs)
    .update(path)
    .update("\0")
    .update(digest)
    .digest()
    .subarray(0, IV_BYTES);
}

/** Encrypts one file published at `path`. */
export function sealFile(plaintext: Uint8Array, path: string, keys: SiteKeys, mode: IvMode): Buffer {
  const iv = mode === "derived" ? derivedIv(keys, path, plaintext) : randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.content, iv);
  cipher.setAAD(Buffer.from(path, "utf8"));
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts a file sealed for `path`; throws when the key or the path is wrong. */
export function openFile(sealed: Uint8Array, path: string, keys: SiteKeys): Buffer {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", keys.content, iv);
  decipher.setAAD(Buffer.from(path, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}
