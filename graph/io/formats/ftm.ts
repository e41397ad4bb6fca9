/**
 * FollowTheMoney entities as JSON lines, for Aleph and OpenSanctions tooling.
 *
 * Actors: PERSON → Person; INSTITUTION → Company (companies, banks, state
 * funds), PublicBody (government, parliament, courts, prosecutors, security
 * services, military, regions) or Organization (everything else); STATE →
 * PublicBody with topic `gov.national` (FtM has no schema for a sovereign state
 * that can also be a party to a link; Territory cannot).
 * Relationships: MEMBER_OF → Membership, HOLDS_POSITION → Directorship,
 * FAMILY_OF → Family, INVESTED_IN → Ownership when the recipient is a Company,
 * everything else → UnknownLink. Sources → Document; each citation →
 * Documentation (document, entity, summary = the verbatim excerpt).
 * What FtM has no property for (Steppe kind, category, relationship type, tags,
 * amounts outside Ownership) is kept in `keywords` as `steppe:<field>=<value>`,
 * so an export imports back unchanged.
 */
import { ValidationError, type FieldProblem } from '../../core/errors';
import type { Actor, GraphData, Relationship, RelationshipType, Source } from '../../core/model';
import { parseJsonLines } from '../dataset';
import { emptyOrigins, type FileSet, type GraphFormat, type ParsedGraph } from './types';

const FILE = 'steppe.ftm.jsonl';
type Props = Record<string, string[]>;
interface Entity {
  id: string;
  schema: string;
  properties: Props;
}

const COMPANY_CATEGORIES = new Set(['company', 'bank', 'state fund']);
const PUBLIC_BODY_CATEGORIES = new Set(['government body', 'head of state office', 'parliament', 'court', 'prosecutor', 'security service', 'military', 'region']);

const actorEntityId = (id: string) => `steppe-actor-${id}`;
const relEntityId = (id: string) => `steppe-rel-${id}`;
const sourceEntityId = (id: string) => `steppe-source-${id}`;
const strip = (prefix: string, id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);

function actorSchema(a: Actor): string {
  if (a.kind === 'PERSON') return 'Person';
  if (a.kind === 'STATE') return 'PublicBody';
  if (a.category && COMPANY_CATEGORIES.has(a.category)) return 'Company';
  if (a.category && PUBLIC_BODY_CATEGORIES.has(a.category)) return 'PublicBody';
  return 'Organization';
}

const RELATIONSHIP_SCHEMA: Partial<Record<RelationshipType, { schema: string; from: string; to: string; role: string }>> = {
  MEMBER_OF: { schema: 'Membership', from: 'member', to: 'organization', role: 'role' },
  HOLDS_POSITION: { schema: 'Directorship', from: 'director', to: 'organization', role: 'role' },
  FAMILY_OF: { schema: 'Family', from: 'person', to: 'relative', role: 'relationship' },
};
const OWNERSHIP = { schema: 'Ownership', from: 'owner', to: 'asset', role: 'role' };
const UNKNOWN_LINK = { schema: 'UnknownLink', from: 'subject', to: 'object', role: 'role' };

function props(entries: [string, string | string[] | undefined][]): Props {
  const out: Props = {};
  for (const [k, v] of entries) {
    const list = (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).filter((x) => x !== '');
    if (list.length) out[k] = list;
  }
  return out;
}

function write(data: GraphData): FileSet {
  const entities: Entity[] = [];
  const schemaOf = new Map<string, string>();
  for (const s of data.sources)
    entities.push({
      id: sourceEntityId(s.id),
      schema: 'Document',
      properties: props([['title', s.title], ['publisher', s.publisher], ['author', s.author], ['publishedAt', s.published], ['sourceUrl', s.url]]),
    });
  for (const a of data.actors) {
    const schema = actorSchema(a);
    schemaOf.set(a.id, schema);
    entities.push({
      id: actorEntityId(a.id),
      schema,
      properties: props([
        ['name', a.name],
        ['alias', a.aliases],
        ['summary', a.summary],
        ['topics', a.kind === 'STATE' ? 'gov.national' : undefined],
        ['keywords', [`steppe:kind=${a.kind}`, ...(a.category ? [`steppe:category=${a.category}`] : []), ...(a.country ? [`steppe:country=${a.country}`] : []), ...a.tags.map((t) => `steppe:tag=${t}`)]],
      ]),
    });
  }
  for (const r of data.relationships) {
    const map = RELATIONSHIP_SCHEMA[r.type] ?? (r.type === 'INVESTED_IN' && schemaOf.get(r.target) === 'Company' ? OWNERSHIP : UNKNOWN_LINK);
    const amountInProps = map === OWNERSHIP && r.amount !== undefined;
    entities.push({
      id: relEntityId(r.id),
      schema: map.schema,
      properties: props([
        [map.from, actorEntityId(r.source)],
        [map.to, actorEntityId(r.target)],
        [map.role, r.role],
        ['startDate', r.start],
        ['endDate', r.end],
        ['sharesValue', amountInProps ? String(r.amount) : undefined],
        ['sharesCurrency', amountInProps ? r.currency : undefined],
        ['keywords', [`steppe:type=${r.type}`, ...(!amountInProps && r.amount !== undefined ? [`steppe:amount=${r.amount}`, `steppe:currency=${r.currency}`] : [])]],
      ]),
    });
    r.citations.forEach((c, i) =>
      entities.push({
        id: `steppe-cite-${r.id}-${i}`,
        schema: 'Documentation',
        properties: { document: [sourceEntityId(c.sourceId)], entity: [relEntityId(r.id)], summary: [c.excerpt] },
      }),
    );
  }
  return new Map([[FILE, entities.map((e) => JSON.stringify(e)).join('\n') + '\n']]);
}

