/**
 * `npm run bench -- --server-load`: the real production server (the
 * standalone build `npm run explore` serves, on the generated graph) under
 * many connections for a fixed time, one request kind at a time: the
 * explorer's depth-1 neighbourhood, the autocomplete search, and `GET /`.
 * Baseline, same run and same server: `GET /api/health` (a store call and a
 * small JSON answer), so what the routes add is told apart from what Next's
 * server, the loopback and the machine cost at that concurrency.
 *
 * The server is started with bench/server-probe.mjs preloaded, which reports
 * per scenario what the server saw: event-loop delay, time per request inside
 * the server, and GC pauses. The load generator (autocannon) runs in its own
 * process, with a 60 s request timeout so slow requests are measured, not cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './child';
import { NEIGHBORHOOD, SEARCH } from './http-load';
import type { LoadJob, LoadResult } from './load-client';
import type { LoadPhaseResult } from './load-phase';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');

export interface ServerLoadOptions {
  size: number;
  seed: number;
  workDir: string;
  connections: number;
  seconds: number;
}

/** What the server reported for one scenario (bench/server-probe.mjs). */
export interface ServerProbe {
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  serverRequestMs: { n: number; p50: number | null; p99: number | null; max: number | null; over2s: number };
  gcPauseMs: { count: number; total: number; max: number | null; over100ms: number };
  rssMb: number;
}

export interface ServerLoadScenario {
  name: string;
  /** uptime's 1-minute load average when the scenario started. */
  loadAverage: number;
  client: LoadResult;
  server: ServerProbe;
}

export interface ServerLoadResult {
  connections: number;
  seconds: number;
  actors: number;
  scenarios: ServerLoadScenario[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `npm start` (scripts/explore.mjs --no-build) on the store, with the probe preloaded; resolves once /api/health answers. */
async function startServer(dataDir: string, port: number, probeFile: string): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(path.join(ROOT, '.next', 'standalone', 'server.js'))) throw new Error('--server-load measures the production build: run `npm run build` first');
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'explore.mjs'), '--no-build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      STEPPE_HOST: '127.0.0.1',
      STEPPE_DATA_DIR: dataDir,
      STEPPE_LOAD_DATASET: '0',
      STEPPE_PROBE_FILE: probeFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${path.join(BENCH_DIR, 'server-probe.mjs')}`.trim(),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode})`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url };
    await sleep(100);
  }
  child.kill('SIGTERM');
  throw new Error('the server did not answer /api/health within 60 s');
}

/** Asks the probe for its numbers since the last call (and to start afresh). */
async function probe(file: string): Promise<ServerProbe> {
  const before = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; pid: number };
  process.kill(before.pid, 'SIGUSR2');
  // A busy server may take a while to get to the signal.
  for (let i = 0; i < 600; i++) {
    await sleep(50);
    const now = JSON.parse(readFileSync(file, 'utf8')) as ServerProbe & { seq: number };
    if (now.seq > before.seq) return now;
  }
  throw new Error('the server probe did not answer');
}

export async function measureServerLoad(opts: ServerLoadOptions, step: (m: string) => void): Promise<ServerLoadResult> {
  const dataDir = path.join(opts.workDir, `server-load-${opts.size}-${opts.seed}`);
  const probeFile = path.join(opts.workDir, 'server-probe.json');
  step(`generating ${opts.size} actors (seed ${opts.seed}) into a store for the server…`);
  const loaded = await runChild<LoadPhaseResult>('load-phase.ts', [String(opts.size), String(opts.seed), dataDir]);
  const { child, url } = await startServer(dataDir, await freePort(), probeFile);
  try {
    const neighbourhoods = loaded.probes.centres.map((actorId) => JSON.stringify({ query: NEIGHBORHOOD, variables: { actorId } }));
    const searches = loaded.probes.searches.map((search) => JSON.stringify({ query: SEARCH, variables: { search } }));
    const scenarios: { name: string; path: string; bodies: string[] }[] = [
      { name: 'baseline: GET /api/health', path: '/api/health', bodies: [] },
      { name: 'explorer neighbourhood', path: '/api/graphql', bodies: neighbourhoods },
      { name: 'search', path: '/api/graphql', bodies: searches },
      { name: 'GET /', path: '/', bodies: [] },
    ];
    const out: ServerLoadScenario[] = [];
    for (const s of scenarios) {
      // A short warm-up at low concurrency: compilation and first-render costs are not what this measures.
      await runChild<LoadResult>('load-client.ts', [], { url: url + s.path, bodies: s.bodies, connections: 4, durationSeconds: 2 } satisfies LoadJob);
      await probe(probeFile);
      const loadAverage = os.loadavg()[0];
      step(`${s.name}: ${opts.connections} connections, ${opts.seconds} s (load average ${loadAverage.toFixed(2)})…`);
      const job: LoadJob = { url: url + s.path, bodies: s.bodies, connections: opts.connections, durationSeconds: opts.seconds, timeoutSeconds: 60 };
      const client = await runChild<LoadResult>('load-client.ts', [], job);
      out.push({ name: s.name, loadAverage, client, server: await probe(probeFile) });
    }
    return { connections: opts.connections, seconds: opts.seconds, actors: loaded.actors, scenarios: out };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    await rm(probeFile, { force: true });
  }
}

const f = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function formatServerLoad(r: ServerLoadResult): string {
  const base = r.scenarios[0];
  const rows = r.scenarios.map((s) => {
    const c = s.client;
    const errors = c.errors.connection + c.errors.timeouts + c.errors.non2xx + c.errors.graphql;
    return [
      s.name,
      f(s.loadAverage, 2),
      String(c.requests),
      f(c.requestsPerSecond),
      f(c.latency.p50),
      f(c.latency.p95),
      f(c.latency.p99),
      f(c.latency.max),
      `${f(c.latency.p99 / base.client.latency.p99, 1)}×`,
      String(c.over2s),
      String(errors),
      `${f(s.server.serverRequestMs.p99)} / ${f(s.server.serverRequestMs.max)}`,
      `${f(s.server.eventLoopDelayMs.p99)} / ${f(s.server.eventLoopDelayMs.max)}`,
      `${f(s.server.gcPauseMs.max)} (${s.server.gcPauseMs.count})`,
    ];
  });
  const head = ['scenario', 'load avg', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p99 vs baseline', '> 2 s', 'errors', 'server p99/max ms', 'loop delay p99/max ms', 'GC max ms (n)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    `Server load: ${r.connections} connections × ${r.seconds} s per scenario, production build, ${r.actors} actors, loopback (client and server share the machine's cores)`,
    line(head),
    ...rows.map(line),
    'Errors = socket errors + timeouts (60 s) + non-2xx + 200 answers with GraphQL errors. Server columns: time inside the server per request, event-loop delay, GC pauses (bench/server-probe.mjs).',
  ].join('\n');
}
