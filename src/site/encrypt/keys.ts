import { createHash, hkdfSync, pbkdf2Sync, randomBytes } from "node:crypto";

/*
 * The keys of an encrypted pack. The passphrase is stretched once with PBKDF2-SHA-256 into a
 * 32-byte master key; HKDF splits that into one key per use, so the browser runs the slow
 * derivation once and every key below is cheap to re-derive from the master it keeps for
 * the session. The unlock page (unlock.js) derives the same keys with WebCrypto.
 */

/** PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const ITERATIONS = 600_000;
/** Bytes of the random (or given) salt. */
export const SALT_BYTES = 16;
/** The shortest passphrase accepted. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** HKDF `info` labels; unlock.js uses the same strings. */
export const KEY_INFO = {
  content: "quarterdeck aes-256-gcm",
  names: "quarterdeck names",
  ivs: "quarterdeck ivs",
} as const;

/** The keys derived from one passphrase and salt. */
export interface SiteKeys {
  salt: Buffer;
  /** AES-256-GCM key for every file. */
  content: Buffer;
  /** HMAC-SHA-256 key that turns names carrying CRM text into opaque ones. */
  names: Buffer;
  /** HMAC-SHA-256 key for deterministic IVs (reproducible builds only). */
  ivs: Buffer;
}

/** Stretches the passphrase into the master key (the slow step). */
export function deriveMaster(passphrase: string, salt: Buffer): Buffer {
  return pbkdf2Sync(Buffer.from(passphrase.normalize("NFC"), "utf8"), salt, ITERATIONS, 32, "sha256");
}

/** Splits a master key into the per-use keys. */
export function siteKeys(master: Buffer, salt: Buffer): SiteKeys {
  const sub = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  return { salt, content: sub(KEY_INFO.content), names: sub(KEY_INFO.names), ivs: sub(KEY_INFO.ivs) };
}

/**
 * The build's salt: random, unless QUARTERDECK_SALT is given for a reproducible build, in
 * which case it is hashed to SALT_BYTES so any spelling of it works.
 */
export function buildSalt(given: string | undefined): Buffer {
  if (given === undefined) return randomBytes(SALT_BYTES);
  return createHash("sha256").update(`quarterdeck salt\0${given}`).digest().subarray(0, SALT_BYTES);
}
