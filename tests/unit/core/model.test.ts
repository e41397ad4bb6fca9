import { describe, expect, it } from 'vitest';
import {
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_INFO,
  canonicalEnds,
  checkRelationshipEndpoints,
  comparePartialDates,
  earliestDay,
  inForceAsOf,
  isPartialDate,
  latestDay,
  overlapsRange,
  parsePartialDate,
  validateActor,
  validateRelationship,
  validateSource,
  type Relationship,
} from '@/graph/core/model';
import { problemsOf } from '@/tests/fixtures/problems';

const rel = (over: Partial<Relationship> = {}): Relationship => ({
  id: 'r1',
  type: 'APPOINTED',
  source: 'a',
  target: 'b',
  citations: [{ sourceId: 's1', excerpt: 'A appointed B.' }],
  ...over,
});

const problemPaths = (fn: () => unknown): string[] => problemsOf(fn).map((p) => p.path);

describe('partial dates', () => {
  it('parses year, month and day precision', () => {
    expect(parsePartialDate('2022')).toEqual({ year: 2022 });
    expect(parsePartialDate('2022-01')).toEqual({ year: 2022, month: 1 });
    expect(parsePartialDate('2022-01-08')).toEqual({ year: 2022, month: 1, day: 8 });
  });

  it.each(['2022-13', '2022-00', '2022-02-30', '2023-02-29', '22', '2022-1-5', '2022/01', '', 'x2022'])('rejects %j', (d) => {
    expect(isPartialDate(d)).toBe(false);
    expect('error' in parsePartialDate(d)).toBe(true);
  });

  it('accepts leap days only in leap years', () => {
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('2023-02-29')).toBe(false);
  });

  it('knows the first and last day each precision can mean', () => {
    expect(earliestDay('2022')).toBe('2022-01-01');
    expect(latestDay('2022')).toBe('2022-12-31');
    expect(latestDay('2024-02')).toBe('2024-02-29');
    expect(latestDay('2022-01-08')).toBe('2022-01-08');
  });

  it('orders by earliest day, less precise first', () => {
    const sorted = ['2022-01-08', '2021', '2022-01', '2022'].sort(comparePartialDates);
    expect(sorted).toEqual(['2021', '2022', '2022-01', '2022-01-08']);
  });
});

describe('as-of semantics', () => {
  it('a start of 2022 is in force as of 2022-06-01', () => {
    expect(inForceAsOf({ start: '2022' }, '2022-06-01')).toBe(true);
  });
  it('an end of 2022-01 is not in force as of 2022-02-01 but is on 2022-01-31', () => {
    expect(inForceAsOf({ end: '2022-01' }, '2022-02-01', 'SHOW')).toBe(false);
    expect(inForceAsOf({ end: '2022-01' }, '2022-01-31', 'SHOW')).toBe(true);
    // Without a start nothing says it was in force: hidden unless undated ones are asked for.
    expect(inForceAsOf({ end: '2022-01' }, '2022-01-31')).toBe(false);
  });
  it('a start in the future is not yet in force', () => {
    expect(inForceAsOf({ start: '2022-11-20' }, '2022-11-19')).toBe(false);
    expect(inForceAsOf({ start: '2022-11-20' }, '2022-11-20')).toBe(true);
  });
  it('undated relationships are never in force under a date unless SHOW asks for them', () => {
    expect(inForceAsOf({}, '1900-01-01')).toBe(false);
    expect(inForceAsOf({}, '1900-01-01', 'HIDE')).toBe(false);
    expect(inForceAsOf({}, '1900-01-01', 'SHOW')).toBe(true);
    expect(overlapsRange({}, '2022', '2023')).toBe(false);
    expect(overlapsRange({}, undefined, undefined)).toBe(true);
  });
  it('a partial asOf means any time in that period', () => {
    expect(inForceAsOf({ start: '2022-12-31' }, '2022')).toBe(true);
    expect(inForceAsOf({ end: '2021-12' }, '2022')).toBe(false);
  });
  it('range overlap honours open bounds', () => {
    expect(overlapsRange({ start: '2020', end: '2021' }, '2022')).toBe(false);
    expect(overlapsRange({ start: '2020', end: '2021' }, undefined, '2020-06')).toBe(true);
    expect(overlapsRange({ start: '2023' }, '2022', '2022-12')).toBe(false);
  });
});

