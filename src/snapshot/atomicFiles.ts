import { link, mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CliError } from "../errors.ts";

/*
 * Writing the archive so that no interruption (kill -9, a power cut, a full disk) can leave a
 * half-written file under a real name. Bytes go to a temporary file beside the target, are
 * flushed to disk, and only then take the target's name: by rename (replacing a file) or by
 * link (creating one that must not exist yet, which fails rather than overwrites). A run
 * holds a lock file while it changes a quarter, so two runs cannot both issue version 1.
 */

/** Suffix of temporary files; readers ignore them and the next run removes them. */
export const TEMP_MARK = ".tmp-";

/** Replaces (or creates) `path` with `text`, all or nothing. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = await writeTemp(path, text);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}

/** Creates `path` with `text`, all or nothing; false (and nothing written) when it already exists. */
export async function createFileAtomic(path: string, text: string): Promise<boolean> {
  const temp = await writeTemp(path, text);
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
    await syncDir(dirname(path));
  }
}

async function writeTemp(path: string, text: string): Promise<string> {
  const temp = join(dirname(path), `.${basename(path)}${TEMP_MARK}${process.pid}`);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/** Flushes a folder's entries, so a rename survives a power cut; not every system allows it. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to open or sync a folder; the rename is still atomic there.
  }
}

const LOCK_WAIT_MS = 60_000;
const LOCK_POLL_MS = 25;

/**
 * Runs `work` holding `dir`/.lock, created exclusively. Another run's lock is waited for; a
 * lock left by a run that no longer exists (killed) is taken over.
 */
export async function withLock<T>(dir: string, what: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lock = join(dir, ".lock");
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await holderIsGone(lock)) {
      await unlink(lock).catch(() => {});
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new CliError(
        `${lock}: another run is writing ${what}. Wait for it to finish; if none is running, delete the lock file.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => {});
  }
}

async function holderIsGone(lock: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(lock, "utf8");
  } catch {
    return false; // removed meanwhile: the next attempt takes it
  }
  const pid = Number(text.trim());
  // An empty lock is one being written this instant, or one left by a kill mid-write.
  if (!Number.isInteger(pid) || pid <= 0) {
    const { mtimeMs } = await stat(lock).catch(() => ({ mtimeMs: Date.now() }));
    return Date.now() - mtimeMs > 2_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
