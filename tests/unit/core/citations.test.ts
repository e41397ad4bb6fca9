import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetDir } from '@/graph/io/dataset';
import type { Relationship } from '@/graph/core/model';
import { locateExcerpt, verifyCitations } from '@/graph/core/citations';
import { checkSourceText } from '@/graph/core/source-text';

const rel = (id: string, ...citations: [string, string][]): Relationship => ({
  id,
  type: 'APPOINTED',
  source: 'a',
  target: 'b',
  citations: citations.map(([sourceId, excerpt]) => ({ sourceId, excerpt })),
});

describe('verifyCitations', () => {
  const text = 'Tokayev appointed Smailov as prime minister.\nLater, the cabinet resigned.';
  const rels = [
    rel('r1', ['src', 'Tokayev appointed Smailov as prime minister.']),
    rel('r2', ['src', 'the cabinet resigned'], ['other', 'not checked here']),
    rel('r3', ['src', 'Tokayev   appointed Smailov\nas prime minister.']),
    rel('r4', ['src', 'Tokayev dismissed Smailov.']),
  ];

  it('passes excerpts that occur verbatim and flags the others, telling spacing changes from missing words', () => {
    const report = verifyCitations('src', text, rels);
    expect(report.checked).toBe(4);
    expect(report.stale).toEqual([
      { relationshipId: 'r3', citationIndex: 0, excerpt: 'Tokayev   appointed Smailov\nas prime minister.', reason: 'spacing' },
      { relationshipId: 'r4', citationIndex: 0, excerpt: 'Tokayev dismissed Smailov.', reason: 'missing' },
    ]);
  });

  it('flags what an edit of the text breaks', () => {
    const edited = text.replace('prime minister', 'premier');
    expect(verifyCitations('src', edited, rels).stale.map((s) => s.relationshipId)).toEqual(['r1', 'r3', 'r4']);
  });

  it('locates an excerpt for highlighting', () => {
    expect(locateExcerpt(text, 'the cabinet')).toEqual({ start: text.indexOf('the cabinet'), end: text.indexOf('the cabinet') + 11 });
    expect(locateExcerpt(text, 'absent')).toBeNull();
    expect(locateExcerpt(text, '')).toBeNull();
  });
});

const root = path.resolve(import.meta.dirname, '../../..');
const seeds = path.resolve(root, '../shared/seeds');
const hasSeeds = existsSync(seeds);
if (!hasSeeds) console.log(`intake-verify: seed-text checks skipped, no seed texts at ${seeds}`);

describe.skipIf(!hasSeeds)('verifyCitations on the bundled dataset', () => {
  it('finds every excerpt of the seed sources verbatim, and flags the ones an edit removes', async () => {
    const data = await readDatasetDir(path.join(root, 'data'));
    const mapping = JSON.parse(readFileSync(path.join(root, 'data', 'source-texts.json'), 'utf8')) as Record<string, string>;
    for (const [sourceId, file] of Object.entries(mapping)) {
      const text = checkSourceText(readFileSync(path.join(seeds, file), 'utf8'));
      const report = verifyCitations(sourceId, text, data.relationships);
      expect(report.checked, sourceId).toBeGreaterThan(0);
      expect(report.stale, sourceId).toEqual([]);
    }
    // Edit one cited sentence of the CRS report: exactly the citations quoting it become stale.
    const crs = checkSourceText(readFileSync(path.join(seeds, mapping['crs-political-reforms-kazakhstan']), 'utf8'));
    const sentence = 'All three parties in parliament [backed](#) Tokayev.';
    expect(crs).toContain(sentence);
    const edited = crs.replace(sentence, 'Two of the three parties in parliament [backed](#) Tokayev.');
    const quoting = data.relationships.flatMap((r) => r.citations.filter((c) => c.sourceId === 'crs-political-reforms-kazakhstan' && c.excerpt.includes('parties in parliament')).map(() => r.id));
    expect(quoting.length).toBeGreaterThan(0);
    expect(verifyCitations('crs-political-reforms-kazakhstan', edited, data.relationships).stale.map((s) => s.relationshipId).sort()).toEqual([...quoting].sort());
  });
});
