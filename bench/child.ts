/** Runs a bench TypeScript module in a child Node process (with the tsx loader) and returns the one result it sends over IPC. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

type Reply<T> = { ok: true; result: T } | { ok: false; message: string };

export function runChild<T>(module: string, args: string[] = [], message?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, module), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: Reply<T> | undefined;
    child.on('message', (m) => {
      reply = m as Reply<T>;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (reply?.ok) resolve(reply.result);
      else reject(new Error(`${module} failed: ${reply && !reply.ok ? reply.message : `exit ${code ?? signal}`}`));
    });
    if (message !== undefined) child.send(message as object);
  });
}
