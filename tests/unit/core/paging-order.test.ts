/** One cursor format for every paged list, and one relationship order (graph/core/args.ts, graph/core/keys.ts). */
import { describe, expect, it } from 'vitest';
import { pageArg, pageOf } from '@/graph/core/args';
import { ValidationError } from '@/graph/core/errors';
import { compareRelationships } from '@/graph/core/keys';
import type { Relationship } from '@/graph/core/model';
import { paginate } from '@/graph/api/args';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('cursors', () => {
  it('a page the API cuts and a page a store cuts carry the same cursor, and each reads the other’s', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const api = paginate(items, 2, null);
    const store = pageOf(items, pageArg({ first: 2 }), (x) => x);
    expect(api.endCursor).toBe(store.endCursor);
    expect(paginate(items, 2, store.endCursor).items).toEqual(['c', 'd']);
    expect(pageArg({ first: 2, after: api.endCursor }).offset).toBe(2);
  });

  it.each([
    ['the retired API format', b64('offset:2')],
    ['garbage', 'not-a-cursor'],
    ['a non-canonical offset', b64('o:02')],
  ])('refuses %s with BAD_USER_INPUT naming `after`', (_what, cursor) => {
    for (const read of [() => paginate(['a', 'b', 'c'], 2, cursor), () => pageArg({ first: 2, after: cursor })]) {
      const e = (() => {
        try {
          read();
        } catch (x) {
          return x;
        }
      })() as ValidationError;
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.problems.map((p) => p.path)).toEqual(['after']);
    }
  });
});

describe('the relationship order', () => {
  it('sorts by earliest start day, less precise first, undated last, then id', () => {
    const rel = (id: string, start?: string) => ({ id, start }) as Pick<Relationship, 'id' | 'start'>;
    const rels = [rel('z'), rel('b', '2022-01-05'), rel('a'), rel('c', '2022'), rel('d', '2022-01'), rel('e', '2021-12-31'), rel('a2', '2022-01')];
    expect(rels.sort(compareRelationships).map((r) => r.id)).toEqual(['e', 'c', 'a2', 'd', 'b', 'a', 'z']);
  });
});
