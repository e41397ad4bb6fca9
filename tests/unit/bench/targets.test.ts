/**
 * A run is judged against the targets set for its size: the 100 000-actor targets (500 MB resident among them)
 * and, from a million actors on, the ICIJ-sized ones with their own open, paths and as-of limits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTargets, storeTargetsFor, type BenchResult } from '@/bench/report';

const recorded = (JSON.parse(readFileSync(path.resolve(__dirname, '../../../bench/results.json'), 'utf8')) as { runs: Record<string, BenchResult> }).runs;
const hundredK = recorded['100000'];
const at = (size: number, change: (r: BenchResult) => void = () => {}): BenchResult => {
  const r = structuredClone(hundredK);
  r.size = size;
  change(r);
  return r;
};
const target = (r: BenchResult, name: string) => checkTargets(r).find((t) => t.name === name);

describe('benchmark targets by graph size', () => {
  it('picks the set of the largest size not above the run, and the smallest set below it', () => {
    expect(storeTargetsFor(10_000).size).toBe(100_000);
    expect(storeTargetsFor(100_000).size).toBe(100_000);
    expect(storeTargetsFor(999_999).size).toBe(100_000);
    expect(storeTargetsFor(1_000_000).size).toBe(1_000_000);
  });

  it('holds a 100 000-actor run to 20 s, 500 MB and no paths target', () => {
    const r = at(100_000, (x) => (x.load.rssAfterOpenMb = 501));
    expect(target(r, 'Bulk load')?.target).toBe('≤ 20 s');
    expect(target(r, 'Resident memory after load')).toMatchObject({ target: '≤ 500 MB', pass: false });
    expect(target(r, 'Paths p95')).toBeUndefined();
    expect(target(r, 'Open from disk')).toBeUndefined();
  });

  it('holds a million-actor run to 90 s, 45 s open, 4 GB, and paths and as-of limits', () => {
    const r = at(1_000_000, (x) => {
      x.load.importMs = 89_000;
      x.load.openMs = 46_000;
      x.load.rssAfterOpenMb = 4000;
      x.store.paths.p95 = 151;
      x.store.asOfNeighborhood.p95 = 24;
    });
    expect(target(r, 'Bulk load')).toMatchObject({ target: '≤ 90 s', pass: true });
    expect(target(r, 'Open from disk')).toMatchObject({ target: '≤ 45 s', pass: false });
    expect(target(r, 'Resident memory after load')).toMatchObject({ target: '≤ 4 GB', pass: true });
    expect(target(r, 'Search p95')?.target).toBe('≤ 10 ms');
    expect(target(r, 'Paths p95')).toMatchObject({ target: '≤ 150 ms', pass: false });
    expect(target(r, 'As-of depth-2 neighbourhood p95')).toMatchObject({ target: '≤ 25 ms', pass: true });
  });
});
