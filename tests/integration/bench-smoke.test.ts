/**
 * Keeps `npm run bench` working: runs the real command at 1 000 actors with
 * --quick (no HTTP load, no browser; the bench prints that it skips them) and
 * checks the results it writes. Timings are not asserted: benchmarks are
 * commands, not timed tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@/bench/report';

const root = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'steppe-bench-smoke-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench (smoke, 1 000 actors, --quick)', () => {
  it('runs end to end and writes results.json and RESULTS.md', () => {
    console.log('bench smoke: --quick skips the HTTP load (autocannon) and the render ratio (Chromium); `npm run bench` runs them.');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--size', '1000', '--quick', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.stderr).not.toMatch(/\[bench\] failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/skipping the HTTP load and the browser render/);
    expect(run.stdout).toMatch(/Search p50 \/ p95/);

    const { runs } = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { runs: Record<string, BenchResult> };
    const r = runs['1000'];
    expect(r.graph.actors).toBe(1000);
    expect(r.graph.relationships).toBeGreaterThan(4500);
    expect(r.load.importMs).toBeGreaterThan(0);
    expect(r.load.rssAfterOpenMb).toBeGreaterThan(0);
    for (const s of [r.store.search, r.store.neighborhoodDepth1, r.store.neighborhoodDepth2, r.store.paths, r.store.asOfNeighborhood]) {
      expect(s.n).toBeGreaterThan(0);
      expect(Number.isFinite(s.p95)).toBe(true);
      expect(s.cpu.p95).toBeGreaterThanOrEqual(0);
    }
    expect(r.store.depth2MeanActors).toBeGreaterThan(1);
    expect(r.graphql.ratio).toBeGreaterThan(0);
    expect(r.http).toEqual({ skipped: '--quick' });
    expect(r.render).toEqual({ skipped: '--quick' });
    expect(r.targets.map((t) => t.name)).toContain('Depth-2 neighbourhood p95');
    expect(readFileSync(path.join(out, 'RESULTS.md'), 'utf8')).toMatch(/\| Search p50 \/ p95 \|/);
  }, 180_000);
});
