/**
 * The synthetic graph generator for benchmarks: seeded and deterministic (the
 * same options always give the same graph), valid under graph/core/model.ts, with a
 * heavy-tailed degree distribution.
 *
 * Growth with preferential attachment (Barabási–Albert): actors arrive one by
 * one and each links to about `relationshipsPerActor` earlier actors, chosen
 * with probability proportional to their degree + 1, restricted to the kinds
 * the relationship type allows. States arrive first, as the hubs a real
 * network has. Dates spread over 30 years with a mix of precisions; every
 * relationship cites one of a handful of synthetic sources.
 *
 * CLI: `tsx bench/generate.ts --size 10000 [--seed 42] [--out dir]` writes a
 * dataset directory (bench/graphs/<size>-<seed>/ by default) that
 * STEPPE_DATASET_DIR or `npm run import` can load.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ACTOR_KINDS,
  INSTITUTION_CATEGORIES,
  RELATIONSHIP_TYPE_INFO,
  RELATIONSHIP_TYPES,
  canonicalEnds,
  type Actor,
  type ActorKind,
  type GraphData,
  type InstitutionCategory,
  type Relationship,
  type RelationshipType,
  type Source,
} from '../graph/core/model';
import { normalizeText } from '../graph/core/search';
import { institutionName, personName, stateName } from './names';
import { mulberry32, shuffle, type Rng } from './prng';

export interface GenerateOptions {
  actors: number;
  /** Relationships each arriving actor creates; the graph ends with about actors × this many. Default 5. */
  relationshipsPerActor?: number;
  /** Default 42. */
  seed?: number;
  /** Synthetic sources cited. Default 24. */
  sources?: number;
}

export const DEFAULT_SEED = 42;
export const FIRST_YEAR = 1994;
/** Thirty years: 1994-01-01 to 2023-12-31. */
export const YEARS = 30;

/** How often each type is drawn; common structural ties first. */
const TYPE_WEIGHTS: Record<RelationshipType, number> = {
  MEMBER_OF: 18,
  HOLDS_POSITION: 16,
  APPOINTED: 10,
  ALLIED_WITH: 10,
  SUPPORTED: 9,
  INVESTED_IN: 7,
  OPPOSED: 7,
  FAMILY_OF: 6,
  DISMISSED: 5,
  PROSECUTED: 4,
  SUCCEEDED: 4,
  INTERVENED_IN: 2,
  COOPERATED_WITH: 6,
  CRITICIZED: 3,
  VISITED: 3,
  MET_WITH: 3,
};

/** Types that describe a lasting tie (often with an end) rather than an event. */
const LASTING = new Set<RelationshipType>(['MEMBER_OF', 'HOLDS_POSITION', 'ALLIED_WITH', 'SUPPORTED', 'INVESTED_IN', 'OPPOSED', 'FAMILY_OF']);

const ROLES: Partial<Record<RelationshipType, string[]>> = {
  APPOINTED: ['prime minister', 'minister of energy', 'deputy prime minister', 'regional governor', 'ambassador', 'chairman of the board', 'head of the administration'],
  DISMISSED: ['prime minister', 'minister of finance', 'regional governor', 'security chief', 'chief executive'],
  HOLDS_POSITION: ['minister', 'deputy minister', 'chairman', 'director', 'senator', 'adviser', 'governor', 'spokesperson'],
  MEMBER_OF: ['member', 'founding member', 'board member', 'deputy chair'],
  FAMILY_OF: ['brother', 'sister', 'nephew', 'son-in-law', 'daughter', 'cousin', 'spouse'],
  PROSECUTED: ['embezzlement', 'abuse of office', 'high treason', 'money laundering', 'organising mass riots'],
  INVESTED_IN: ['equity stake', 'loan', 'joint venture', 'bond purchase'],
};

