/**
 * `npx tsx bench/hardening.ts --url http://127.0.0.1:3000 --token <admin token> [--chars 1000000]`
 *
 * The intake bound against a RUNNING server (the real production process,
 * not a test harness), printed as JSON: the admin adds a source whose text is
 * N characters of the seed texts repeated; the time until `intake` answers
 * (the analysis runs in the server's worker thread), and /api/health
 * latencies (p50/p99/max) polled every 20 ms meanwhile, with those of a quiet
 * baseline run first. (The load at 128 connections is `npm run bench -- --server-load`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const base = args.get('url') ?? 'http://127.0.0.1:3000';
const token = args.get('token') ?? process.env.STEPPE_ADMIN_TOKEN ?? '';
const chars = Number(args.get('chars') ?? 1_000_000);

const pct = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: +pct(s, 0.5).toFixed(1), p95: +pct(s, 0.95).toFixed(1), p99: +pct(s, 0.99).toFixed(1), max: +(s.at(-1) ?? NaN).toFixed(1) };
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
  // Untimed: Node loads its fetch client on the first call (~80 ms), which is not the server's time.
  await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
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

console.log(JSON.stringify({ url: base, at: new Date().toISOString(), intake: await intakeBound() }, null, 2));
