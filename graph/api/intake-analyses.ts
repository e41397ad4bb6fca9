/**
 * The intake analysis of each source's text, computed once per text version
 * (and again when the actors it matches against change) in a worker thread,
 * kept per API instance and served cheaply afterwards. Only an admin request
 * (or the admin's write of the text) starts an analysis; an anonymous one is
 * served the analysis of the current text if there is one, finished or
 * running, and otherwise told that computing it needs the admin token, so no
 * anonymous request can make the server work on a text.
 */
import { createHash } from 'node:crypto';
import type { IntakeAnalysis } from '../intake/analysis';
import { AnalysisWorker } from '../intake/analysis-pool';
import type { Actor } from '../core/model';

interface Entry {
  textKey: string;
  actorsKey: string;
  analysis: Promise<IntakeAnalysis>;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

/** Sources whose analyses are kept; the least recently used goes first. */
export const INTAKE_ANALYSES_KEPT = 32;

export class IntakeAnalyses {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly worker = new AnalysisWorker()) {}

  /**
   * The analysis of `text` (source `sourceId`) against `actors`. `mayStart`:
   * whether this caller may start one; without it, the current text's last
   * analysis (possibly against an older actor list) or null.
   */
  get(sourceId: string, text: string, actors: readonly Actor[], mayStart: boolean): Promise<IntakeAnalysis> | null {
    const textKey = digest(text);
    const actorsKey = digest(JSON.stringify(actors));
    const entry = this.entries.get(sourceId);
    if (entry && entry.textKey === textKey && (entry.actorsKey === actorsKey || !mayStart)) {
      this.entries.delete(sourceId);
      this.entries.set(sourceId, entry);
      return entry.analysis;
    }
    if (!mayStart) return null;
    const analysis = this.worker.run(text, actors);
    const fresh: Entry = { textKey, actorsKey, analysis };
    this.entries.delete(sourceId);
    this.entries.set(sourceId, fresh);
    // A failed analysis is not kept: the next admin request tries again.
    analysis.catch(() => {
      if (this.entries.get(sourceId) === fresh) this.entries.delete(sourceId);
    });
    while (this.entries.size > INTAKE_ANALYSES_KEPT) this.entries.delete(this.entries.keys().next().value!);
    return analysis;
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