const CATEGORY_WEIGHTS: [InstitutionCategory, number][] = INSTITUTION_CATEGORIES.map((c) => [
  c,
  c === 'company' ? 30 : c === 'government body' ? 14 : c === 'political party' ? 6 : c === 'media' ? 6 : c === 'other' ? 1 : 3,
]);
/** Relationship ids read like `appointed-0002s`. */
const ID_PREFIX = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, t.toLowerCase().replace(/_/g, '-')])) as Record<RelationshipType, string>;
const CURRENCIES = ['USD', 'EUR', 'KZT', 'RUB', 'CNY'];
const PUBLISHERS = ['Steppe Observer', 'Caspian Wire', 'Eurasia Review Desk', 'Central Asia Monitor', 'Regional Policy Digest', 'Open Archive Project'];

function slugify(text: string): string {
  // Names are Latin; normalizeText folds case and diacritics, and anything else left is dropped.
  const slug = normalizeText(text).replace(/[^a-z0-9 ]/g, '').trim().replace(/ +/g, '-');
  return (slug || 'actor').slice(0, 100);
}

/** Unique slugs: a repeated name gets `-2`, `-3`, … */
function slugAllocator(): (name: string) => string {
  const used = new Map<string, number>();
  return (name) => {
    const base = slugify(name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(FIRST_YEAR, 0, 1);
const SPAN_DAYS = Math.round((Date.UTC(FIRST_YEAR + YEARS, 0, 1) - EPOCH) / DAY_MS);
const LAST_DAY = SPAN_DAYS + 365; // ends may run into the year after the span

/** Every day of the span as [YYYY-MM-DD, YYYY-MM, YYYY], built once: formatting dates is the generator's hot spot. */
const DAY_STRINGS: [string, string, string][] = Array.from({ length: LAST_DAY + 1 }, (_, day) => {
  const iso = new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
  return [iso, iso.slice(0, 7), iso.slice(0, 4)];
});

/** A day offset as a partial date: full date half the time, year-month or year otherwise. */
function partialDate(rng: Rng, day: number): string {
  const r = rng.next();
  return DAY_STRINGS[day][r < 0.5 ? 0 : r < 0.8 ? 1 : 2];
}

function datesFor(rng: Rng, type: RelationshipType): Pick<Relationship, 'start' | 'end'> {
  // Family ties are mostly undated; a few other records lack a start date too.
  if ((type === 'FAMILY_OF' && rng.chance(0.7)) || rng.chance(0.06)) return {};
  const startDay = rng.int(0, SPAN_DAYS - 1);
  const out: Pick<Relationship, 'start' | 'end'> = { start: partialDate(rng, startDay) };
  if (rng.chance(LASTING.has(type) ? 0.5 : 0.15)) {
    // Ends come after starts; a coarser end only widens the interval, so end ≥ start always holds.
    const endDay = Math.min(LAST_DAY, startDay + rng.int(30, 12 * 365));
    out.end = partialDate(rng, endDay);
  }
  return out;
}

function makeSources(rng: Rng, count: number): Source[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const year = FIRST_YEAR + rng.int(0, YEARS);
    return {
      id: `bench-source-${n}`,
      title: `Synthetic report ${n}: ${rng.pick(['power and patronage', 'the elite reshuffle', 'regional politics', 'state capital', 'security and the state'])}`,
      publisher: rng.pick(PUBLISHERS),
      authors: rng.chance(0.7) ? [personName(rng).name] : undefined,
      published: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      url: `https://example.org/steppe-bench/${n}`,
    };
  }).map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as Source);
}

