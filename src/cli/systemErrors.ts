/*
 * Errors from the operating system (a folder that cannot be written, a disk that is full)
 * reach the command line as Node's terse "EACCES: permission denied, open '…'". They are told
 * here as one sentence naming the path and what to do about it.
 */

const REMEDIES: Record<string, string> = {
  EACCES: "permission denied; check the file's permissions or run as a user who may use it",
  EPERM: "operation not permitted; check the file's permissions",
  ENOENT: "no such file or folder; check the path",
  ENOTDIR: "a part of the path is a file, not a folder; check the path",
  EISDIR: "is a folder where a file was expected; check the path",
  EEXIST: "already exists; move it aside or choose another path",
  ENOSPC: "the disk is full; free some space and run again (nothing half-written was kept)",
  EDQUOT: "the disk quota is used up; free some space and run again",
  EROFS: "the file system is read-only; choose a writable folder",
  EMFILE: "too many files are open; close other programs and run again",
  ENAMETOOLONG: "the path is too long; choose a shorter one",
  ELOOP: "the path loops through symbolic links; check the path",
};

/** One line for a system error, or null when the error is not one. */
export function describeSystemError(error: unknown): string | null {
  const { code, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== "string" || !(code in REMEDIES)) return null;
  const where = path ?? dest;
  return `${where === undefined ? "" : `${where}: `}${REMEDIES[code]} (${code}).`;
}
