import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTOR, DEFAULT_VIEW, parseViewState, serializeViewState, viewHref, type ViewState } from '@/app/_lib/url-state';

const full: ViewState = {
  actor: 'nursultan-nazarbayev',
  expanded: ['karim-massimov', 'kazakhstan'],
  hiddenTypes: ['APPOINTED', 'MEMBER_OF'],
  hiddenKinds: ['STATE'],
  asOf: '2022-01-05',
  undated: 'SHOW',
  layout: 'concentric',
  selected: { kind: 'relationship', id: 'appointed--a--b' },
  path: { from: 'kassym-jomart-tokayev', to: 'russia' },
  sizeBy: 'pagerank',
  colorBy: 'community',
  tab: 'changes',
  diff: { from: '2022-01-01', to: '2022-12-31' },
  map: 'fall-of-the-nazarbayev-circle-2022',
};

describe('url-state', () => {
  it('gives the default view (Tokayev, fcose, no filters) for an empty query', () => {
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
    expect(parseViewState(new URLSearchParams())).toEqual(DEFAULT_VIEW);
    expect(parseViewState({})).toEqual(DEFAULT_VIEW);
    expect(DEFAULT_VIEW.actor).toBe(DEFAULT_ACTOR);
    expect(DEFAULT_ACTOR).toBe('kassym-jomart-tokayev');
  });

  it('round-trips every field through a query string', () => {
    const qs = serializeViewState(full);
    expect(parseViewState(qs)).toEqual(full);
    expect(parseViewState(`?${qs}`)).toEqual(full);
    expect(parseViewState(new URLSearchParams(qs))).toEqual(full);
  });

  it('round-trips through the record shape Next.js passes as searchParams', () => {
    const record = Object.fromEntries(new URLSearchParams(serializeViewState(full)));
    expect(parseViewState(record)).toEqual(full);
    expect(parseViewState({ focus: ['karim-massimov', 'russia'] }).actor).toBe('karim-massimov');
  });

  it('writes readable, minimal links: defaults left out, lists comma-separated', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('focus=kassym-jomart-tokayev');
    const qs = serializeViewState(full);
    expect(qs).toContain('expand=karim-massimov,kazakhstan');
    expect(qs).toContain('path=kassym-jomart-tokayev~russia');
    expect(qs).toContain('sel=rel:appointed--a--b');
    expect(viewHref(DEFAULT_VIEW)).toBe('/?focus=kassym-jomart-tokayev');
  });

  it('serialises equal views equally whatever the order filters were toggled in', () => {
    const a = serializeViewState({ ...DEFAULT_VIEW, hiddenTypes: ['OPPOSED', 'APPOINTED'], hiddenKinds: ['STATE', 'PERSON'] });
    const b = serializeViewState({ ...DEFAULT_VIEW, hiddenTypes: ['APPOINTED', 'OPPOSED'], hiddenKinds: ['PERSON', 'STATE'] });
    expect(a).toBe(b);
    expect(a).toContain('hideTypes=APPOINTED,OPPOSED');
  });

  it('opens a saved map for editing, where the focus may be expanded too; a bad map id is dropped', () => {
    const v = parseViewState('focus=russia&map=my-map&expand=russia,kazakhstan');
    expect(v.map).toBe('my-map');
    expect(v.expanded).toEqual(['russia', 'kazakhstan']);
    expect(parseViewState(serializeViewState(v))).toEqual(v);
    expect(parseViewState('focus=russia&expand=russia,kazakhstan').expanded).toEqual(['kazakhstan']);
    expect(parseViewState('map=Not%20A%20Slug!').map).toBeNull();
  });

  it('keeps the order of expansion (it is the order neighbours were added)', () => {
    const v = parseViewState('focus=russia&expand=kazakhstan,karim-massimov');
    expect(v.expanded).toEqual(['kazakhstan', 'karim-massimov']);
  });

  it('drops what it cannot read and keeps the rest', () => {
    const v = parseViewState(
      'focus=Not An Id&expand=ok-id,<script>,ok-id,,kassym-jomart-tokayev&hideTypes=APPOINTED,NOPE&hideKinds=ROBOT,PERSON' +
        '&asOf=2022-13-01&layout=spiral&sel=actor:BAD&path=a~a',
    );
    expect(v.actor).toBe(DEFAULT_ACTOR);
    // The focused actor is never also "expanded"; duplicates collapse.
    expect(v.expanded).toEqual(['ok-id']);
    expect(v.hiddenTypes).toEqual(['APPOINTED']);
    expect(v.hiddenKinds).toEqual(['PERSON']);
    expect(v.asOf).toBeNull();
    expect(v.layout).toBe('fcose');
    expect(v.selected).toBeNull();
    expect(v.path).toBeNull();
  });

  it('accepts partial dates for asOf and both selection kinds', () => {
    expect(parseViewState('asOf=2022').asOf).toBe('2022');
    expect(parseViewState('asOf=2022-01').asOf).toBe('2022-01');
    expect(parseViewState('asOf=2022-02-30').asOf).toBeNull();
    expect(parseViewState('sel=actor:russia').selected).toEqual({ kind: 'actor', id: 'russia' });
    expect(parseViewState('sel=rel:x-y').selected).toEqual({ kind: 'relationship', id: 'x-y' });
    expect(parseViewState('sel=edge:x-y').selected).toBeNull();
  });

  it('rejects malformed paths', () => {
    expect(parseViewState('path=a~b~c').path).toBeNull();
    expect(parseViewState('path=a').path).toBeNull();
    expect(parseViewState('path=~b').path).toBeNull();
    expect(parseViewState('path=russia~kazakhstan').path).toEqual({ from: 'russia', to: 'kazakhstan' });
  });

  it('survives URL encoding by other tools', () => {
    const encoded = new URLSearchParams({ focus: 'russia', expand: 'a,b', path: 'a~b', sel: 'actor:a' }).toString();
    expect(encoded).toContain('%2C');
    const v = parseViewState(encoded);
    expect(v.expanded).toEqual(['a', 'b']);
    expect(v.path).toEqual({ from: 'a', to: 'b' });
    expect(v.selected).toEqual({ kind: 'actor', id: 'a' });
  });

  it('reads the insights options leniently: unknown size, colour or tab fall back; a reversed or partial diff range is dropped', () => {
    const v = parseViewState('size=pagerank&colour=community&tab=timeline&diff=2021-03-01~2022-02-28');
    expect(v).toMatchObject({ sizeBy: 'pagerank', colorBy: 'community', tab: 'timeline', diff: { from: '2021-03-01', to: '2022-02-28' } });
    const bad = parseViewState('size=loudness&colour=mood&tab=secrets&diff=2022-12-31~2022-01-01');
    expect(bad).toMatchObject({ sizeBy: 'none', colorBy: 'kind', tab: 'details', diff: null });
    expect(parseViewState('diff=2022~2023').diff).toBeNull();
    expect(parseViewState('diff=2022-02-30~2023-01-01').diff).toBeNull();
    // Defaults stay out of the link.
    expect(serializeViewState({ ...DEFAULT_VIEW })).toBe('focus=kassym-jomart-tokayev');
    expect(serializeViewState({ ...DEFAULT_VIEW, sizeBy: 'degree', tab: 'insights' })).toBe('focus=kassym-jomart-tokayev&size=degree&tab=insights');
  });
});
