/**
 * Runs the intake analysis in a worker thread, one job at a time, so a long
 * text never blocks the thread that answers requests (/api/health included).
 * The worker starts on the first job, is not kept alive for the process's
 * sake (unref), and is replaced if it dies; a job that was running then fails.
 */
import { Worker } from 'node:worker_threads';
import type { Actor } from '../core/model';
import type { AnalysisReply, IntakeAnalysis } from './analysis';

/** The error a worker reported, rebuilt with the same name, code and problems (BAD_USER_INPUT for a bad text stays one). */
function rebuild(error: NonNullable<AnalysisReply['error']>): Error {
  const e = new Error(error.message) as Error & { code?: string; problems?: unknown };
  e.name = error.name;
  if (error.code) e.code = error.code;
  if (error.problems) e.problems = error.problems;
  return e;
}

/** Worker code that registers tsx, then imports the TypeScript entry `relative` to `base`. */
function throughTsx(base: string, relative: string): string {
  const entry = JSON.stringify(new URL(relative, base).href);
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`;
}

export class AnalysisWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: IntakeAnalysis): void; reject(e: Error): void }>();

  /** Analyses `text` against `actors` in the worker. */
  run(text: string, actors: readonly Actor[]): Promise<IntakeAnalysis> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<IntakeAnalysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, actors });
    });
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    // Next.js bundles the entry named by the literal `new URL` below; tests and tsx scripts run this file as TypeScript source,
    // and then the worker loads the entry's source through tsx's loader. Inside Next's server bundle import.meta.url still
    // ends in .ts (the standalone server has no such file), so Next's own NEXT_RUNTIME tells the bundle apart.
    const fromSource = !process.env.NEXT_RUNTIME && /\.ts$/.test(new URL(import.meta.url).pathname);
    const worker = fromSource ? new Worker(throughTsx(import.meta.url, './analysis-worker.ts'), { eval: true }) : new Worker(new URL('./analysis-worker.ts', import.meta.url));
    worker.unref();
    worker.on('message', (reply: AnalysisReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.error) job.reject(rebuild(reply.error));
      else job.resolve(reply.result);
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`intake worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
