import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_PALETTE,
  MAX_SCALE,
  MIN_SCALE,
  OTHER_COMMUNITY_COLOR,
  communityColor,
  currentEventIndex,
  defaultDiffRange,
  diffMarks,
  sizeScales,
  timelineOf,
} from '@/app/_lib/insights';
import type { RelationshipRecord } from '@/app/_lib/queries';
import { contrast } from './contrast';


/** Simulated deuteranopia (Viénot, Brettel & Mollon 1999) in linear RGB, for "are two colours still told apart". */
function deutan(hex: string): [number, number, number] {
  const lin = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = lin;
  return [0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b];
}

function rel(id: string, start: string | null, end: string | null): RelationshipRecord {
  const a = { id: 'a', name: 'A', kind: 'PERSON' as const };
  return { id, type: 'ALLIED_WITH', symmetric: true, role: null, start, end, amount: null, currency: null, source: a, target: a, citations: [], reported: null };
}

describe('insights: sizes', () => {
  it('maps the lowest score to the smallest node and the highest to the largest, area growing with the score', () => {
    const scores = new Map([
      ['hub', 0.4],
      ['mid', 0.1],
      ['leaf', 0.0],
    ]);
    const s = sizeScales(scores, ['hub', 'mid', 'leaf', 'unscored']);
    expect(s.get('hub')).toBe(MAX_SCALE);
    expect(s.get('leaf')).toBe(MIN_SCALE);
    // √0.1 / √0.4 = 0.5 of the way.
    expect(s.get('mid')).toBeCloseTo((MIN_SCALE + MAX_SCALE) / 2, 2);
    expect(s.get('unscored')).toBe(MIN_SCALE);
  });

  it('gives equal scores one middle size instead of dividing by zero', () => {
    const s = sizeScales(new Map([['a', 3], ['b', 3]]), ['a', 'b']);
    expect(s.get('a')).toBe(s.get('b'));
    expect(Number.isFinite(s.get('a'))).toBe(true);
  });
});

describe('insights: community palette', () => {
  it('has distinct colours, each at least 3:1 against the white canvas (WCAG 1.4.11)', () => {
    expect(new Set(COMMUNITY_PALETTE).size).toBe(COMMUNITY_PALETTE.length);
    for (const c of [...COMMUNITY_PALETTE, OTHER_COMMUNITY_COLOR]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });

  it('keeps the first colours apart for deuteranopes (the most common colour-vision deficiency)', () => {
    const first = COMMUNITY_PALETTE.slice(0, 6).map(deutan);
    for (let i = 0; i < first.length; i++)
      for (let j = i + 1; j < first.length; j++) {
        const d = Math.hypot(first[i][0] - first[j][0], first[i][1] - first[j][1], first[i][2] - first[j][2]);
        expect(d, `${COMMUNITY_PALETTE[i]} vs ${COMMUNITY_PALETTE[j]}`).toBeGreaterThan(0.02);
      }
  });

  it('colours communities by id, the ones past the palette in one neutral grey', () => {
    expect(communityColor(0)).toBe(COMMUNITY_PALETTE[0]);
    expect(communityColor(COMMUNITY_PALETTE.length - 1)).toBe(COMMUNITY_PALETTE.at(-1));
    expect(communityColor(COMMUNITY_PALETTE.length)).toBe(OTHER_COMMUNITY_COLOR);
    expect(communityColor(-1)).toBe(OTHER_COMMUNITY_COLOR);
  });
});

describe('insights: timeline', () => {
  const events = timelineOf([rel('r2', '2022-01-05', '2022-03'), rel('r1', '2022', null), rel('r3', null, null), rel('r0', '2022-01-05', null)]);

  it('lists dated starts and ends by date (less precise first), starts before ends, then by id; undated ones not at all', () => {
    expect(events.map((e) => `${e.date} ${e.kind} ${e.relationship.id}`)).toEqual([
      '2022 START r1',
      '2022-01-05 START r0',
      '2022-01-05 START r2',
      '2022-03 END r2',
    ]);
  });

  it('finds the event at or just before the slider date', () => {
    expect(currentEventIndex(events, '2021-12-31')).toBe(-1);
    expect(currentEventIndex(events, '2022-01-01')).toBe(0);
    expect(currentEventIndex(events, '2022-01-04')).toBe(0);
    expect(currentEventIndex(events, '2022-01-05')).toBe(2);
    expect(currentEventIndex(events, '2022-02-28')).toBe(2);
    expect(currentEventIndex(events, '2022-03-01')).toBe(3);
    expect(currentEventIndex(events, '2030')).toBe(3);
    // All dates: the last event.
    expect(currentEventIndex(events, null)).toBe(3);
    expect(currentEventIndex([], '2022')).toBe(-1);
  });
});

describe('insights: diff', () => {
  it('marks started edges as added and ended ones as removed; one that did both within the range as removed', () => {
    const marks = diffMarks({
      started: [{ relationship: { id: 'new' } }, { relationship: { id: 'brief' } }],
      ended: [{ relationship: { id: 'gone' } }, { relationship: { id: 'brief' } }],
    });
    expect(Object.fromEntries(marks)).toEqual({ new: 'diff-added', gone: 'diff-removed', brief: 'diff-removed' });
  });

  it('defaults to 2022 when the data covers it, else to the data’s last year', () => {
    expect(defaultDiffRange({ min: '1991', max: '2024-05' })).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(defaultDiffRange({ min: '1991', max: '2019-05-01' })).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    expect(defaultDiffRange(null)).toEqual({ from: '2022-01-01', to: '2022-12-31' });
  });
});
