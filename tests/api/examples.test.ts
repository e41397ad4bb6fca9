/**
 * The documented examples work as pasted: each `curl` block of the API
 * reference (graph/api/README-graphql.md) and of the project README is run by
 * bash against the real route serving the bundled dataset (loaded at start as
 * in production), with only the host:port replaced; every `graphql` block of the
 * reference validates against the schema; every playground example runs; and
 * the dataset figures the README states are the ones the API serves.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { EXAMPLES } from '@/app/playground/examples';
import { loadSchemaText } from '@/graph/api/schema';
import { readDatasetDir } from '@/graph/io/dataset';
import { gql, serve, type Json, type TestServer } from './http-harness';
import { ADMIN_TOKEN, tempDir } from './setup';

const run = promisify(execFile);
const API_README = path.join(process.cwd(), 'graph/api/README-graphql.md');
const README = path.join(process.cwd(), 'README.md');
const tmp = tempDir();
let server: TestServer;
let store: GraphStore;

beforeAll(async () => {
  process.env.STEPPE_DATA_DIR = tmp.dir;
  process.env.STEPPE_DATASET_DIR = path.join(process.cwd(), 'data');
  process.env.STEPPE_LOAD_DATASET = '1';
  process.env.STEPPE_ADMIN_TOKEN = ADMIN_TOKEN;
  delete process.env.NEO4J_URI;
  const route = await import('@/app/api/graphql/route');
  store = await (await import('@/graph/open-store')).getStore();
  server = await serve({ GET: route.GET, POST: route.POST });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  tmp.remove();
});

function blocks(file: string, lang: 'sh' | 'graphql'): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}
const curlBlocks = (file: string) => blocks(file, 'sh').filter((b) => b.trimStart().startsWith('curl'));
/** Blocks that ask for data (the HTTP-caching block shows headers and status codes instead). */
const dataCurlBlocks = (file: string) => curlBlocks(file).filter((b) => !b.includes('If-None-Match'));
const withTestHost = (block: string) => block.replaceAll('http://localhost:3000', new URL(server.url).origin);

/** Runs a curl block as pasted, against the test server instead of localhost:3000. */
async function runCurl(block: string): Promise<Json> {
  const { stdout } = await run('bash', ['-c', withTestHost(block)], { timeout: 20_000 });
  const body = JSON.parse(stdout);
  expect(body.errors, block).toBeUndefined();
  return body.data;
}

describe('API reference (graph/api/README-graphql.md)', () => {
  it('has four curl examples of data and one of HTTP caching', () => {
    expect(dataCurlBlocks(API_README)).toHaveLength(4);
    expect(curlBlocks(API_README)).toHaveLength(5);
  });

  it('runs the HTTP-caching example: the first command prints an ETag, the second answers 304 with it', async () => {
    const [block] = curlBlocks(API_README).filter((b) => b.includes('If-None-Match'));
    const commands = block.replace(/\\\n/g, ' ').split('\n').filter((l) => l.trim().startsWith('curl'));
    expect(commands).toHaveLength(2);
    const { stdout: tagLine } = await run('bash', ['-c', withTestHost(commands[0])], { timeout: 20_000 });
    const tag = /etag:\s*(\S+)/i.exec(tagLine)?.[1];
    expect(tag).toMatch(/^W\/"/);
    const second = withTestHost(commands[1]).replace(/If-None-Match: W\/"[^"]*"/, `If-None-Match: ${tag}`);
    const { stdout: status } = await run('bash', ['-c', second], { timeout: 20_000 });
    expect(status.trim().split('\n')[0]).toBe('304');
    // The check can fail: a tag that names no version is answered in full.
    const { stdout: fresh } = await run('bash', ['-c', withTestHost(commands[1])], { timeout: 20_000 });
    expect(fresh.trim().split('\n')[0]).toBe('200');
  });

  it('runs each as pasted (only the host changed) and gets data without errors', async () => {
    const results: Json[] = [];
    for (const block of dataCurlBlocks(API_README)) results.push(await runCurl(block));
    const [search, actor, around, power] = results;
    expect(search.actors.edges[0].node.id).toBe('kassym-jomart-tokayev');
    expect(actor.actor.name).toBe('Kassym-Jomart Tokayev');
    expect(actor.actor.relationships.nodes.length).toBeGreaterThan(0);
    expect(actor.actor.relationships.nodes[0].citations[0].excerpt.length).toBeGreaterThan(0);
    expect(around.neighborhood.nodes.length).toBeGreaterThan(1);
    expect(power.stats.analytics.central).toHaveLength(5);
    expect(power.stats.analytics.central[0].rank).toBe(1);
    expect(power.communities.length).toBeGreaterThan(1);
    expect(power.diff.positions.some((p: Json) => p.lost.length > 0)).toBe(true);
  });

  it('every operation in its graphql blocks validates against the schema', () => {
    const schema = buildSchema(loadSchemaText());
    const operations = blocks(API_README, 'graphql').flatMap((b) => parse(b).definitions);
    expect(operations.length).toBeGreaterThanOrEqual(6);
    const problems = operations.flatMap((d) => validate(schema, { kind: 'Document', definitions: [d] } as DocumentNode).map((e) => e.message));
    expect(problems).toEqual([]);
    // The check can fail.
    expect(validate(schema, parse('query { maps { nodes { bogus } } }'))).not.toEqual([]);
  });

  it('names every mutation of the schema in its Writing section', () => {
    const text = readFileSync(API_README, 'utf8');
    const writing = text.slice(text.indexOf('### Writing'), text.indexOf('###', text.indexOf('### Writing') + 4));
    const mutations = Object.keys(buildSchema(loadSchemaText()).getMutationType()!.getFields());
    expect(mutations.filter((m) => !writing.includes(`\`${m}\``))).toEqual([]);
  });
});

describe('project README', () => {
  it('links to the API reference and runs its own curl example as pasted', async () => {
    const text = readFileSync(README, 'utf8');
    expect(text).toContain('](graph/api/README-graphql.md)');
    const [search] = curlBlocks(README);
    expect((await runCurl(search)).actors.edges[0].node.id).toBe('kassym-jomart-tokayev');
  });

  it('states the figures of the bundled dataset that the API serves', async () => {
    const text = readFileSync(README, 'utf8');
    const stated = text.match(/(\d+) actors, (\d+) relationships, (\d+) citations/);
    expect(stated, 'the README states the dataset size').not.toBeNull();
    const [, actors, relationships, citations] = stated!.map(Number);
    const served = await gql(server.url, '{ stats { actors relationships sources } }');
    expect(served.body.data?.stats).toMatchObject({ actors, relationships });
    const dataset = await readDatasetDir(path.join(process.cwd(), 'data'));
    expect(dataset.relationships.reduce((n, r) => n + r.citations.length, 0)).toBe(citations);
    const sourcesStated = text.match(/built by hand from (\w+) public\s+reports/)?.[1];
    expect(['one', 'two', 'three', 'four', 'five', 'six', 'seven'].indexOf(sourcesStated ?? '') + 1).toBe(served.body.data?.stats.sources);
  });
});

describe('playground examples', () => {
  for (const example of EXAMPLES) {
    it(example.title, async () => {
      const r = await gql(server.url, example.query, { variables: example.variables, token: example.needsToken ? ADMIN_TOKEN : undefined });
      if (example.needsToken) {
        // Shipped with a placeholder source id, so running it unedited writes nothing.
        expect(r.codes).toEqual(['BAD_USER_INPUT']);
      } else {
        expect(r.body.errors).toBeUndefined();
        expect(r.status).toBe(200);
      }
    });
  }
});
