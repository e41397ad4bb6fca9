import { describe, expect, it } from 'vitest';
import { explorerDrawing, explorerJson, exportTitle, filterDescription, readExplorerJson } from '@/app/_lib/explorer-export';
import { computeVisibility, mergeSubgraphs } from '@/app/_lib/graph-view';
import { renderMapSvg } from '@/app/_lib/map-svg';
import type { ActorRecord, RelationshipRecord } from '@/app/_lib/queries';
import { hashSeed, seededRandom, withSeededRandom } from '@/graph/core/seeded-random';
import { DEFAULT_VIEW, type ViewState } from '@/app/_lib/url-state';

const actor = (id: string, name: string, kind: ActorRecord['kind'] = 'PERSON'): ActorRecord => ({ id, kind, name, category: null, aliases: [], summary: null, tags: [], degree: 1 });
const src = { id: 'csm', title: 'A Kazakh Gorbachev?', publisher: 'Christian Science Monitor', authors: [], published: '2022-01-10', updated: null, url: 'https://example.org/a', textKind: null, textNote: null, wordingWarning: null };
const rel = (id: string, type: RelationshipRecord['type'], s: ActorRecord, t: ActorRecord, start: string | null): RelationshipRecord => ({
  id,
  type,
  symmetric: false,
  role: null,
  start,
  end: null,
  amount: null,
  currency: null,
  reported: null,
  source: { id: s.id, name: s.name, kind: s.kind },
  target: { id: t.id, name: t.name, kind: t.kind },
  citations: [{ excerpt: `quote ${id}`, source: src }],
});

const tokayev = actor('tokayev', 'Kassym-Jomart Tokayev');
const smailov = actor('smailov', 'Alikhan Smailov');
const russia = actor('russia', 'Russia', 'STATE');
const graph = mergeSubgraphs([
  { actors: [tokayev, smailov, russia], relationships: [rel('t-s', 'APPOINTED', tokayev, smailov, '2022-01'), rel('r-t', 'SUPPORTED', russia, tokayev, '2022-01')], truncated: false },
]);
const view: ViewState = { ...DEFAULT_VIEW, actor: 'tokayev', expanded: ['russia'], hiddenTypes: ['SUPPORTED'], asOf: '2022-06' };
const visibility = computeVisibility(graph, view);
const positions = { tokayev: { x: 0, y: 0 }, smailov: { x: 120, y: 40 }, russia: { x: -100, y: 60 } };

describe('explorer exports', () => {
  it('titles the picture by its focus and expansions and says what the filters leave out', () => {
    expect(exportTitle(graph, view)).toBe('Network around Kassym-Jomart Tokayev, with Russia expanded');
    expect(filterDescription(view)).toBe('Not shown: Supported relationships.');
    expect(filterDescription({ hiddenTypes: ['OPPOSED', 'APPOINTED'], hiddenKinds: ['STATE'] })).toBe('Not shown: Appointed and Opposed relationships; states.');
    expect(filterDescription(DEFAULT_VIEW)).toBeNull();
  });

  it('draws the visible part at the canvas positions, with the as-of date, legend and sources', () => {
    const drawing = explorerDrawing(graph, visibility, view, positions);
    expect(drawing.edges.map((e) => e.id)).toEqual(['t-s']);
    expect(drawing.asOf).toBe('Jun 2022');
    expect(drawing.sources).toEqual([{ title: src.title, publisher: src.publisher, published: src.published, url: src.url, wordingWarning: null }]);
    // A paraphrased copy's warning and a long address reach the exported picture whole.
    const longUrl = `https://example.org/${'very-long-segment-'.repeat(8)}end`;
    const copied = renderMapSvg({ ...drawing, sources: [{ ...drawing.sources[0], url: longUrl, wordingWarning: 'Quoted from a machine-paraphrased copy.' }] }, { chrome: true });
    expect(copied).toContain('Quoted from a machine-paraphrased copy.');
    expect(copied.replace(/<[^>]+>/g, '')).toContain('end');
    const svg = renderMapSvg(drawing, { chrome: true, credit: 'Steppe explorer', link: 'https://steppe.example/?focus=tokayev' });
    for (const text of ['Network around Kassym-Jomart Tokayev', 'Not shown: Supported relationships.', 'as of Jun 2022', '>Appointed</text>', 'SOURCES', 'Steppe explorer']) expect(svg).toContain(text);
    expect(svg).not.toContain('>Supported</text>');
  });

  it('writes the view and positions into the JSON and reads them back; anything else is refused', () => {
    const body = explorerJson(graph, visibility, view, positions, new Date('2026-01-01T00:00:00Z'));
    const read = readExplorerJson(JSON.stringify(body));
    expect(read?.positions).toEqual(positions);
    expect(read?.view).toMatchObject({ actor: 'tokayev', expanded: ['russia'], hiddenTypes: ['SUPPORTED'], asOf: '2022-06', layout: 'fcose' });
    expect(readExplorerJson('not json')).toBeNull();
    expect(readExplorerJson(JSON.stringify({ actors: [] }))).toBeNull();
    // Unknown types and bad positions are dropped, not trusted.
    const odd = readExplorerJson(JSON.stringify({ view: { focus: 'x', hiddenTypes: ['NOPE', 'OPPOSED'] }, positions: { a: { x: 1, y: 2 }, b: { x: 'no' } } }));
    expect(odd?.view.hiddenTypes).toEqual(['OPPOSED']);
    expect(odd?.positions).toEqual({ a: { x: 1, y: 2 } });
  });
});

describe('seeded randomness for layouts', () => {
  it('gives the same sequence for the same seed, another for another, and restores Math.random', () => {
    const draw = (seed: string) => withSeededRandom(seed, () => [Math.random(), Math.random(), Math.random()]);
    expect(draw('tokayev')).toEqual(draw('tokayev'));
    expect(draw('tokayev')).not.toEqual(draw('kazakhstan'));
    const original = Math.random;
    expect(() => withSeededRandom('x', () => {
      throw new Error('layout failed');
    })).toThrow('layout failed');
    expect(Math.random).toBe(original);
    const values = Array.from({ length: 1000 }, seededRandom(hashSeed('spread')));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
