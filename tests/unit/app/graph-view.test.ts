import { describe, expect, it } from 'vitest';
import { computeVisibility, countByKindAndType, datedSpan, formatPeriod, mergeSubgraphs, relationshipLabel, visibleSubgraphExport } from '@/app/_lib/graph-view';
import type { ActorRecord, RelationshipRecord, Subgraph } from '@/app/_lib/queries';
import { withoutRemoved } from '@/app/_lib/use-map-draft';

const actor = (id: string, kind: ActorRecord['kind'] = 'PERSON'): ActorRecord => ({
  id,
  kind,
  name: id.toUpperCase(),
  category: null,
  aliases: [],
  summary: null,
  tags: [],
  degree: 1,
});

const rel = (id: string, type: RelationshipRecord['type'], s: ActorRecord, t: ActorRecord, start: string | null = null, end: string | null = null): RelationshipRecord => ({
  id,
  type,
  symmetric: false,
  role: null,
  start,
  end,
  amount: null,
  currency: null,
  source: { id: s.id, name: s.name, kind: s.kind },
  target: { id: t.id, name: t.name, kind: t.kind },
  citations: [{ excerpt: `quote ${id}`, source: { id: 'src', title: 'A source', publisher: null, authors: [], published: '2022', updated: null, url: null, textKind: null, textNote: null, wordingWarning: null } }],
  reported: '2022',
});

const a = actor('a');
const b = actor('b');
const c = actor('c', 'STATE');
const d = actor('d', 'INSTITUTION');
const ab = rel('ab', 'APPOINTED', a, b, '2022-01', '2022-06');
const ac = rel('ac', 'HOLDS_POSITION', a, c, '2019');
const bd = rel('bd', 'MEMBER_OF', b, d);

const partA: Subgraph = { actors: [a, b, c], relationships: [ab, ac], truncated: false };
const partB: Subgraph = { actors: [b, d, a], relationships: [bd, ab], truncated: false };

