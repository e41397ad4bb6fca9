/**
 * Evidence intake over real HTTP: adding a source with its text (pasted or
 * uploaded), proposals computed from it, accepting one with the ordinary
 * createRelationship mutation, bad inputs (stable codes, nothing written) and
 * stale citations after the text is edited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { gql, type GqlResponse } from './http-harness';
import { ADMIN_TOKEN, startRoute } from './setup';

let api: Awaited<ReturnType<typeof startRoute>>;
let store: GraphStore;

beforeAll(async () => {
  api = await startRoute({ STEPPE_ADMIN_TOKEN: ADMIN_TOKEN });
  store = api.store;
});

afterAll(async () => {
  await api?.close();
});

const admin = (query: string, variables?: Record<string, unknown>) => gql(api.url, query, { variables, token: ADMIN_TOKEN });
const changeCount = async () => (await store.changes({ first: 1 })).totalCount;
function ok(r: GqlResponse) {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}

const base64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

/** Two true statements about fixture actors, the first with the cue "appointed" and a date. */
const TEXT = 'On 11 January 2022, Tokayev appointed Alikhan Smailov as prime minister.\n\nKarim Massimov was detained on suspicion of treason.';
const SENTENCE = 'On 11 January 2022, Tokayev appointed Alikhan Smailov as prime minister.';

const ADD_SOURCE = `mutation($input: SourceInput!, $text: SourceTextInput!) {
  addSource(input: $input, text: $text) {
    source { id title hasText textLength }
    length format encoding
    textCheck { checkedCitations stale { relationship { id } excerpt reason } }
  }
}`;
const SET_TEXT = `mutation($id: ID!, $text: SourceTextInput!) {
  setSourceText(sourceId: $id, text: $text) {
    source { id } length format
    textCheck { checkedCitations stale { relationship { id type } citationIndex excerpt reason } }
  }
}`;
const INTAKE = `query($id: ID!) {
  intake(sourceId: $id) {
    source { id }
    sentenceCount
    relationships {
      id type source { id } target { id } excerpt excerptStart excerptEnd sourceSpan targetSpan
      confidence cue basis role start accepted acceptedAs { id } existing { id }
    }
    actors { name guessedKind occurrences firstStart }
  }
}`;

async function expectNothingWritten(write: () => Promise<GqlResponse>, code: string, status = 200): Promise<GqlResponse> {
  const before = await changeCount();
  const sources = (await store.listSources()).map((s) => s.id);
  const r = await write();
  expect(r.codes, JSON.stringify(r.body.errors)).toEqual([code]);
  expect(r.status).toBe(status);
  expect(r.body.errors![0].extensions?.stacktrace).toBeUndefined();
  expect(await changeCount()).toBe(before);
  expect((await store.listSources()).map((s) => s.id)).toEqual(sources);
  return r;
}

describe('adding a source with its text', () => {
  it('stores pasted text with the source in one write; the change log summarises it', async () => {
    const before = await changeCount();
    const r = ok(await admin(ADD_SOURCE, { input: { id: 'intake-note', title: 'Intake note', publisher: 'Test Desk', published: '2022-01' }, text: { text: `  ${TEXT}\r\n` } }));
    expect(r.addSource).toEqual({
      source: { id: 'intake-note', title: 'Intake note', hasText: true, textLength: TEXT.length },
      length: TEXT.length,
      format: 'TEXT',
      encoding: null,
      textCheck: { checkedCitations: 0, stale: [] },
    });
    const changes = ok(await gql(api.url, '{ changes(first: 500) { nodes { op entityId after by } } }')).changes.nodes.slice(before);
    expect(changes.map((c: { op: string }) => c.op)).toEqual(['UPSERT_SOURCE', 'SET_SOURCE_TEXT']);
    expect(changes[1]).toEqual({ op: 'SET_SOURCE_TEXT', entityId: 'intake-note', after: { sourceId: 'intake-note', length: TEXT.length, checked: 0, stale: 0 }, by: 'api' });

    const read = ok(await gql(api.url, '{ source(id: "intake-note") { text hasText } sources { id hasText } }'));
    expect(read.source).toEqual({ text: TEXT, hasText: true });
    expect(read.sources.filter((s: { hasText: boolean }) => s.hasText).map((s: { id: string }) => s.id)).toEqual(['intake-note']);
  });

  it('reads uploaded .html (reduced to text), .md and UTF-16 .txt files', async () => {
    const html = '<html><head><title>x</title><script>var x = 1;</script></head><body><nav>Menu</nav><p>Tokayev appointed <b>Alikhan Smailov</b> as prime minister.</p></body></html>';
    const h = ok(await admin(ADD_SOURCE, { input: { id: 'intake-html', title: 'HTML page' }, text: { file: { filename: 'page.html', base64: base64(html) } } }));
    expect(h.addSource).toMatchObject({ format: 'HTML', encoding: 'utf-8' });
    expect(ok(await gql(api.url, '{ source(id: "intake-html") { text } }')).source.text).toBe('Tokayev appointed Alikhan Smailov as prime minister.');

    const md = ok(await admin(ADD_SOURCE, { input: { id: 'intake-md', title: 'Markdown' }, text: { file: { filename: 'notes.MD', base64: base64('# Notes\n\nKarim Massimov was *detained*.') } } }));
    expect(md.addSource).toMatchObject({ format: 'MARKDOWN', length: '# Notes\n\nKarim Massimov was *detained*.'.length });

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tokáyev spoke.', 'utf16le')]);
    const t = ok(await admin(ADD_SOURCE, { input: { id: 'intake-utf16', title: 'UTF-16' }, text: { file: { filename: 'a.txt', base64: base64(utf16) } } }));
    expect(t.addSource).toMatchObject({ format: 'TEXT', encoding: 'utf-16le', length: 'Tokáyev spoke.'.length });
  });
});