function makeActors(rng: Rng, count: number): Actor[] {
  const slug = slugAllocator();
  const stateCount = Math.max(5, Math.round(count * 0.002));
  const institutionCount = Math.round(count * 0.29);
  const states: Actor[] = [];
  for (let i = 0; i < stateCount; i++) {
    const { name, aliases } = stateName(rng);
    states.push({ id: slug(name), kind: 'STATE', name, aliases, tags: ['synthetic'], summary: `A synthetic state for benchmarks.` });
  }
  const rest: Actor[] = [];
  for (let i = 0; i < count - stateCount; i++) {
    const country = rng.pick(states);
    if (i < institutionCount) {
      const category = rng.weighted(CATEGORY_WEIGHTS);
      const { name, aliases } = institutionName(rng, category, country.name);
      rest.push({ id: slug(name), kind: 'INSTITUTION', category, name, aliases, country: country.id, tags: ['synthetic'] });
    } else {
      const { name, aliases } = personName(rng);
      const actor: Actor = { id: slug(name), kind: 'PERSON', name, aliases, country: country.id, tags: ['synthetic'] };
      if (rng.chance(0.5)) actor.summary = `Synthetic ${rng.pick(['official', 'businessman', 'politician', 'activist', 'diplomat', 'officer'])} active in ${country.name} since ${FIRST_YEAR + rng.int(0, YEARS - 1)}.`;
      rest.push(actor);
    }
  }
  // States first (the early hubs), then institutions and people interleaved.
  return [...states, ...shuffle(rng, rest)];
}

/**
 * Degree-proportional urns per kind: an actor appears once on arrival and
 * once more per relationship, so a uniform draw from the urns is a draw
 * proportional to degree + 1.
 */
class KindUrns {
  private readonly urns: Record<ActorKind, number[]> = { PERSON: [], INSTITUTION: [], STATE: [] };

  add(kind: ActorKind, actor: number): void {
    this.urns[kind].push(actor);
  }

  size(kinds: readonly ActorKind[]): number {
    let n = 0;
    for (const k of kinds) n += this.urns[k].length;
    return n;
  }

  draw(rng: Rng, kinds: readonly ActorKind[]): number {
    let r = Math.floor(rng.next() * this.size(kinds));
    for (const k of kinds) {
      if (r < this.urns[k].length) return this.urns[k][r];
      r -= this.urns[k].length;
    }
    throw new Error('draw from empty urns');
  }
}

/** Where the arriving actor can stand in a type, and the kinds the other end may have. */
function otherEndKinds(type: RelationshipType, kind: ActorKind): { asSource: boolean; kinds: readonly ActorKind[] } | null {
  const info = RELATIONSHIP_TYPE_INFO[type];
  const sameKind = (kinds: readonly ActorKind[]) => (info.sameKind ? kinds.filter((k) => k === kind) : kinds);
  const canSource = info.sourceKinds.includes(kind);
  const canTarget = info.targetKinds.includes(kind);
  if (!canSource && !canTarget) return null;
  // Both possible: decided later by a coin; here prefer the side with the wider choice.
  if (canSource) return { asSource: true, kinds: sameKind(info.targetKinds) };
  return { asSource: false, kinds: sameKind(info.sourceKinds) };
}

const LEADS = ['', 'According to officials, ', 'The report notes that ', 'Records show that ', 'Observers say '];
const VERBS: Record<RelationshipType, string> = {
  APPOINTED: 'appointed',
  DISMISSED: 'dismissed',
  PROSECUTED: 'brought charges against',
  ALLIED_WITH: 'is a close ally of',
  INVESTED_IN: 'invested in',
  MEMBER_OF: 'joined',
  HOLDS_POSITION: 'took up a post at',
  FAMILY_OF: 'is related to',
  SUCCEEDED: 'succeeded',
  INTERVENED_IN: 'sent forces into',
  SUPPORTED: 'publicly backed',
  OPPOSED: 'publicly opposed',
  COOPERATED_WITH: 'signed a cooperation agreement with',
  CRITICIZED: 'publicly criticized',
  VISITED: 'paid an official visit to',
  MET_WITH: 'held talks with',
};

function excerptFor(type: RelationshipType, source: Actor, target: Actor, role: string | undefined, start: string | undefined, rng: Rng): string {
  const when = start ? ` in ${start.slice(0, 4)}` : '';
  const as = role ? ` (${role})` : '';
  const lead = rng.pick(LEADS);
  // Leads start with a capital; names do too.
  return `${lead}${source.name} ${VERBS[type]} ${target.name}${as}${when}.`;
}