describe('graph-view', () => {
  it('takes elements off a map being edited: an actor takes its relationships with it', () => {
    const graph = mergeSubgraphs([partA, partB]);
    expect(withoutRemoved(graph, new Set())).toBe(graph);
    const noB = withoutRemoved(graph, new Set(['b']));
    expect([...noB.actors.keys()].sort()).toEqual(['a', 'c', 'd']);
    expect([...noB.relationships.keys()]).toEqual(['ac']);
    const noAc = withoutRemoved(graph, new Set(['ac']));
    expect([...noAc.actors.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...noAc.relationships.keys()].sort()).toEqual(['ab', 'bd']);
  });

  it('merges subgraphs without duplicates and drops edges whose ends are not loaded', () => {
    const g = mergeSubgraphs([partA, undefined, partB, { actors: [], relationships: [rel('x', 'OPPOSED', a, actor('zz'))], truncated: false }]);
    expect([...g.actors.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...g.relationships.keys()].sort()).toEqual(['ab', 'ac', 'bd']);
  });

  it('hides relationships by type, and the ends of hidden kinds with their relationships', () => {
    const g = mergeSubgraphs([partA, partB]);
    const byType = computeVisibility(g, { hiddenTypes: ['APPOINTED'], hiddenKinds: [], asOf: null, undated: 'HIDE' });
    expect([...byType.hidden].sort()).toEqual(['ab']);
    const byKind = computeVisibility(g, { hiddenTypes: [], hiddenKinds: ['STATE'], asOf: null, undated: 'HIDE' });
    expect([...byKind.hidden].sort()).toEqual(['ac', 'c']);
  });

  it('shows only relationships in force as of a date, and marks actors left without any as dormant', () => {
    const g = mergeSubgraphs([partA, partB]);
    const before = computeVisibility(g, { hiddenTypes: [], hiddenKinds: [], asOf: '2021-05-01', undated: 'HIDE' });
    expect(before.hidden.has('ab')).toBe(true);
    expect(before.hidden.has('ac')).toBe(false);
    expect(before.hidden.has('bd')).toBe(true); // undated: nothing says it was in force
    expect(before.undated.size).toBe(0);
    // Switched on, an undated relationship is shown but marked as undated, never as in force.
    const shown = computeVisibility(g, { hiddenTypes: [], hiddenKinds: [], asOf: '2021-05-01', undated: 'SHOW' });
    expect(shown.hidden.has('bd')).toBe(false);
    expect([...shown.undated]).toEqual(['bd']);
    // Legend counts follow the date: APPOINTED (ab, 2022) is not counted in 2021.
    expect(Object.fromEntries(countByKindAndType(g, before).types)).toEqual({ HOLDS_POSITION: 1 });
    expect(Object.fromEntries(countByKindAndType(g, shown).types)).toEqual({ HOLDS_POSITION: 1, MEMBER_OF: 1 });
    expect(datedSpan(g)).toEqual({ min: '2019', max: '2022-06' });
    const during = computeVisibility(g, { hiddenTypes: [], hiddenKinds: [], asOf: '2022-03-10', undated: 'HIDE' });
    expect(during.hidden.has('ab')).toBe(false);
    const after = computeVisibility(g, { hiddenTypes: ['MEMBER_OF'], hiddenKinds: [], asOf: '2022-07-01', undated: 'HIDE' });
    expect(after.hidden.has('ab')).toBe(true);
    // b and d have no relationship left in force; a keeps HOLDS_POSITION.
    expect([...after.dormant].sort()).toEqual(['b', 'd']);
    // The focus is never dormant.
    expect(computeVisibility(g, { hiddenTypes: ['MEMBER_OF'], hiddenKinds: [], asOf: '2022-07-01', undated: 'HIDE' }, new Set(['b'])).dormant.has('b')).toBe(false);
  });

  it('exports the visible subgraph in the dataset record shape, with its sources', () => {
    const g = mergeSubgraphs([partA, partB]);
    const out = visibleSubgraphExport(g, computeVisibility(g, { hiddenTypes: [], hiddenKinds: ['STATE'], asOf: null, undated: 'HIDE' }));
    expect(out.actors.map((x) => x.id).sort()).toEqual(['a', 'b', 'd']);
    expect(out.relationships.map((x) => x.id).sort()).toEqual(['ab', 'bd']);
    expect(out.relationships.find((r) => r.id === 'ab')).toEqual({
      id: 'ab',
      type: 'APPOINTED',
      source: 'a',
      target: 'b',
      start: '2022-01',
      end: '2022-06',
      citations: [{ sourceId: 'src', excerpt: 'quote ab' }],
    });
    expect(out.sources).toEqual([{ id: 'src', title: 'A source', published: '2022' }]);
  });

  it('labels edges like a sentence: type, role and the date in words', () => {
    expect(relationshipLabel({ type: 'APPOINTED', start: '2022-01', end: null }, 'Appointed')).toBe('appointed · Jan 2022');
    expect(relationshipLabel({ type: 'APPOINTED', start: '2022-01-05', end: null }, 'Appointed')).toBe('appointed · 5 Jan 2022');
    expect(relationshipLabel({ type: 'MEMBER_OF', start: '2019', end: null }, 'Member of')).toBe('member of · since 2019');
    expect(relationshipLabel({ type: 'HOLDS_POSITION', start: '2019-06', end: '2022-01' }, 'Holds position')).toBe('holds position · Jun 2019 – Jan 2022');
    expect(relationshipLabel({ type: 'ALLIED_WITH', start: null, end: null }, 'Allied with')).toBe('allied with');
    expect(formatPeriod('2019', '2022')).toBe('2019 – 2022');
    expect(formatPeriod(null, '2022')).toBe('until 2022');
    expect(formatPeriod(null, null)).toBe('');
  });
});