describe('bad input: a stable code and nothing written', () => {
  /** `token: null` sends no Authorization header. */
  const add = (id: string, text: Record<string, unknown>, token: string | null = ADMIN_TOKEN) =>
    gql(api.url, ADD_SOURCE, { variables: { input: { id, title: 'Bad' }, text }, token: token ?? undefined });

  it('refuses empty and oversized text', async () => {
    await expectNothingWritten(() => add('bad-1', { text: '   \n\t ' }), 'BAD_USER_INPUT');
    const huge = await expectNothingWritten(() => add('bad-2', { text: 'word '.repeat(200_001) }), 'BAD_USER_INPUT');
    expect(huge.body.errors![0].extensions?.problems?.[0].path).toBe('text');
  });

  it('refuses binary files, unknown encodings, invalid UTF-8, bad base64 and unsupported file types', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectNothingWritten(() => add('bad-3', { file: { filename: 'photo.txt', base64: base64(png) } }), 'BAD_USER_INPUT');
    const unknownCharset = '<html><head><meta charset="x-klingon-1"></head><body><p>Text.</p></body></html>';
    await expectNothingWritten(() => add('bad-4', { file: { filename: 'page.html', base64: base64(unknownCharset) } }), 'BAD_USER_INPUT');
    await expectNothingWritten(() => add('bad-5', { file: { filename: 'latin1.txt', base64: base64(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2e])) } }), 'BAD_USER_INPUT');
    await expectNothingWritten(() => add('bad-6', { file: { filename: 'a.txt', base64: 'not base64 at all!' } }), 'BAD_USER_INPUT');
    await expectNothingWritten(() => add('bad-7', { file: { filename: 'report.pdf', base64: base64('Plain words.') } }), 'BAD_USER_INPUT');
    await expectNothingWritten(() => add('bad-8', { text: 'Both.', file: { filename: 'a.txt', base64: base64('Both.') } }), 'BAD_USER_INPUT');
    await expectNothingWritten(() => add('bad-9', {}), 'BAD_USER_INPUT');
  });

  it('refuses writes without the admin token, and a taken id', async () => {
    await expectNothingWritten(() => add('bad-10', { text: TEXT }, null), 'UNAUTHENTICATED', 401);
    await expectNothingWritten(() => add('bad-11', { text: TEXT }, 'wrong-token'), 'UNAUTHENTICATED', 401);
    await expectNothingWritten(() => gql(api.url, SET_TEXT, { variables: { id: 'intake-note', text: { text: 'Changed.' } } }), 'UNAUTHENTICATED', 401);
    await expectNothingWritten(() => add('intake-note', { text: TEXT }), 'CONFLICT');
    await expectNothingWritten(() => admin(SET_TEXT, { id: 'no-such-source', text: { text: 'Text.' } }), 'NOT_FOUND');
    expect(ok(await gql(api.url, '{ source(id: "intake-note") { text } }')).source.text).toBe(TEXT);
  });

  it('prices full texts: asking for every source’s text at once is too expensive', async () => {
    const r = await gql(api.url, '{ sources { id text } }');
    expect(r.codes).toEqual(['QUERY_TOO_COMPLEX']);
    expect(ok(await gql(api.url, '{ sources { id hasText textLength } }')).sources.length).toBeGreaterThan(2);
  });
});

