/**
 * Keeps `npm run bench -- --store neo4j` working: runs the real command at
 * 1 000 actors with --quick. It launches its own Neo4j (the bench's tuned
 * JVM, here with a 1 GB heap), loads it with db:load, and measures the store
 * reads, GraphQL over HTTP and the @neo4j/graphql peer. Checks the results it
 * writes; timings are not asserted (benchmarks are commands, not timed tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@/bench/report';

const root = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'steppe-bench-neo4j-smoke-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --store neo4j (smoke, 1 000 actors, --quick)', () => {
  it('loads a launched Neo4j with db:load, measures its reads and the peer, and reports them beside the embedded store', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--store', 'neo4j', '--size', '1000', '--quick', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 290_000,
      env: { ...process.env, STEPPE_NEO4J_HEAP: '1g' },
    });
    expect(run.stderr).not.toMatch(/\[bench\] failed/);
    expect(run.status, run.stderr.slice(-2000)).toBe(0);

    const { runs } = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { runs: Record<string, BenchResult> };
    const n = runs['1000'].neo4j!;
    expect(n.version).toMatch(/^5\.26\./);
    expect(n.dbLoadOutput).toMatch(/loaded .* 1000 actors/);
    expect(n.dbLoadMs).toBeGreaterThan(0);
    for (const s of [n.store.search, n.store.neighborhoodDepth2, n.store.paths, n.store.asOfNeighborhood]) {
      expect(s.n).toBeGreaterThan(0);
      expect(Number.isFinite(s.p95)).toBe(true);
    }
    // The peer answered the same neighbourhoods: both sides sent non-empty answers.
    expect(n.peer.library).toMatch(/@neo4j\/graphql/);
    expect(n.peer.ratio).toBeGreaterThan(0);
    expect(n.peer.meanPeerBytes).toBeGreaterThan(100);
    expect(n.peer.meanSteppeBytes).toBeGreaterThan(100);
    const md = readFileSync(path.join(out, 'RESULTS.md'), 'utf8');
    expect(md).toMatch(/Embedded store and Neo4j, same run/);
  }, 300_000);
});
