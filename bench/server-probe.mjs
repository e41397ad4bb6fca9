/**
 * Preloaded into the measured server (`node --import bench/server-probe.mjs
 * server.js`, through NODE_OPTIONS) by bench/server-load.ts: what the server
 * itself saw during a load run, to tell where a slow request spent its time.
 * - event-loop delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution):
 *   how long ready work waited for the thread, i.e. how long something blocked it;
 * - per-request time inside the server, from Node's `request` event to the
 *   response's `finish` (a client's latency minus this is time spent queued
 *   in the kernel, the event loop or the client);
 * - garbage-collection pauses (PerformanceObserver `gc` entries).
 * Plain JavaScript, so the server needs no loader. Only the process whose
 * entry is STEPPE_PROBE_ENTRY (default server.js) is probed: NODE_OPTIONS also
 * reaches the wrapper that starts it. On SIGUSR2 it writes its numbers since
 * the last signal to STEPPE_PROBE_FILE (as `{ seq, ... }`) and starts afresh.
 */
import { renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';

const file = process.env.STEPPE_PROBE_FILE;
const entry = process.env.STEPPE_PROBE_ENTRY ?? 'server.js';

if (file && process.argv[1]?.endsWith(entry)) {
  let delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let requests = [];
  let gc = [];
  let seq = 0;
  let since = performance.now();
  // When the thread stalled for over 300 ms (since the last snapshot), to line stalls up with requests and profiles.
  let stalls = [];
  let tick = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - tick > 300 && stalls.length < 50) stalls.push({ atMs: Math.round(tick - since), ms: Math.round(now - tick), inFlight });
    tick = now;
  }, 20).unref();
  let inFlight = 0;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.push(e.duration);
  }).observe({ entryTypes: ['gc'] });

  // Every request of every http.Server in the process (Next's included), timed from dispatch to the last byte handed to the kernel.
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === 'request') {
      const t = performance.now();
      inFlight++;
      res.once('close', () => inFlight--);
      res.once('finish', () => requests.push(performance.now() - t));
    }
    return emit.apply(this, arguments);
  };

  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const pct = (s, q) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : null);

  // STEPPE_PROBE_PROFILE=<dir>: a CPU profile per snapshot interval (inspector), to see what ran during a stall.
  const profileDir = process.env.STEPPE_PROBE_PROFILE;
  let session = null;
  // Whole or not at all: the bench may read the file while it is written.
  const publish = (snapshot) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
    renameSync(`${file}.tmp`, file);
  };
  if (profileDir) {
    const { Session } = await import('node:inspector');
    session = new Session();
    session.connect();
    session.post('Profiler.enable', () => session.post('Profiler.start'));
  }

  process.on('SIGUSR2', () => {
    if (session) {
      const n = seq + 1;
      session.post('Profiler.stop', (err, res) => {
        if (!err) writeFileSync(`${profileDir}/probe-${process.pid}-${n}.cpuprofile`, JSON.stringify(res.profile));
        session.post('Profiler.start');
      });
    }
    const r = sorted(requests);
    const g = sorted(gc);
    const snapshot = {
      seq: ++seq,
      pid: process.pid,
      eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      serverRequestMs: { n: r.length, p50: pct(r, 0.5), p99: pct(r, 0.99), max: r.at(-1) ?? null, over2s: r.filter((x) => x > 2000).length },
      gcPauseMs: { count: g.length, total: Math.round(g.reduce((a, b) => a + b, 0)), max: g.at(-1) ?? null, over100ms: g.filter((x) => x > 100).length },
      stalls,
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
    };
    publish(snapshot);
    delay.disable();
    delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    requests = [];
    gc = [];
    stalls = [];
    since = performance.now();
  });
  publish({ seq: 0, pid: process.pid });
}