describe('proposals and accepting them', () => {
  it('proposes the appointment from the text, marks what the graph holds, and writes nothing', async () => {
    const before = await changeCount();
    const r = ok(await gql(api.url, INTAKE, { variables: { id: 'intake-note' } }));
    expect(await changeCount()).toBe(before);
    const appointed = r.intake.relationships.find((p: { type: string }) => p.type === 'APPOINTED');
    expect(appointed).toMatchObject({
      source: { id: 'tokayev' },
      target: { id: 'smailov' },
      excerpt: SENTENCE,
      start: '2022-01-11',
      accepted: false,
      acceptedAs: null,
      existing: [{ id: 'r01' }], // the fixture already has this appointment, cited from another source
    });
    expect(TEXT.slice(appointed.excerptStart, appointed.excerptEnd)).toBe(appointed.excerpt);
    expect(TEXT.slice(appointed.sourceSpan[0], appointed.sourceSpan[1])).toBe('Tokayev');
    expect(TEXT.slice(appointed.targetSpan[0], appointed.targetSpan[1])).toBe('Alikhan Smailov');
    expect(appointed.cue).toBe('appointed');
    expect(r.intake.sentenceCount).toBe(2);
  });

  it('accepting is createRelationship with the proposal’s excerpt; the proposal then shows as accepted', async () => {
    // A quote that is not in the stored text is refused, so accepted relationships always quote their source verbatim.
    await expectNothingWritten(
      () =>
        admin(`mutation($input: RelationshipInput!) { createRelationship(input: $input) { id } }`, {
          input: { type: 'APPOINTED', source: 'tokayev', target: 'smailov', citations: [{ sourceId: 'intake-note', excerpt: 'Tokayev appointed Smailov.' }] },
        }),
      'BAD_USER_INPUT',
    );
    const created = ok(
      await admin(
        `mutation($input: RelationshipInput!) { createRelationship(input: $input) { id citations { excerpt source { id hasText } } } }`,
        { input: { type: 'APPOINTED', source: 'tokayev', target: 'smailov', role: 'Prime Minister', start: '2022-01-11', citations: [{ sourceId: 'intake-note', excerpt: SENTENCE }] } },
      ),
    ).createRelationship;
    expect(created.citations).toEqual([{ excerpt: SENTENCE, source: { id: 'intake-note', hasText: true } }]);

    const r = ok(await gql(api.url, INTAKE, { variables: { id: 'intake-note' } }));
    const appointed = r.intake.relationships.find((p: { type: string }) => p.type === 'APPOINTED');
    expect(appointed).toMatchObject({ accepted: true, acceptedAs: { id: created.id } });
    expect(appointed.existing.map((x: { id: string }) => x.id).sort()).toEqual([created.id, 'r01'].sort());
  });

  it('editing the text flags the citations whose excerpt no longer matches', async () => {
    const edited = TEXT.replace('appointed', 'named').replace('Karim Massimov was', 'Karim  Massimov was');
    const r = ok(await admin(SET_TEXT, { id: 'intake-note', text: { text: edited } }));
    expect(r.setSourceText.textCheck.checkedCitations).toBe(1);
    expect(r.setSourceText.textCheck.stale).toEqual([
      { relationship: { id: expect.stringMatching(/^appointed--tokayev--smailov/), type: 'APPOINTED' }, citationIndex: 0, excerpt: SENTENCE, reason: 'MISSING' },
    ]);
    // Queryable afterwards, and recorded in the change log.
    const read = ok(await gql(api.url, '{ source(id: "intake-note") { textCheck { checkedCitations stale { excerpt reason } } } }'));
    expect(read.source.textCheck).toEqual({ checkedCitations: 1, stale: [{ excerpt: SENTENCE, reason: 'MISSING' }] });
    const last = ok(await gql(api.url, '{ changes(first: 500) { nodes { op after } } }')).changes.nodes.at(-1);
    expect(last).toEqual({ op: 'SET_SOURCE_TEXT', after: { sourceId: 'intake-note', length: edited.length, checked: 1, stale: 1 } });
  });

  it('intake of a source without text is BAD_USER_INPUT; of an unknown source, null', async () => {
    expect((await gql(api.url, INTAKE, { variables: { id: 'src-a' } })).codes).toEqual(['BAD_USER_INPUT']);
    expect(ok(await gql(api.url, INTAKE, { variables: { id: 'no-such-source' } })).intake).toBeNull();
    expect(ok(await gql(api.url, '{ source(id: "src-a") { hasText text textCheck { checkedCitations } } }')).source).toEqual({ hasText: false, text: null, textCheck: null });
  });
});

describe('request size', () => {
  it('keeps anonymous request bodies small while the admin may upload large files', async () => {
    const big = 'A sentence about nothing in particular. '.repeat(5000); // 200 KB: over the 100 KB anonymous limit
    const r = ok(await admin(ADD_SOURCE, { input: { id: 'intake-big', title: 'Big' }, text: { file: { filename: 'big.txt', base64: base64(big) } } }));
    expect(r.addSource.length).toBe(big.trim().length);
    // Last in the file: the server stops reading the oversized body, which resets the connection.
    const anonymous = await gql(api.url, ADD_SOURCE, { variables: { input: { id: 'bad-12', title: 'Big' }, text: { text: big } } });
    expect(anonymous.status).toBe(413);
    expect(anonymous.codes).toEqual(['BAD_REQUEST']);
  });
});
