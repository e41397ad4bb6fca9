import { describe, expect, it } from 'vitest';
import { renderMapSvg, type MapDrawing } from '@/app/_lib/map-svg';

const drawing = (title: string): MapDrawing => ({
  title,
  nodes: [
    { id: 'a', label: 'Kassym-Jomart Tokayev', kind: 'PERSON', x: 0, y: 0, deleted: false },
    { id: 'b', label: 'Kazakhstan', kind: 'STATE', x: 200, y: 100, deleted: false },
  ],
  edges: [],
  annotations: [],
  sources: [],
});

/** The exported SVG's width and the title's text lines (bold 22 px). */
function titleLines(svg: string): { width: number; lines: string[] } {
  const width = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(svg)![1]);
  const lines = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" font-size="22" font-weight="700"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  return { width, lines };
}

describe('exported map title', () => {
  it('wraps a long title onto lines that fit the image (at most three, the last cut with …)', () => {
    const long = 'Who appointed, prosecuted and replaced whom in Kazakhstan after the January 2022 unrest, and who financed the reforms that followed';
    const { width, lines } = titleLines(renderMapSvg(drawing(long), { chrome: true }));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    // 22 px bold: no more than (width − 2 × 32) / (22 × 0.6) characters a line, so no line runs past the right margin.
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor((width - 64) / (22 * 0.6)));
    expect(lines.join(' ').replace(/…$/, '')).toBe(long.slice(0, lines.join(' ').replace(/…$/, '').length));
  });

  it('keeps a short title on one line', () => {
    expect(titleLines(renderMapSvg(drawing('Nazarbayev circle'), { chrome: true })).lines).toEqual(['Nazarbayev circle']);
  });
});
