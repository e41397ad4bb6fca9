/**
 * The Steppe data model: actors, relationships, citations, sources, partial
 * dates, and the rules every entry point (stores, importers, API) enforces.
 * Relationship types and actor kinds are listed once, here.
 */
import { ValidationError, type FieldProblem } from './errors';
import type { CuratedMap } from './maps';

// ---------------------------------------------------------------------------
// Actor kinds and institution categories
// ---------------------------------------------------------------------------

export const ACTOR_KINDS = ['PERSON', 'INSTITUTION', 'STATE'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Categories for institutions. Free text is refused so filters and legends stay meaningful. */
export const INSTITUTION_CATEGORIES = [
  'government body',
  'head of state office',
  'parliament',
  'court',
  'prosecutor',
  'security service',
  'military',
  'political party',
  'company',
  'state fund',
  'bank',
  'international organisation',
  'military alliance',
  'media',
  'think tank',
  'civil society',
  'religious body',
  'region',
  'other',
] as const;
export type InstitutionCategory = (typeof INSTITUTION_CATEGORIES)[number];

// ---------------------------------------------------------------------------
// Relationship types
// ---------------------------------------------------------------------------

export const RELATIONSHIP_TYPES = [
  'APPOINTED',
  'DISMISSED',
  'PROSECUTED',
  'ALLIED_WITH',
  'INVESTED_IN',
  'MEMBER_OF',
  'HOLDS_POSITION',
  'FAMILY_OF',
  'SUCCEEDED',
  'INTERVENED_IN',
  'SUPPORTED',
  'OPPOSED',
  'COOPERATED_WITH',
  'CRITICIZED',
  'VISITED',
  'MET_WITH',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface RelationshipTypeInfo {
  label: string;
  /** Stored once, read from both ends; source/target order carries no meaning. */
  symmetric: boolean;
  /** What source → target means, for humans. */
  direction: string;
  sourceKinds: readonly ActorKind[];
  targetKinds: readonly ActorKind[];
  /** Source and target must be of the same kind (e.g. a party succeeds a party). */
  sameKind?: boolean;
}

const ANY: readonly ActorKind[] = ACTOR_KINDS;

export const RELATIONSHIP_TYPE_INFO: Record<RelationshipType, RelationshipTypeInfo> = {
  APPOINTED: { label: 'Appointed', symmetric: false, direction: 'appointer → appointee', sourceKinds: ['PERSON', 'INSTITUTION'], targetKinds: ['PERSON'] },
  DISMISSED: { label: 'Dismissed', symmetric: false, direction: 'dismisser → dismissed', sourceKinds: ['PERSON', 'INSTITUTION'], targetKinds: ['PERSON'] },
  PROSECUTED: { label: 'Prosecuted', symmetric: false, direction: 'prosecuting body → prosecuted', sourceKinds: ANY, targetKinds: ['PERSON', 'INSTITUTION'] },
  ALLIED_WITH: { label: 'Allied with', symmetric: true, direction: 'ally ↔ ally', sourceKinds: ANY, targetKinds: ANY },
  INVESTED_IN: { label: 'Invested in', symmetric: false, direction: 'investor → recipient', sourceKinds: ANY, targetKinds: ANY },
  MEMBER_OF: { label: 'Member of', symmetric: false, direction: 'member → organisation', sourceKinds: ANY, targetKinds: ['INSTITUTION'] },
  HOLDS_POSITION: { label: 'Holds position', symmetric: false, direction: 'person → institution or state', sourceKinds: ['PERSON'], targetKinds: ['INSTITUTION', 'STATE'] },
  FAMILY_OF: { label: 'Family of', symmetric: true, direction: 'relative ↔ relative', sourceKinds: ['PERSON'], targetKinds: ['PERSON'] },
  SUCCEEDED: { label: 'Succeeded', symmetric: false, direction: 'successor → predecessor', sourceKinds: ANY, targetKinds: ANY, sameKind: true },
  INTERVENED_IN: { label: 'Intervened in', symmetric: false, direction: 'intervening force → state', sourceKinds: ANY, targetKinds: ['STATE'] },
  SUPPORTED: { label: 'Supported', symmetric: false, direction: 'supporter → supported', sourceKinds: ANY, targetKinds: ANY },
  OPPOSED: { label: 'Opposed', symmetric: false, direction: 'opponent → opposed', sourceKinds: ANY, targetKinds: ANY },
  // Cooperation, trade or contacts short of an alliance or declared political alignment.
  COOPERATED_WITH: { label: 'Cooperated with', symmetric: true, direction: 'partner ↔ partner', sourceKinds: ANY, targetKinds: ANY },
  // Public criticism or condemnation, short of opposing in action.
  CRITICIZED: { label: 'Criticized', symmetric: false, direction: 'critic → criticized', sourceKinds: ANY, targetKinds: ANY },
  // A visit, dated where the text dates it: the visitor travels to the host state, institution or person.
  VISITED: { label: 'Visited', symmetric: false, direction: 'visitor → host', sourceKinds: ANY, targetKinds: ANY },
  // A meeting or talks where neither side is the host the text names.
  MET_WITH: { label: 'Met with', symmetric: true, direction: 'party ↔ party', sourceKinds: ANY, targetKinds: ANY },
};

export function isSymmetric(type: RelationshipType): boolean {
  return RELATIONSHIP_TYPE_INFO[type].symmetric;
}

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

/** A partial ISO date: `2022`, `2022-01` or `2022-01-08`. */
export type PartialDate = string;

export interface Actor {
  /** Stable slug, e.g. `kassym-jomart-tokayev`. */
  id: string;
  kind: ActorKind;
  name: string;
  /** Institutions only: one of INSTITUTION_CATEGORIES. */
  category?: string;
  /** Other spellings and transliterations; search matches them like the name. */
  aliases: string[];
  summary?: string;
  /** Id of a STATE actor. */
  country?: string;
  tags: string[];
  /** Starts at 1, +1 on every change (see graph/core/versions.ts); absent on records stored before versions, read as 1. */
  version?: number;
}

export interface Citation {
  sourceId: string;
  /** Verbatim quote from the source, at most MAX_EXCERPT_LENGTH characters. */
  excerpt: string;
}

export interface Relationship {
  id: string;
  type: RelationshipType;
  /** Actor id at the tail of the edge (appointer, investor, member, …). */
  source: string;
  /** Actor id at the head of the edge. */
  target: string;
  /** Plain-words detail: "Prime Minister", "nephew". */
  role?: string;
  start?: PartialDate;
  end?: PartialDate;
  amount?: number;
  currency?: string;
  citations: Citation[];
  /** Starts at 1, +1 on every change (see graph/core/versions.ts); absent on records stored before versions, read as 1. */
  version?: number;
}

// ---------------------------------------------------------------------------
// Source provenance
// ---------------------------------------------------------------------------

/**
 * What the text we hold (and quote) is, relative to what the publisher
 * published. Quotes stay verbatim to the text we hold; when that text is a
 * paraphrased copy or a translation, its wording is not the publisher's.
 */
export const SOURCE_TEXT_KINDS = ['ORIGINAL', 'COPY', 'PARAPHRASED_COPY', 'TRANSLATION'] as const;
export type SourceTextKind = (typeof SOURCE_TEXT_KINDS)[number];

export const SOURCE_TEXT_KIND_INFO: Record<SourceTextKind, { label: string; warning?: string }> = {
  ORIGINAL: { label: 'Original' },
  COPY: { label: 'Copy' },
  PARAPHRASED_COPY: { label: 'Paraphrased copy', warning: 'Quoted from a paraphrased copy: the wording is not the publisher\'s.' },
  TRANSLATION: { label: 'Translation', warning: 'Quoted from a translation: the wording is not the publisher\'s.' },
};

/** The warning every quote of this source must carry, or null when its wording is the publisher's (or not recorded). */
export function wordingWarning(source: Pick<Source, 'textKind'> | { textKind?: string | null }): string | null {
  const kind = source.textKind as SourceTextKind | null | undefined;
  return (kind && SOURCE_TEXT_KIND_INFO[kind]?.warning) || null;
}

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  /** People who wrote it, in byline order (replaces the single `author` of older files). */
  authors?: string[];
  published?: PartialDate;
  /** Last update, where the publisher states one. */
  updated?: PartialDate;
  /** The original address where it was published. */
  url?: string;
  /** What the stored/quoted text is; absent = not recorded. */
  textKind?: SourceTextKind;
  /** A short note on the text, e.g. why it is a copy. */
  textNote?: string;
  /** Starts at 1, +1 on every change (see graph/core/versions.ts); absent on records stored before versions, read as 1. */
  version?: number;
}

/**
 * A stored or imported source record of any age as today's shape: files and
 * journals written before `authors` carry one `author` string.
 */
export function upgradeSource<T extends object>(record: T): T {
  const r = record as Record<string, unknown>;
  if (!('author' in r)) return record;
  const { author, ...rest } = r;
  if (rest.authors === undefined && typeof author === 'string' && author.trim() !== '') rest.authors = [author];
  return rest as T;
}

/** Everything a store holds, as import and export exchange it. */
export interface GraphData {
  sources: Source[];
  actors: Actor[];
  relationships: Relationship[];
  /** Curated maps (graph/core/maps.ts); optional in input, always present in exports. */
  maps?: CuratedMap[];
}

export const MAX_EXCERPT_LENGTH = 400;
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_ALIASES = 50;
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;

// ---------------------------------------------------------------------------
// Partial dates
// ---------------------------------------------------------------------------

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface ParsedDate {
  year: number;
  month?: number;
  day?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `2022`, `2022-01`, `2022-01-08`; returns a message instead of throwing. */
export function parsePartialDate(value: string): ParsedDate | { error: string } {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return { error: `"${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD` };
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `"${value}" has month ${m[2]}; months run 01–12` };
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return { error: `"${value}" has day ${m[3]}; that month has ${max} days` };
  return { year, month, day };
}

export function isPartialDate(value: unknown): value is PartialDate {
  return typeof value === 'string' && !('error' in parsePartialDate(value));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** First day the partial date can mean, as `YYYY-MM-DD` (sortable as a string). */
export function earliestDay(date: PartialDate): string {
  const p = parsePartialDate(date);
  if ('error' in p) throw new ValidationError('Invalid date', [{ path: 'date', message: p.error }]);
  return `${pad(p.year, 4)}-${pad(p.month ?? 1, 2)}-${pad(p.day ?? 1, 2)}`;
}

/** Last day the partial date can mean, as `YYYY-MM-DD`. */
export function latestDay(date: PartialDate): string {
  const p = parsePartialDate(date);
  if ('error' in p) throw new ValidationError('Invalid date', [{ path: 'date', message: p.error }]);
  const month = p.month ?? 12;
  const day = p.day ?? daysInMonth(p.year, month);
  return `${pad(p.year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Orders partial dates by their earliest day, then the less precise first (`2022` < `2022-01` < `2022-01-01`). */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const ea = earliestDay(a);
  const eb = earliestDay(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.length - b.length;
}

// ---------------------------------------------------------------------------
// Undated relationships
// ---------------------------------------------------------------------------

/**
 * What a date-restricted read does with a relationship whose start is not
 * recorded: nothing says it was in force on any given day. HIDE (the default)
 * leaves it out; SHOW includes it unless its recorded end rules it out, for
 * views that draw it as "date unknown". Reads with no date ignore the mode.
 */
export const UNDATED_MODES = ['HIDE', 'SHOW'] as const;
export type UndatedMode = (typeof UNDATED_MODES)[number];
export const DEFAULT_UNDATED_MODE: UndatedMode = 'HIDE';

/** True when the relationship's start is recorded: only then can a date say it was in force. */
export function isDated(rel: Pick<Relationship, 'start'> | { start?: string | null }): boolean {
  return typeof rel.start === 'string';
}

/**
 * The closed day interval a relationship may have been in force: from the
 * earliest day its start can mean to the latest day its end can mean. A
 * missing start or end is open (`''` and `'9999-12-31'`); whether an
 * undated relationship counts under a date is the caller's `UndatedMode`.
 */
export function activeInterval(rel: Pick<Relationship, 'start' | 'end'>): [string, string] {
  return [rel.start ? earliestDay(rel.start) : '', rel.end ? latestDay(rel.end) : '9999-12-31'];
}

/**
 * "As of" semantics. A relationship is in force as of a date when its active
 * interval overlaps the period the date names: as of `2022-06-01`, a start of
 * `2022` counts (it may have started by then) and an end of `2022-01` does not
 * (it was over by 31 January). A partial `asOf` such as `2022` means "at any
 * time during 2022".
 */
export function inForceAsOf(rel: Pick<Relationship, 'start' | 'end'>, asOf: PartialDate, undated: UndatedMode = DEFAULT_UNDATED_MODE): boolean {
  return overlapsRange(rel, asOf, asOf, undated);
}

/**
 * True when the relationship's active interval overlaps [from, to]; either
 * bound may be omitted. With a bound, an undated relationship (no start)
 * passes only in SHOW mode.
 */
export function overlapsRange(rel: Pick<Relationship, 'start' | 'end'>, from?: PartialDate, to?: PartialDate, undated: UndatedMode = DEFAULT_UNDATED_MODE): boolean {
  if ((from !== undefined || to !== undefined) && undated === 'HIDE' && !isDated(rel)) return false;
  const [s, e] = activeInterval(rel);
  if (to !== undefined && s > latestDay(to)) return false;
  if (from !== undefined && e < earliestDay(from)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

type Problems = FieldProblem[];

function checkString(p: Problems, path: string, v: unknown, opts: { required?: boolean; max?: number } = {}): void {
  if (v === undefined || v === null) {
    if (opts.required) p.push({ path, message: 'is required' });
    return;
  }
  if (typeof v !== 'string') return void p.push({ path, message: 'must be a string' });
  if (opts.required && v.trim() === '') p.push({ path, message: 'must not be empty' });
  if (opts.max !== undefined && v.length > opts.max) p.push({ path, message: `is longer than ${opts.max} characters` });
}

function checkId(p: Problems, path: string, v: unknown): void {
  if (typeof v !== 'string' || !ID_PATTERN.test(v)) {
    p.push({ path, message: 'must be a slug of lowercase letters, digits and hyphens (1–128 characters)' });
  }
}

function checkDate(p: Problems, path: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') return void p.push({ path, message: 'must be a date string' });
  const parsed = parsePartialDate(v);
  if ('error' in parsed) p.push({ path, message: parsed.error });
}

function checkStringList(p: Problems, path: string, v: unknown, max: number): void {
  if (!Array.isArray(v)) return void p.push({ path, message: 'must be a list of strings' });
  if (v.length > max) p.push({ path, message: `has more than ${max} entries` });
  v.forEach((s, i) => checkString(p, `${path}[${i}]`, s, { required: true, max: MAX_NAME_LENGTH }));
}

function fail(what: string, problems: Problems): never {
  throw new ValidationError(`Invalid ${what}`, problems);
}

/** Drops undefined/null optional fields and trims nothing else: the stored record is exactly what was validated. */
function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  // for…in rather than Object.entries: no pair arrays for every record of a million-actor import.
  for (const k in obj) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as T;
}

/** Validates an actor on its own (references such as `country` are checked by stores). */
export function validateActor(input: unknown): Actor {
  const p: Problems = [];
  if (typeof input !== 'object' || input === null) fail('actor', [{ path: '', message: 'must be an object' }]);
  const a = input as Record<string, unknown>;
  checkId(p, 'id', a.id);
  if (!ACTOR_KINDS.includes(a.kind as ActorKind)) p.push({ path: 'kind', message: `must be one of ${ACTOR_KINDS.join(', ')}` });
  checkString(p, 'name', a.name, { required: true, max: MAX_NAME_LENGTH });
  checkString(p, 'summary', a.summary, { max: MAX_TEXT_LENGTH });
  if (a.category !== undefined && a.category !== null) {
    if (a.kind !== 'INSTITUTION') p.push({ path: 'category', message: 'is only for institutions' });
    else if (!INSTITUTION_CATEGORIES.includes(a.category as InstitutionCategory))
      p.push({ path: 'category', message: `must be one of ${INSTITUTION_CATEGORIES.join(', ')}` });
  }
  if (a.country !== undefined && a.country !== null) checkId(p, 'country', a.country);
  checkStringList(p, 'aliases', a.aliases ?? [], MAX_ALIASES);
  checkStringList(p, 'tags', a.tags ?? [], MAX_ALIASES);
  if (p.length) fail('actor', p);
  return compact({
    id: a.id as string,
    kind: a.kind as ActorKind,
    name: (a.name as string).trim(),
    category: a.category as string | undefined,
    aliases: [...new Set(((a.aliases as string[]) ?? []).map((s) => s.trim()))],
    summary: a.summary as string | undefined,
    country: a.country as string | undefined,
    tags: [...new Set(((a.tags as string[]) ?? []).map((s) => s.trim()))],
  });
}

export const MAX_AUTHORS = 50;

/**
 * Validates a source. An older record's single `author` is accepted as
 * `authors: [author]` (giving both is refused: which one is meant?).
 */
export function validateSource(input: unknown): Source {
  const p: Problems = [];
  if (typeof input !== 'object' || input === null) fail('source', [{ path: '', message: 'must be an object' }]);
  const s = input as Record<string, unknown>;
  checkId(p, 'id', s.id);
  checkString(p, 'title', s.title, { required: true, max: 500 });
  checkString(p, 'publisher', s.publisher, { max: MAX_NAME_LENGTH });
  const hasAuthor = s.author !== undefined && s.author !== null;
  const hasAuthors = s.authors !== undefined && s.authors !== null;
  if (hasAuthor && hasAuthors) p.push({ path: 'author', message: 'is the older form of authors; give one of them' });
  checkString(p, 'author', s.author, { max: 500 });
  if (hasAuthors) checkStringList(p, 'authors', s.authors, MAX_AUTHORS);
  checkDate(p, 'published', s.published);
  checkDate(p, 'updated', s.updated);
  if (isPartialDate(s.published) && isPartialDate(s.updated) && latestDay(s.updated) < earliestDay(s.published))
    p.push({ path: 'updated', message: `(${s.updated}) is before published (${s.published})` });
  checkString(p, 'url', s.url, { max: 2000 });
  if (typeof s.url === 'string' && !/^https?:\/\/\S+$/.test(s.url)) p.push({ path: 'url', message: 'must be an http(s) URL' });
  if (s.textKind !== undefined && s.textKind !== null && !SOURCE_TEXT_KINDS.includes(s.textKind as SourceTextKind))
    p.push({ path: 'textKind', message: `must be one of ${SOURCE_TEXT_KINDS.join(', ')}` });
  checkString(p, 'textNote', s.textNote, { max: MAX_TEXT_LENGTH });
  if (p.length) fail('source', p);
  const authors = hasAuthors
    ? [...new Set((s.authors as string[]).map((a) => a.trim()))]
    : typeof s.author === 'string' && s.author.trim() !== ''
      ? [s.author.trim()]
      : undefined;
  return compact({
    id: s.id as string,
    title: s.title as string,
    publisher: s.publisher as string | undefined,
    authors: authors && authors.length ? authors : undefined,
    published: s.published as string | undefined,
    updated: s.updated as string | undefined,
    url: s.url as string | undefined,
    textKind: s.textKind as SourceTextKind | undefined,
    textNote: s.textNote as string | undefined,
  });
}

/** The earliest publication date among the sources a relationship cites: when it was reported, never when it began. */
export function reportedDate(sources: readonly (Pick<Source, 'published'> | null | undefined)[]): PartialDate | undefined {
  let best: PartialDate | undefined;
  for (const s of sources) if (s?.published && (best === undefined || comparePartialDates(s.published, best) < 0)) best = s.published;
  return best;
}

/**
 * Validates a relationship on its own: shape, type, dates (end not before
 * start), amount/currency, and at least one citation with a non-empty excerpt
 * of at most MAX_EXCERPT_LENGTH characters. Whether its actors and sources
 * exist, and whether their kinds fit the type, needs the graph: see
 * `checkRelationshipEndpoints`.
 */
export function validateRelationship(input: unknown): Relationship {
  const p: Problems = [];
  if (typeof input !== 'object' || input === null) fail('relationship', [{ path: '', message: 'must be an object' }]);
  const r = input as Record<string, unknown>;
  checkId(p, 'id', r.id);
  if (!RELATIONSHIP_TYPES.includes(r.type as RelationshipType))
    p.push({ path: 'type', message: `must be one of ${RELATIONSHIP_TYPES.join(', ')}` });
  checkId(p, 'source', r.source);
  checkId(p, 'target', r.target);
  if (r.source === r.target && typeof r.source === 'string') p.push({ path: 'target', message: 'must differ from source' });
  checkString(p, 'role', r.role, { max: MAX_NAME_LENGTH });
  checkDate(p, 'start', r.start);
  checkDate(p, 'end', r.end);
  if (isPartialDate(r.start) && isPartialDate(r.end) && latestDay(r.end) < earliestDay(r.start))
    p.push({ path: 'end', message: `(${r.end}) is before start (${r.start})` });
  if (r.amount !== undefined && r.amount !== null) {
    if (typeof r.amount !== 'number' || !Number.isFinite(r.amount) || r.amount < 0)
      p.push({ path: 'amount', message: 'must be a non-negative number' });
    if (typeof r.currency !== 'string' || !/^[A-Z]{3}$/.test(r.currency))
      p.push({ path: 'currency', message: 'must be a three-letter ISO 4217 code when an amount is given' });
  } else if (r.currency !== undefined && r.currency !== null) {
    p.push({ path: 'currency', message: 'is only allowed with an amount' });
  }
  if (!Array.isArray(r.citations) || r.citations.length === 0) {
    p.push({ path: 'citations', message: 'must contain at least one citation' });
  } else {
    r.citations.forEach((c: unknown, i: number) => {
      const path = `citations[${i}]`;
      if (typeof c !== 'object' || c === null) return void p.push({ path, message: 'must be an object' });
      const cc = c as Record<string, unknown>;
      checkId(p, `${path}.sourceId`, cc.sourceId);
      checkString(p, `${path}.excerpt`, cc.excerpt, { required: true, max: MAX_EXCERPT_LENGTH });
    });
  }
  if (p.length) fail('relationship', p);
  return compact({
    id: r.id as string,
    type: r.type as RelationshipType,
    source: r.source as string,
    target: r.target as string,
    role: r.role as string | undefined,
    start: r.start as string | undefined,
    end: r.end as string | undefined,
    amount: r.amount as number | undefined,
    currency: r.currency as string | undefined,
    citations: (r.citations as Citation[]).map((c) => ({ sourceId: c.sourceId, excerpt: c.excerpt })),
  });
}

/**
 * Checks a validated relationship against the graph: both actors exist, their
 * kinds fit the type's rules, and every cited source exists. Stores call this
 * before any write; `lookupActor`/`hasSource` read the state the write would see
 * (including earlier records of the same import).
 */
export function checkRelationshipEndpoints(
  rel: Relationship,
  lookupActor: (id: string) => Pick<Actor, 'kind'> | undefined,
  hasSource: (id: string) => boolean,
): FieldProblem[] {
  const p: Problems = [];
  const info = RELATIONSHIP_TYPE_INFO[rel.type];
  const s = lookupActor(rel.source);
  const t = lookupActor(rel.target);
  if (!s) p.push({ path: 'source', message: `names no actor ("${rel.source}")` });
  if (!t) p.push({ path: 'target', message: `names no actor ("${rel.target}")` });
  if (s && t) {
    const fits = (a: ActorKind, b: ActorKind) => info.sourceKinds.includes(a) && info.targetKinds.includes(b);
    const ok = fits(s.kind, t.kind) || (info.symmetric && fits(t.kind, s.kind));
    if (!ok) p.push({ path: 'type', message: `${rel.type} goes ${info.direction}; got ${s.kind} → ${t.kind}` });
    if (info.sameKind && s.kind !== t.kind) p.push({ path: 'type', message: `${rel.type} links actors of the same kind; got ${s.kind} → ${t.kind}` });
  }
  rel.citations.forEach((c, i) => {
    if (!hasSource(c.sourceId)) p.push({ path: `citations[${i}].sourceId`, message: `names no source ("${c.sourceId}")` });
  });
  return p;
}

/** Canonical order for symmetric types, so an alliance is stored once whichever way it was entered. */
export function canonicalEnds(rel: Relationship): Relationship {
  if (isSymmetric(rel.type) && rel.source > rel.target) return { ...rel, source: rel.target, target: rel.source };
  return rel;
}
