/**
 * The data directory: file names, generations and the lock.
 *
 *     snapshot-000007.jsonl   the graph as of generation 7 (absent for generation 0)
 *     journal-000007.log      every write since that snapshot
 *     LOCK                    pid of the process that has the store open
 *
 * Compaction writes generation n+1 (snapshot, then an empty journal) and only
 * then deletes generation n, so at every instant the newest complete snapshot
 * plus its journal hold every acknowledged write.
 */
import { closeSync, fsyncSync, openSync, promises as fsp, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from '../core/errors';

const GEN_DIGITS = 6;

export function snapshotPath(dir: string, gen: number): string {
  return path.join(dir, `snapshot-${String(gen).padStart(GEN_DIGITS, '0')}.jsonl`);
}

export function journalPath(dir: string, gen: number): string {
  return path.join(dir, `journal-${String(gen).padStart(GEN_DIGITS, '0')}.log`);
}

const SNAPSHOT_RE = /^snapshot-(\d+)\.jsonl$/;
const JOURNAL_RE = /^journal-(\d+)\.log$/;

export interface DirListing {
  /** Generations with a complete (renamed) snapshot, newest first. */
  snapshots: number[];
  journals: number[];
  /** Leftover temp files of an interrupted snapshot. */
  temps: string[];
}

export async function listDataDir(dir: string): Promise<DirListing> {
  const names = await fsp.readdir(dir);
  const gens = (re: RegExp) =>
    names
      .map((n) => re.exec(n)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number)
      .sort((a, b) => b - a);
  return { snapshots: gens(SNAPSHOT_RE), journals: gens(JOURNAL_RE), temps: names.filter((n) => n.endsWith('.tmp')).map((n) => path.join(dir, n)) };
}

/** Makes a rename, create or delete in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// ----- lock ---------------------------------------------------------------------

/** Directories this process has open, so a second open in the same process is refused too. */
const openHere = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the directory's lock: one process, one store instance at a time, since
 * two writers would interleave journal records. A lock left by a dead process
 * (a crash) is taken over.
 */
export async function acquireLock(dir: string): Promise<() => void> {
  const key = path.resolve(dir);
  if (openHere.has(key)) throw new StoreUnavailableError(`The data directory ${dir} is already open in this process`);
  const file = path.join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fsp.open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      openHere.add(key);
      return () => {
        openHere.delete(key);
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(file, 'utf8').trim());
      } catch {
        /* vanished or unreadable: treat as stale */
      }
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && pidAlive(holder)) {
        throw new StoreUnavailableError(`The data directory ${dir} is in use by process ${holder}`);
      }
      await fsp.rm(file, { force: true });
    }
  }
  throw new StoreUnavailableError(`Could not lock the data directory ${dir}`);
}
