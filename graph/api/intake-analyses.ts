/**
 * The intake analysis of each source's text, computed once per text version
 * (and again when the actors it matches against change) in a worker thread,
 * kept per API instance (the latest per source also on disk, so a restart
 * serves it again) and served cheaply afterwards. Only an admin request
 * (or the admin's write of the text) starts an analysis; an anonymous one is
 * served the analysis of the current text if there is one, finished or
 * running, and otherwise told that computing it needs the admin token, so no
 * anonymous request can make the server work on a text.
 */
import { createHash } from 'node:crypto';
import type { IntakeAnalysis } from '../intake/analysis';
import { AnalysisWorker } from '../intake/analysis-pool';
import type { IntakeAnalysisFiles } from './intake-analysis-files';
import type { Actor } from '../core/model';

interface Entry {
  textKey: string;
  actorsKey: string;
  analysis: Promise<IntakeAnalysis>;
}

/** A finished or running analysis. */
export interface KeptAnalysis {
  analysis: Promise<IntakeAnalysis>;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

/** Sources whose analyses are kept; the least recently used goes first. */
export const INTAKE_ANALYSES_KEPT = 32;
const NOT_ON_DISK_KEPT = 4096;

export class IntakeAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Source → digest of a text already looked up on disk without an analysis of it, so anonymous requests do not re-read the file each time. */
  private readonly notOnDisk = new Map<string, string>();

  /** `files`: where analyses outlive the process (intake-analysis-files.ts); null keeps them in memory only. */
  constructor(
    private readonly files: IntakeAnalysisFiles | null,
    private readonly worker = new AnalysisWorker(),
  ) {}

  /**
   * The analysis of `text` (source `sourceId`) against `actors`. `mayStart`:
   * whether this caller may start one; without it, the current text's last
   * analysis (possibly against an older actor list, possibly from before a
   * restart) or null.
   */
  async get(sourceId: string, text: string, actors: readonly Actor[], mayStart: boolean): Promise<KeptAnalysis | null> {
    const textKey = digest(text);
    const actorsKey = digest(JSON.stringify(actors));
    const kept = this.kept(sourceId, textKey, actorsKey, mayStart);
    if (kept) return kept;
    // Not in memory for this text: the last process may have stored it.
    if (this.files && this.entries.get(sourceId)?.textKey !== textKey && this.notOnDisk.get(sourceId) !== textKey) {
      const stored = await this.files.read(sourceId);
      const meanwhile = this.kept(sourceId, textKey, actorsKey, mayStart);
      if (meanwhile) return meanwhile;
      if (stored?.textKey === textKey && (stored.actorsKey === actorsKey || !mayStart)) {
        return this.keep(sourceId, { textKey, actorsKey: stored.actorsKey, analysis: Promise.resolve(stored.analysis) });
      }
      if (stored?.textKey !== textKey) {
        this.notOnDisk.delete(sourceId);
        this.notOnDisk.set(sourceId, textKey);
        while (this.notOnDisk.size > NOT_ON_DISK_KEPT) this.notOnDisk.delete(this.notOnDisk.keys().next().value!);
      }
    }
    if (!mayStart) return null;
    // Stored before it is served, so whatever a reader saw survives a restart.
    const analysis = this.worker.run(text, actors).then(async (result) => {
      await this.files?.write({ sourceId, textKey, actorsKey, analysis: result });
      if (this.notOnDisk.get(sourceId) === textKey) this.notOnDisk.delete(sourceId);
      return result;
    });
    const fresh = this.keep(sourceId, { textKey, actorsKey, analysis });
    // A failed analysis is not kept: the next admin request tries again.
    analysis.catch(() => {
      if (this.entries.get(sourceId)?.analysis === analysis) this.entries.delete(sourceId);
    });
    return fresh;
  }

  close(): Promise<void> {
    return this.worker.close();
  }

  /** The kept analysis of this text, if it may be served to this caller (most recently used moves last). */
  private kept(sourceId: string, textKey: string, actorsKey: string, mayStart: boolean): KeptAnalysis | null {
    const entry = this.entries.get(sourceId);
    if (!entry || entry.textKey !== textKey || (entry.actorsKey !== actorsKey && mayStart)) return null;
    return this.keep(sourceId, entry);
  }

  /** Keeps `entry` as the most recently used; the result is wrapped, as an async function's promise would wait for the analysis itself. */
  private keep(sourceId: string, entry: Entry): KeptAnalysis {
    this.entries.delete(sourceId);
    this.entries.set(sourceId, entry);
    while (this.entries.size > INTAKE_ANALYSES_KEPT) this.entries.delete(this.entries.keys().next().value!);
    return { analysis: entry.analysis };
  }
}
