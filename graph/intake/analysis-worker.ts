/**
 * Worker-thread entry for the intake analysis (see analysis-pool.ts): runs
 * proposeFromText on one job at a time, off the thread that serves requests.
 * Jobs arrive as { id, text, actors }; answers go back as { id, result } or
 * { id, error } with the error's name, code, message and problems.
 */
import { parentPort } from 'node:worker_threads';
import type { Actor } from '../core/model';
import { toAnalysis, type AnalysisReply } from './analysis';
import { proposeFromText } from './proposals';

interface Job {
  id: number;
  text: string;
  actors: Actor[];
}

parentPort?.on('message', (job: Job) => {
  let reply: AnalysisReply;
  try {
    // Floor 0: one analysis serves every minConfidence a caller may ask for (they filter the stored result).
    reply = { id: job.id, result: toAnalysis(proposeFromText(job.text, job.actors, undefined, { minConfidence: 0 })) };
  } catch (e) {
    const err = e as Error & { code?: string; problems?: unknown };
    reply = { id: job.id, error: { name: err.name, message: err.message, code: err.code, problems: err.problems } };
  }
  parentPort!.postMessage(reply);
});