function keyword(p: Props, field: string): string[] {
  return (p.keywords ?? []).filter((k) => k.startsWith(`steppe:${field}=`)).map((k) => k.slice(`steppe:${field}=`.length));
}

const first = (p: Props, k: string) => p[k]?.[0];

function read(files: FileSet): ParsedGraph {
  const [name, text] = [...files][0] ?? [FILE, ''];
  const { records, problems } = parseJsonLines(text, name);
  const origins = emptyOrigins();
  const sources: Source[] = [];
  const actors: Actor[] = [];
  const relationships: Relationship[] = [];
  const relById = new Map<string, Relationship>();
  const citations: { line: number; props: Props }[] = [];
  const all: FieldProblem[] = [...problems];
  for (const { line, value } of records) {
    const e = value as Partial<Entity>;
    const where = `${name}:${line}`;
    if (typeof e.id !== 'string' || typeof e.schema !== 'string' || typeof e.properties !== 'object' || e.properties === null) {
      all.push({ path: where, message: 'is not an FtM entity ({id, schema, properties})' });
      continue;
    }
    const p = e.properties as Props;
    if (e.schema === 'Document') {
      origins.sources.push(where);
      sources.push({ id: strip('steppe-source-', e.id), title: first(p, 'title') ?? '', publisher: first(p, 'publisher'), author: first(p, 'author'), published: first(p, 'publishedAt'), url: first(p, 'sourceUrl') } as Source);
    } else if (e.schema === 'Documentation') {
      citations.push({ line, props: p });
    } else if (['Person', 'Organization', 'Company', 'PublicBody', 'LegalEntity'].includes(e.schema)) {
      origins.actors.push(where);
      const kind = keyword(p, 'kind')[0] ?? (e.schema === 'Person' ? 'PERSON' : (p.topics ?? []).includes('gov.national') ? 'STATE' : 'INSTITUTION');
      actors.push({
        id: strip('steppe-actor-', e.id),
        kind,
        name: first(p, 'name') ?? '',
        category: keyword(p, 'category')[0] ?? (kind === 'INSTITUTION' ? 'other' : undefined),
        aliases: p.alias ?? [],
        summary: first(p, 'summary'),
        country: keyword(p, 'country')[0],
        tags: keyword(p, 'tag'),
      } as Actor);
    } else {
      const map = [...Object.values(RELATIONSHIP_SCHEMA), OWNERSHIP, UNKNOWN_LINK].find((m) => m.schema === e.schema);
      if (!map) {
        all.push({ path: `${where} schema`, message: `"${e.schema}" is not a schema Steppe imports` });
        continue;
      }
      const type = keyword(p, 'type')[0] ?? Object.entries(RELATIONSHIP_SCHEMA).find(([, m]) => m === map)?.[0] ?? (map === OWNERSHIP ? 'INVESTED_IN' : undefined);
      if (!type) {
        all.push({ path: `${where} keywords`, message: 'an UnknownLink needs a steppe:type=<TYPE> keyword' });
        continue;
      }
      const amount = first(p, 'sharesValue') ?? keyword(p, 'amount')[0];
      const rel = {
        id: strip('steppe-rel-', e.id),
        type,
        source: strip('steppe-actor-', first(p, map.from) ?? ''),
        target: strip('steppe-actor-', first(p, map.to) ?? ''),
        role: first(p, map.role),
        start: first(p, 'startDate'),
        end: first(p, 'endDate'),
        amount: amount === undefined ? undefined : Number(amount),
        currency: first(p, 'sharesCurrency') ?? keyword(p, 'currency')[0],
        citations: [],
      } as unknown as Relationship;
      origins.relationships.push(where);
      relationships.push(rel);
      relById.set(e.id, rel);
    }
  }
  for (const c of citations) {
    const rel = relById.get(first(c.props, 'entity') ?? '');
    if (!rel) {
      all.push({ path: `${name}:${c.line} entity`, message: 'names no link entity in this file' });
      continue;
    }
    rel.citations.push({ sourceId: strip('steppe-source-', first(c.props, 'document') ?? ''), excerpt: first(c.props, 'summary') ?? '' });
  }
  if (all.length) throw new ValidationError(`${name} is malformed`, all);
  return { sources, actors, relationships, origins };
}

export const ftmFormat: GraphFormat = {
  name: 'ftm',
  description: 'FollowTheMoney entities (JSON lines) for Aleph and OpenSanctions tooling',
  files: [FILE],
  write,
  read,
};
