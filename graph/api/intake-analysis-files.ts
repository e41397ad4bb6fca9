/**
 * Intake analyses on disk, one file per source, so a restarted server serves
 * the analysis of an unchanged text again without re-running it (and without
 * an admin having to ask first). Written atomically (temp file, fsync,
 * rename, fsync of the directory); a file that cannot be read or parsed
 * counts as absent, and a failed write is logged and otherwise ignored: the
 * analysis is still served from memory, it is only recomputed after a restart.
 */
import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fsyncPath } from '../fsync';
import type { IntakeAnalysis } from '../intake/analysis';

/** One source's last analysis: the text and actor list it was computed from (as digests) and its result. */
export interface StoredAnalysis {
  sourceId: string;
  textKey: string;
  actorsKey: string;
  analysis: IntakeAnalysis;
}

const FORMAT = 1;

export class IntakeAnalysisFiles {
  constructor(private readonly dir: string) {}

  /** Source ids may hold any character; the file name is their digest. */
  private fileOf(sourceId: string): string {
    return path.join(this.dir, `${createHash('sha256').update(sourceId, 'utf8').digest('hex')}.json`);
  }

  async read(sourceId: string): Promise<StoredAnalysis | null> {
    let raw: string;
    try {
      raw = await fsp.readFile(this.fileOf(sourceId), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`steppe: cannot read the stored intake analysis of source "${sourceId}": ${(e as Error).message}`);
      return null;
    }
    try {
      const stored = JSON.parse(raw) as StoredAnalysis & { format?: number };
      if (stored.format !== FORMAT || stored.sourceId !== sourceId || typeof stored.textKey !== 'string' || !Array.isArray(stored.analysis?.relationshipProposals)) return null;
      return { sourceId, textKey: stored.textKey, actorsKey: stored.actorsKey, analysis: stored.analysis };
    } catch {
      console.error(`steppe: the stored intake analysis of source "${sourceId}" is not valid JSON; it will be recomputed`);
      return null;
    }
  }

  async write(stored: StoredAnalysis): Promise<void> {
    const file = this.fileOf(stored.sourceId);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fsp.mkdir(this.dir, { recursive: true });
      await fsp.writeFile(tmp, JSON.stringify({ format: FORMAT, ...stored }));
      fsyncPath(tmp);
      await fsp.rename(tmp, file);
      fsyncPath(this.dir);
    } catch (e) {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      console.error(`steppe: cannot store the intake analysis of source "${stored.sourceId}" in ${this.dir}: ${(e as Error).message}`);
    }
  }
}