/** Generates a graph; the same options always give the same records in the same order. */
export function generateGraph(options: GenerateOptions): GraphData {
  const perActor = options.relationshipsPerActor ?? 5;
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const sources = makeSources(rng, options.sources ?? 24);
  const actors = makeActors(rng, options.actors);
  const urns = new KindUrns();
  const relationships: Relationship[] = [];
  const typeWeights = RELATIONSHIP_TYPES.map((t) => [t, TYPE_WEIGHTS[t]] as const);
  let seq = 0;

  actors.forEach((actor, index) => {
    const linked = new Set<number>();
    for (let made = 0, tries = 0; made < perActor && tries < perActor * 8; tries++) {
      const type = rng.weighted(typeWeights);
      const info = RELATIONSHIP_TYPE_INFO[type];
      let side = otherEndKinds(type, actor.kind);
      if (!side) continue;
      // When the arriving actor could stand at either end, pick the end by a coin.
      if (info.targetKinds.includes(actor.kind) && info.sourceKinds.includes(actor.kind) && !info.symmetric && rng.chance(0.5)) {
        side = { asSource: false, kinds: info.sameKind ? info.sourceKinds.filter((k) => k === actor.kind) : info.sourceKinds };
      }
      if (urns.size(side.kinds) === 0) continue;
      const other = urns.draw(rng, side.kinds);
      if (linked.has(other)) continue;
      linked.add(other);
      const [s, t] = side.asSource ? [actor, actors[other]] : [actors[other], actor];
      const role = ROLES[type] && rng.chance(0.7) ? rng.pick(ROLES[type]) : undefined;
      const dates = datesFor(rng, type);
      const rel: Relationship = { id: `${ID_PREFIX[type]}-${(seq++).toString(36).padStart(5, '0')}`, type, source: s.id, target: t.id, citations: [] };
      if (role) rel.role = role;
      if (dates.start) rel.start = dates.start;
      if (dates.end) rel.end = dates.end;
      rel.citations.push({ sourceId: rng.pick(sources).id, excerpt: excerptFor(type, s, t, role, dates.start, rng) });
      if (type === 'INVESTED_IN' && rng.chance(0.6)) {
        rel.amount = rng.int(1, 5000) * 100_000;
        rel.currency = rng.pick(CURRENCIES);
      }
      relationships.push(canonicalEnds(rel));
      urns.add(actors[other].kind, other);
      made++;
    }
    // The arriving actor joins the urns only now, so it never draws itself: once per relationship, plus one.
    for (let i = 0; i <= linked.size; i++) urns.add(actor.kind, index);
  });
  return { sources, actors, relationships };
}

export interface DegreeStats {
  mean: number;
  median: number;
  p99: number;
  max: number;
  /** Share of all relationship ends held by the best-connected 1% of actors. */
  top1PercentShare: number;
}

export function degreeStats(graph: GraphData): DegreeStats {
  const degree = new Map<string, number>(graph.actors.map((a) => [a.id, 0]));
  for (const r of graph.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const sorted = [...degree.values()].sort((a, b) => a - b);
  const total = sorted.reduce((s, d) => s + d, 0);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const top = sorted.slice(sorted.length - Math.max(1, Math.floor(sorted.length / 100)));
  return {
    mean: total / sorted.length,
    median: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
    top1PercentShare: top.reduce((s, d) => s + d, 0) / total,
  };
}

export function graphKinds(graph: GraphData): { kinds: ActorKind[]; types: RelationshipType[] } {
  const kinds = ACTOR_KINDS.filter((k) => graph.actors.some((a) => a.kind === k));
  const types = RELATIONSHIP_TYPES.filter((t) => graph.relationships.some((r) => r.type === t));
  return { kinds, types };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const size = Number(argValue(args, '--size') ?? 10_000);
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(size) || size < 10) throw new Error(`--size must be an integer ≥ 10, got ${size}`);
  const out = path.resolve(argValue(args, '--out') ?? path.join('bench', 'graphs', `${size}-${seed}`));
  const { writeDatasetDir } = await import('../graph/io/dataset');
  const graph = generateGraph({ actors: size, seed });
  await writeDatasetDir(out, graph);
  console.log(`${graph.actors.length} actors, ${graph.relationships.length} relationships, ${graph.sources.length} sources → ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
