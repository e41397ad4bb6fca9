/**
 * The large-view run (`npm run bench -- --render-large`) and the per-size runs share results.json: writing
 * either keeps the other, and RESULTS.md shows both, with the renderer the explorer uses marked and the
 * gesture by hand where it was measured.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPLORER_RENDERER } from '@/app/_lib/renderer';
import { writeLargeView, writeResults, type BenchResult, type LargeViewRun } from '@/bench/report';
import type { RenderTiming } from '@/bench/render/protocol';
import type { FrameTimes } from '@/bench/render/render';

const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-large-view-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A recorded run, as the benchmark wrote it.
const recorded = (JSON.parse(readFileSync(path.resolve(__dirname, '../../../bench/results.json'), 'utf8')) as { runs: Record<string, BenchResult> }).runs;
const run = Object.values(recorded)[0];

const timing = (totalMs: number): RenderTiming => ({ elements: 30_000, addMs: 1, layoutMs: totalMs - 2, drawMs: 1, totalMs });
const frames = (p95: number): FrameTimes => ({ frames: 90, draws: 90, p50: p95 / 2, p95, max: p95 });
const largeView: LargeViewRun = {
  finishedAt: '2026-12-07T01:00:00.000Z',
  durationSeconds: 600,
  machine: run.machine,
  loadAverageAtEnd: 2,
  render: {
    explorer: 'bundled GraphCanvas',
    chromium: '156',
    webglRenderer: 'SwiftShader',
    sizes: [
      {
        elements: 30_000,
        nodes: 10_000,
        runs: 3,
        bare: timing(1000),
        explorer: timing(1500),
        ratio: 1.5,
        panZoom: { bare: frames(100), explorer: frames(200) },
        gesture: { bare: { ...frames(900), wallMs: 90_000 }, explorer: { ...frames(300), wallMs: 12_000 } },
        webgl: { bare: timing(1100), explorer: timing(1200), ratio: 1200 / 1100, panZoom: { bare: frames(300), explorer: frames(400) } },
      },
    ],
  },
};

describe('large-view results', () => {
  it('are recorded beside the per-size runs, and each kind of write keeps the other', async () => {
    await writeResults(dir, run);
    const { json, md } = await writeLargeView(dir, largeView);
    await writeResults(dir, run);
    const saved = JSON.parse(readFileSync(json, 'utf8')) as { runs: Record<string, BenchResult>; largeView: LargeViewRun };
    expect(Object.keys(saved.runs)).toEqual([String(run.size)]);
    expect(saved.largeView).toEqual(largeView);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`## ${run.size.toLocaleString('en')} actors`);
    expect(text).toContain('## Large views');
    expect(text).toContain('SwiftShader');
    // The target row compares the explorer on the renderer it uses with bare Cytoscape on the canvas.
    const ratio = EXPLORER_RENDERER === 'webgl' ? '1.20×' : '1.50×';
    expect(text).toMatch(new RegExp(`Render ratio, 10,000 nodes \\+ 20,000 edges .*\\| ≤ 1\\.3× \\| ${ratio.replace('.', '\\.')} \\| \\*\\*missed\\*\\*`));
    expect(text).toMatch(new RegExp(`\\| ${EXPLORER_RENDERER === 'webgl' ? 'WebGL' : 'canvas'} \\(explorer uses\\) \\|`));
    // Frame-time p50 / p95 of the explorer on the canvas, then on WebGL.
    expect(text).toContain('| 100.0 ms / 200.0 ms (90/90 frames drawn) |');
    expect(text).toContain('| 200.0 ms / 400.0 ms (90/90 frames drawn) |');
    // The gesture by hand, measured on the canvas only here: its table has that row alone.
    expect(text).toContain('| 10,000 nodes + 20,000 edges | canvas | 12.00 s (frame p95 300.0 ms), 90 draws | 90.00 s (frame p95 900.0 ms), 90 draws |');
    expect(text).not.toMatch(/\| WebGL \| [\d.]+ s \(frame p95/);
  });
});
