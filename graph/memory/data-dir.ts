/**
 * The data directory: file names, generations and the lock.
 *
 *     snapshot-000007.jsonl   the graph as of generation 7 (absent for generation 0)
 *     journal-000007.log      every write since that snapshot
 *     LOCK                    Unix socket the process that has the store open listens on
 *
 * Compaction writes generation n+1 (snapshot, then an empty journal) and only
 * then deletes generation n, so at every instant the newest complete snapshot
 * plus its journal hold every acknowledged write.
 */
import { promises as fsp, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { StoreUnavailableError } from '../core/errors';
import { fsyncPath } from '../fsync';

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
  fsyncPath(dir);
}

// ----- lock ---------------------------------------------------------------------

/** Directories this process has open, so a second open in the same process is refused too. */
const openHere = new Set<string>();

/** Longest Unix socket path Linux accepts (sun_path is 108 bytes with its NUL). */
const MAX_SOCKET_PATH = 107;

/** The address to bind for `file`: as is, or relative to the working directory when that fits and the full path does not. */
function socketAddress(file: string): string {
  if (Buffer.byteLength(file) <= MAX_SOCKET_PATH) return file;
  const relative = path.relative(process.cwd(), file);
  if (Buffer.byteLength(relative) <= MAX_SOCKET_PATH) return relative;
  throw new StoreUnavailableError(`The data directory path is too long for its lock (${file}); use a shorter STEPPE_DATA_DIR`);
}

function listen(address: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.unref(); // the lock alone does not keep the process running
      resolve(server);
    });
  });
}

/** Whether a live process is listening on the lock: a dead one's socket refuses at once, even before its parent reaps it. */
function holderAnswers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function unwritable(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EROFS' || code === 'EPERM';
}

/**
 * Takes the directory's lock: one process, one store instance at a time, since
 * two writers would interleave journal records. The lock is a Unix socket,
 * `LOCK`, that the holder listens on: the kernel closes it the moment the
 * holder dies (kill -9 included), so a refused connection means a stale lock,
 * taken over at once, and no process id is compared (pids are reused, and
 * repeat in containers). The holder removes the file when it exits, including
 * on SIGTERM and SIGINT.
 */
export async function acquireLock(dir: string): Promise<() => void> {
  const key = path.resolve(dir);
  if (openHere.has(key)) throw new StoreUnavailableError(`The data directory ${dir} is already open in this process`);
  const file = path.join(key, 'LOCK');
  const address = socketAddress(file);
  for (let attempt = 0; attempt < 2; attempt++) {
    let server: net.Server;
    try {
      server = await listen(address);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (unwritable(e)) throw new StoreUnavailableError(`Cannot lock the data directory ${dir}: it is not writable (${code})`);
      if (code !== 'EADDRINUSE') throw e;
      if (await holderAnswers(address)) throw new StoreUnavailableError(`The data directory ${dir} is in use by another running Steppe process`);
      try {
        await fsp.rm(file, { force: true });
      } catch (e2) {
        if (!unwritable(e2)) throw e2;
        throw new StoreUnavailableError(
          `The data directory ${dir} has a lock left by a process that has stopped, and it cannot be removed because the directory is not writable (${(e2 as NodeJS.ErrnoException).code}). Make the directory writable, or delete ${file}.`,
        );
      }
      continue;
    }
    openHere.add(key);
    return holdUntilExit(key, file, server);
  }
  throw new StoreUnavailableError(`Could not lock the data directory ${dir}`);
}

/** Registers the release on exit and on SIGTERM/SIGINT; returns the release for an orderly close. */
function holdUntilExit(key: string, file: string, server: net.Server): () => void {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    openHere.delete(key);
    process.off('exit', release);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    server.close();
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  // A signal's default action skips 'exit' handlers: release, then let the signal end the process as it would have
  // (unless someone else, such as Next.js, handles it and exits by itself).
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', release);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return release;
}