describe('validation', () => {
  it('accepts a minimal valid actor and fills defaults', () => {
    expect(validateActor({ id: 'a', kind: 'PERSON', name: 'A' })).toEqual({ id: 'a', kind: 'PERSON', name: 'A', aliases: [], tags: [] });
  });
  it('lists every actor problem at once', () => {
    expect(problemPaths(() => validateActor({ id: 'Bad Id', kind: 'ALIEN', name: ' ', category: 'party' }))).toEqual(
      expect.arrayContaining(['id', 'kind', 'name', 'category']),
    );
  });
  it('refuses categories on people and unknown categories on institutions', () => {
    expect(problemPaths(() => validateActor({ id: 'a', kind: 'PERSON', name: 'A', category: 'court' }))).toContain('category');
    expect(problemPaths(() => validateActor({ id: 'a', kind: 'INSTITUTION', name: 'A', category: 'club' }))).toContain('category');
  });
  it('requires at least one citation with a non-empty excerpt of at most 400 characters', () => {
    expect(problemPaths(() => validateRelationship(rel({ citations: [] })))).toContain('citations');
    expect(problemPaths(() => validateRelationship(rel({ citations: [{ sourceId: 's1', excerpt: '' }] })))).toContain('citations[0].excerpt');
    expect(problemPaths(() => validateRelationship(rel({ citations: [{ sourceId: 's1', excerpt: 'x'.repeat(401) }] })))).toContain(
      'citations[0].excerpt',
    );
  });
  it('rejects bad dates and an end before the start', () => {
    expect(problemPaths(() => validateRelationship(rel({ start: '2022-13' })))).toContain('start');
    expect(problemPaths(() => validateRelationship(rel({ start: '2022-05', end: '2022-04' })))).toContain('end');
    // Same month at different precision is not "before".
    expect(validateRelationship(rel({ start: '2022-05-10', end: '2022-05' })).end).toBe('2022-05');
  });
  it('rejects self-loops, unknown types and currency without amount', () => {
    expect(problemPaths(() => validateRelationship(rel({ target: 'a' })))).toContain('target');
    expect(problemPaths(() => validateRelationship(rel({ type: 'HATED' as never })))).toContain('type');
    expect(problemPaths(() => validateRelationship(rel({ currency: 'USD' })))).toContain('currency');
    expect(problemPaths(() => validateRelationship(rel({ amount: 5, currency: 'dollars' })))).toContain('currency');
  });
  it('validates sources, including their URL', () => {
    expect(validateSource({ id: 's', title: 'T', published: '2022-11' }).published).toBe('2022-11');
    expect(problemPaths(() => validateSource({ id: 's', title: 'T', url: 'javascript:alert(1)' }))).toContain('url');
  });
});

describe('relationship types', () => {
  it('has one info entry per type', () => {
    expect(Object.keys(RELATIONSHIP_TYPE_INFO).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });
  it('enforces kind rules against the graph', () => {
    const kinds: Record<string, 'PERSON' | 'STATE' | 'INSTITUTION'> = { p: 'PERSON', q: 'PERSON', s: 'STATE', i: 'INSTITUTION' };
    const look = (id: string) => (kinds[id] ? { kind: kinds[id] } : undefined);
    const has = (id: string) => id === 's1';
    expect(checkRelationshipEndpoints(rel({ type: 'FAMILY_OF', source: 'p', target: 's' }), look, has).map((p) => p.path)).toEqual(['type']);
    expect(checkRelationshipEndpoints(rel({ type: 'FAMILY_OF', source: 'p', target: 'q' }), look, has)).toEqual([]);
    expect(checkRelationshipEndpoints(rel({ type: 'HOLDS_POSITION', source: 'i', target: 'p' }), look, has).map((p) => p.path)).toEqual(['type']);
    expect(checkRelationshipEndpoints(rel({ type: 'SUCCEEDED', source: 'i', target: 'p' }), look, has).map((p) => p.path)).toEqual(['type']);
    expect(
      checkRelationshipEndpoints(rel({ source: 'nobody', target: 'p', citations: [{ sourceId: 'zz', excerpt: 'x' }] }), look, has).map((p) => p.path),
    ).toEqual(['source', 'citations[0].sourceId']);
  });
  it('stores symmetric relationships with the smaller id first', () => {
    expect(canonicalEnds(rel({ type: 'ALLIED_WITH', source: 'z', target: 'a' }))).toMatchObject({ source: 'a', target: 'z' });
    expect(canonicalEnds(rel({ type: 'APPOINTED', source: 'z', target: 'a' }))).toMatchObject({ source: 'z', target: 'a' });
  });
});
