/**
 * `npx tsx bench/hardening.ts --url http://127.0.0.1:3000 --token <admin token> [--chars 1000000] [--connections 128] [--seconds 30]`
 *
 * Two measurements against a RUNNING server (the real `next start` process,
 * not a test harness), printed as JSON:
 * 1. intake bound: the admin adds a source whose text is N characters of the
 *    seed texts repeated; the time until `intake` answers (the analysis runs
 *    in the server's worker thread), and /api/health latencies (p50/p99/max)
 *    polled every 20 ms meanwhile, with those of a quiet baseline run first;
 * 2. load: `connections` concurrent connections for `seconds` each on the
 *    explorer's neighbourhood request, a search and GET /, counting requests
 *    over 2 s and over 10 s (autocannon, in this process: run the server elsewhere or nice it).
 */
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const base = args.get('url') ?? 'http://127.0.0.1:3000';
const token = args.get('token') ?? process.env.STEPPE_ADMIN_TOKEN ?? '';
const chars = Number(args.get('chars') ?? 1_000_000);
const connections = Number(args.get('connections') ?? 128);
const seconds = Number(args.get('seconds') ?? 30);
const only = args.get('only');

const pct = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: +pct(s, 0.5).toFixed(1), p99: +pct(s, 0.99).toFixed(1), max: +(s.at(-1) ?? NaN).toFixed(1) };
};

async function gql(query: string, variables: Record<string, unknown>, auth = true) {
  const r = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth && token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

/** Polls /api/health every 20 ms until `done` settles; returns each request's latency. */
async function pollHealth(done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  const out: number[] = [];
  while (!finished) {
    const t = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

async function intakeBound() {
  const seedDir = path.resolve('../shared/seeds');
  const seeds = readdirSync(seedDir).map((f) => readFileSync(path.join(seedDir, f), 'utf8')).join('\n\n');
  const text = (seeds + '\n\n').repeat(Math.ceil(chars / (seeds.length + 2))).slice(0, chars);
  const quiet = await pollHealth(new Promise((r) => setTimeout(r, 3000)));
  const id = `bench-intake-${Date.now()}`;
  const started = performance.now();
  const run = (async () => {
    await gql('mutation($input: SourceInput!, $text: SourceTextInput!) { addSource(input: $input, text: $text) { length } }', { input: { id, title: 'Intake bound' }, text: { text } });
    const added = performance.now() - started;
    const r = (await gql('query($id: ID!) { intake(sourceId: $id) { sentenceCount relationships { id } actors { name } } }', { id }, false)) as {
      intake: { sentenceCount: number; relationships: unknown[] };
    };
    return { added, total: performance.now() - started, sentences: r.intake.sentenceCount, proposals: r.intake.relationships.length };
  })();
  const health = await pollHealth(run);
  const r = await run;
  const again = performance.now();
  await gql('query($id: ID!) { intake(sourceId: $id) { sentenceCount } }', { id }, false);
  return {
    chars: text.length,
    addSourceMs: Math.round(r.added),
    untilProposalsMs: Math.round(r.total),
    cachedIntakeMs: Math.round(performance.now() - again),
    sentences: r.sentences,
    proposals: r.proposals,
    healthQuiet: summary(quiet),
    healthDuringIntake: summary(health),
  };
}

function load(name: string, request: autocannon.Request): Promise<Record<string, unknown>> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const started = new Map<unknown, number>();
    const instance = autocannon({ url: base, connections, duration: seconds, timeout: 30, requests: [request] }, (err, result) => {
      if (err) return reject(err);
      const s = summary(latencies);
      resolve({
        name,
        requests: latencies.length,
        rps: Math.round(latencies.length / result.duration),
        p50: s.p50,
        p99: s.p99,
        max: s.max,
        over2s: latencies.filter((l) => l > 2000).length,
        over10s: latencies.filter((l) => l > 10_000).length,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      });
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    void started;
  });
}

async function loadPhase() {
  const ids = ((await gql('{ actors(first: 40) { nodes { id } } }', {}, false)) as { actors: { nodes: { id: string }[] } }).actors.nodes.map((n) => n.id);
  const NEIGHBORHOOD = 'query($actorId: ID!) { neighborhood(actorId: $actorId, depth: 1, limit: 100) { truncated nodes { id name kind degree } edges { id type source target start end citations { sourceId excerpt } } } }';
  const SEARCH = 'query($search: String!) { actors(search: $search, first: 8) { totalCount edges { match matchedText node { id name kind } } } }';
  const words = ['tok', 'naz', 'kaz', 'rus', 'mas', 'sma', 'par', 'min', 'gov', 'pre'];
  let i = 0;
  const post = (body: () => string): autocannon.Request => ({
    method: 'POST',
    path: '/api/graphql',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: body() }),
  });
  const results = [];
  results.push(await load('explorer neighbourhood', post(() => JSON.stringify({ query: NEIGHBORHOOD, variables: { actorId: ids[i++ % ids.length] } }))));
  results.push(await load('search', post(() => JSON.stringify({ query: SEARCH, variables: { search: words[i++ % words.length] } }))));
  results.push(await load('GET /', { method: 'GET', path: '/' }));
  return results;
}

const out: Record<string, unknown> = { url: base, at: new Date().toISOString() };
if (only !== 'load') out.intake = await intakeBound();
if (only !== 'intake') out.load = await loadPhase();
console.log(JSON.stringify(out, null, 2));
