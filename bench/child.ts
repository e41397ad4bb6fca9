/** Runs a bench TypeScript module in a child Node process (with the tsx loader) and returns the one result it sends over IPC. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

const CHILD_HEAP_MB = 16 * 1024;

type Reply<T> = { ok: true; result: T } | { ok: false; message: string };

export function runChild<T>(module: string, args: string[] = [], message?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    // A generous heap limit: at a million actors a phase needs more than Node's default (about 4 GB here). A limit, not a reservation.
    const child = fork(path.join(BENCH_DIR, module), args, { execArgv: ['--import', 'tsx', `--max-old-space-size=${CHILD_HEAP_MB}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

/** The child side of `runChild`: runs `main` and sends its result (or its error) to the parent, or prints it when run by hand. */
export function replyToParent<T>(main: () => Promise<T>): void {
  main().then(
    (result) => {
      if (process.send) process.send({ ok: true, result }, () => process.exit(0));
      else console.log(JSON.stringify(result));
    },
    (e: unknown) => {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      if (process.send) process.send({ ok: false, message }, () => process.exit(1));
      else {
        console.error(message);
        process.exit(1);
      }
    },
  );
}
