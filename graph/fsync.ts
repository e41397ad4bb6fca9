/**
 * Flushes a file or directory to disk. Durable writes use it twice: on the
 * temporary file before the rename, and on the directory after it, so the new
 * name survives a crash too. Shared by the embedded store and the intake
 * analysis files, which may not import each other.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';

export function fsyncPath(p: string): void {
  const fd = openSync(p, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
