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
 * Documentation (document, entity, summary = the verbatim excerpt; `role`
 * carries the warning when the source's wording is not the publisher's, and
 * `sourceUrl` the source's original address).
 * Sources: title, publisher, author (one value per author), publishedAt,
 * modifiedAt (updated), sourceUrl, description (text note); the text kind is a
 * `steppe:textKind=` keyword.
 * What FtM has no property for (Steppe kind, category, relationship type, tags,
 * amounts outside Ownership) is kept in `keywords` as `steppe:<field>=<value>`,
 * so an export imports back unchanged.
 */
import { ValidationError, type FieldProblem } from '../../core/errors';
import type { Actor, GraphData, Relationship, RelationshipType, Source } from '../../core/model';
import path from 'node:path';
import { readLines, type LineProgress } from '../line-stream';
import { writeTextFile } from '../text-file';
import { citationUrl, citationWarning, sourceLookup } from './provenance';
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

/** The entities of a graph, one at a time (a million-actor graph is too big for one string; see `writeFtmFile`). */
export function* ftmEntities(data: GraphData): Generator<Entity> {
  const schemaOf = new Map<string, string>();
  for (const s of data.sources)
    yield {
      id: sourceEntityId(s.id),
      schema: 'Document',
      properties: props([
        ['title', s.title],
        ['publisher', s.publisher],
        ['author', s.authors],
        ['publishedAt', s.published],
        ['modifiedAt', s.updated],
        ['sourceUrl', s.url],
        ['description', s.textNote],
        ['keywords', s.textKind ? [`steppe:textKind=${s.textKind}`] : undefined],
      ]),
    };
  const sources = sourceLookup(data);
  for (const a of data.actors) {
    const schema = actorSchema(a);
    schemaOf.set(a.id, schema);
    yield {
      id: actorEntityId(a.id),
      schema,
      properties: props([
        ['name', a.name],
        ['alias', a.aliases],
        ['summary', a.summary],
        ['topics', a.kind === 'STATE' ? 'gov.national' : undefined],
        ['keywords', [`steppe:kind=${a.kind}`, ...(a.category ? [`steppe:category=${a.category}`] : []), ...(a.country ? [`steppe:country=${a.country}`] : []), ...a.tags.map((t) => `steppe:tag=${t}`)]],
      ]),
    };
  }
  for (const r of data.relationships) {
    const map = RELATIONSHIP_SCHEMA[r.type] ?? (r.type === 'INVESTED_IN' && schemaOf.get(r.target) === 'Company' ? OWNERSHIP : UNKNOWN_LINK);
    const amountInProps = map === OWNERSHIP && r.amount !== undefined;
    yield {
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
    };
    for (const [i, c] of r.citations.entries())
      yield {
        id: `steppe-cite-${r.id}-${i}`,
        schema: 'Documentation',
        properties: props([
          ['document', sourceEntityId(c.sourceId)],
          ['entity', relEntityId(r.id)],
          ['summary', c.excerpt],
          ['role', citationWarning(sources, c)],
          ['sourceUrl', citationUrl(sources, c)],
        ]),
      };
  }
}

function write(data: GraphData): FileSet {
  return new Map([[FILE, [...ftmLines(data)].join('')]]);
}

/** `write` straight to a file, a few megabytes at a time. Returns the number of entities. */
export function writeFtmFile(data: GraphData, file: string): Promise<number> {
  return writeTextFile(file, ftmLines(data));
}

function* ftmLines(data: GraphData): Generator<string> {
  for (const e of ftmEntities(data)) yield JSON.stringify(e) + '\n';
}

function keyword(p: Props, field: string): string[] {
  return (p.keywords ?? []).filter((k) => k.startsWith(`steppe:${field}=`)).map((k) => k.slice(`steppe:${field}=`.length));
}

const first = (p: Props, k: string) => p[k]?.[0];

/**
 * Turns FtM entities into Steppe records one line at a time, so a file can be
 * streamed (`readFtmFile`) as well as read whole (`read`). Documentation
 * entities may come before or after the link they document, so citations are
 * attached at the end.
 */
export class FtmReader {
  private readonly sources: Source[] = [];
  private readonly actors: Actor[] = [];
  private readonly relationships: Relationship[] = [];
  private readonly relById = new Map<string, Relationship>();
  private readonly citations: { line: number; props: Props }[] = [];
  private readonly problems: FieldProblem[] = [];
  /** Line numbers, index for index with the records; turned into `file:line` strings only when needed. */
  private readonly lines = { sources: [] as number[], actors: [] as number[], relationships: [] as number[] };

  constructor(private readonly name: string) {}

  /** One line of the file: blank lines are skipped, anything else must be one JSON object. */
  addLine(line: number, raw: string): void {
    const text = raw.trim();
    if (!text) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.problems.push({ path: `${this.name}:${line}`, message: `is not valid JSON (${(e as Error).message})` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.problems.push({ path: `${this.name}:${line}`, message: 'is not a JSON object' });
    else this.addEntity(line, value as Partial<Entity>);
  }

  /** Records read so far (actors, relationships and sources). */
  get recordCount(): number {
    return this.sources.length + this.actors.length + this.relationships.length;
  }

  addEntity(line: number, e: Partial<Entity>): void {
    const where = `${this.name}:${line}`;
    if (typeof e.id !== 'string' || typeof e.schema !== 'string' || typeof e.properties !== 'object' || e.properties === null) {
      this.problems.push({ path: where, message: 'is not an FtM entity ({id, schema, properties})' });
      return;
    }
    const p = e.properties as Props;
    if (e.schema === 'Document') {
      this.lines.sources.push(line);
      this.sources.push({
        id: strip('steppe-source-', e.id),
        title: first(p, 'title') ?? '',
        publisher: first(p, 'publisher'),
        authors: p.author?.length ? p.author : undefined,
        published: first(p, 'publishedAt'),
        updated: first(p, 'modifiedAt'),
        url: first(p, 'sourceUrl'),
        textKind: keyword(p, 'textKind')[0],
        textNote: first(p, 'description'),
      } as Source);
    } else if (e.schema === 'Documentation') {
      this.citations.push({ line, props: p });
    } else if (ACTOR_SCHEMAS.has(e.schema)) {
      this.lines.actors.push(line);
      const kind = keyword(p, 'kind')[0] ?? (e.schema === 'Person' ? 'PERSON' : (p.topics ?? []).includes('gov.national') ? 'STATE' : 'INSTITUTION');
      this.actors.push({
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
      const map = LINK_SCHEMAS.find((m) => m.schema === e.schema);
      if (!map) {
        this.problems.push({ path: `${where} schema`, message: `"${e.schema}" is not a schema Steppe imports` });
        return;
      }
      const type = keyword(p, 'type')[0] ?? Object.entries(RELATIONSHIP_SCHEMA).find(([, m]) => m === map)?.[0] ?? (map === OWNERSHIP ? 'INVESTED_IN' : undefined);
      if (!type) {
        this.problems.push({ path: `${where} keywords`, message: 'an UnknownLink needs a steppe:type=<TYPE> keyword' });
        return;
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
      this.lines.relationships.push(line);
      this.relationships.push(rel);
      this.relById.set(e.id, rel);
    }
  }

  /** The records read; throws ValidationError naming every malformed line. */
  finish(): ParsedGraph {
    for (const c of this.citations) {
      const rel = this.relById.get(first(c.props, 'entity') ?? '');
      if (!rel) {
        this.problems.push({ path: `${this.name}:${c.line} entity`, message: 'names no link entity in this file' });
        continue;
      }
      rel.citations.push({ sourceId: strip('steppe-source-', first(c.props, 'document') ?? ''), excerpt: first(c.props, 'summary') ?? '' });
    }
    this.citations.length = 0;
    this.relById.clear();
    if (this.problems.length) throw new ValidationError(`${this.name} is malformed`, this.problems);
    const { name, lines } = this;
    const at = (list: number[]) => list.map((l) => `${name}:${l}`);
    let origins: ParsedGraph['origins'] | undefined;
    return {
      sources: this.sources,
      actors: this.actors,
      relationships: this.relationships,
      // Built on first use (an import that fails): a million `file:line` strings would cost tens of megabytes.
      get origins() {
        return (origins ??= { ...emptyOrigins(), sources: at(lines.sources), actors: at(lines.actors), relationships: at(lines.relationships) });
      },
    };
  }
}

const ACTOR_SCHEMAS = new Set(['Person', 'Organization', 'Company', 'PublicBody', 'LegalEntity']);
const LINK_SCHEMAS = [...Object.values(RELATIONSHIP_SCHEMA), OWNERSHIP, UNKNOWN_LINK];

function read(files: FileSet): ParsedGraph {
  const [name, text] = [...files][0] ?? [FILE, ''];
  const reader = new FtmReader(name);
  text.split('\n').forEach((raw, i) => reader.addLine(i + 1, raw));
  return reader.finish();
}

/** `read` for a file on disk, streamed line by line (see line-stream.ts). */
async function readFile(file: string, onProgress?: (p: LineProgress & { records: number }) => void): Promise<ParsedGraph> {
  const reader = new FtmReader(path.basename(file));
  for await (const { line, text } of readLines(file, (p) => onProgress?.({ ...p, records: reader.recordCount }))) reader.addLine(line, text);
  return reader.finish();
}

export const ftmFormat: GraphFormat = {
  name: 'ftm',
  description: 'FollowTheMoney entities (JSON lines) for Aleph and OpenSanctions tooling',
  files: [FILE],
  write,
  read,
  readFile,
  async writeDir(data, dir) {
    const file = path.join(dir, FILE);
    await writeFtmFile(data, file);
    return [file];
  },
};
