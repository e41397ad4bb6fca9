/**
 * Fair request dispatch (graph/fair-dispatch.ts) in a real server process,
 * with many keep-alive connections opened at once, each sending its next
 * request as soon as the last one is answered (what a load test or a crowd of
 * browsers does). Since libuv 1.45 a server accepts one connection per
 * event-loop turn; a plain server runs every ready request in one turn, so
 * the first connections are served again and again while the rest wait to be
 * accepted (the >10 s outliers of issue 18): before the last of 32
 * connections is answered once, the first is answered about 32 times. With
 * fair dispatch (one request per turn, as many as connections accepted) the
 * k-th connection is answered by about turn 2k, the first connection about
 * log2(32) + 1 = 6 times by then. Ordering properties, not timings: they hold
 * on a slow machine too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CONNECTIONS = 32;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function startServer(mode: 'fair' | 'plain'): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fair-dispatch-server.ts'), mode, '10'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (code ${code})`)));
  });
}

/**
 * Opens CONNECTIONS connections at once, each sending a request, and the next
 * one on every answer; returns, in the order answers arrived, which
 * connection each answer was for, once every connection has 8 answers or 60 s passed.
 */
function hammer(port: number): Promise<number[]> {
  const order: number[] = [];
  const counts = new Array<number>(CONNECTIONS).fill(0);
  const sockets: net.Socket[] = [];
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      for (const s of sockets) s.destroy();
      resolve(order);
    };
    const timer = setTimeout(finish, 60_000);
    for (let i = 0; i < CONNECTIONS; i++) {
      const socket = net.connect(port, '127.0.0.1');
      sockets.push(socket);
      const send = () => socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
      socket.on('connect', send);
      let buffered = '';
      socket.on('data', (d: Buffer) => {
        buffered += d.toString();
        // Each answer is a header block and the 2-byte body "ok".
        while (/\r\n\r\nok/.test(buffered)) {
          buffered = buffered.slice(buffered.indexOf('\r\n\r\nok') + 6);
          order.push(i);
          counts[i]++;
          if (counts.every((c) => c >= 8)) return finish();
          send();
        }
      });
      socket.on('error', () => undefined);
    }
  });
}

/** How many answers went out before the last connection got its first. */
const answersBeforeEveryConnectionWasServed = (order: number[]) => {
  const seen = new Set<number>();
  for (let k = 0; k < order.length; k++) {
    seen.add(order[k]);
    if (seen.size === CONNECTIONS) return k + 1;
  }
  return Infinity;
};

/** The most answers any one connection got by then. */
const mostAnswersBeforeThat = (order: number[]) => {
  const n = answersBeforeEveryConnectionWasServed(order);
  const counts = new Map<number, number>();
  for (const i of order.slice(0, n)) counts.set(i, (counts.get(i) ?? 0) + 1);
  return Math.max(...counts.values());
};

describe('fair request dispatch', () => {
  it('a plain server answers its first connections again and again before it even accepts the last ones (the cause)', async () => {
    const order = await hammer(await startServer('plain'));
    expect(mostAnswersBeforeThat(order)).toBeGreaterThanOrEqual(CONNECTIONS / 2);
  }, 90_000);

  it('with fair dispatch the last connection is answered before the first has had a few answers', async () => {
    const order = await hammer(await startServer('fair'));
    expect(answersBeforeEveryConnectionWasServed(order)).toBeLessThan(Infinity);
    expect(mostAnswersBeforeThat(order)).toBeLessThanOrEqual(8);
  }, 90_000);
});
