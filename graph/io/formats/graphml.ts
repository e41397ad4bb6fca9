/**
 * GraphML for yEd, Gephi and NetworkX: actors are nodes, relationships are
 * directed edges; every field is a declared <key> so tools show it as an
 * attribute. Lists are joined with " | "; citations and sources, which have no
 * GraphML counterpart, travel as JSON in an edge key and a graph key.
 */
import { ValidationError } from '../../core/errors';
import type { Actor, Citation, GraphData, Relationship, Source } from '../../core/model';
import { LIST_SEPARATOR, blankToUndefined, emptyOrigins, splitList, type FileSet, type GraphFormat, type ParsedGraph } from './types';
import { asArray, escapeXml, parseXml, textOf, type XmlElement } from './xml';

const FILE = 'steppe.graphml';
const NODE_KEYS = ['name', 'kind', 'category', 'aliases', 'summary', 'country', 'tags'] as const;
const EDGE_KEYS = ['type', 'role', 'start', 'end', 'amount', 'currency', 'citations'] as const;

function dataLine(key: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `      <data key="${key}">${escapeXml(value)}</data>\n`;
}

function write(data: GraphData): FileSet {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
  for (const k of NODE_KEYS) out.push(`  <key id="${k}" for="node" attr.name="${k}" attr.type="string"/>\n`);
  for (const k of EDGE_KEYS) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === 'amount' ? 'double' : 'string'}"/>\n`);
  out.push('  <key id="sources" for="graph" attr.name="sources" attr.type="string"/>\n');
  out.push('  <graph id="steppe" edgedefault="directed">\n');
  out.push(`    <data key="sources">${escapeXml(JSON.stringify(data.sources))}</data>\n`);
  for (const a of data.actors) {
    out.push(`    <node id="${escapeXml(a.id)}">\n`);
    out.push(
      dataLine('name', a.name) +
        dataLine('kind', a.kind) +
        dataLine('category', a.category) +
        dataLine('aliases', a.aliases.join(LIST_SEPARATOR)) +
        dataLine('summary', a.summary) +
        dataLine('country', a.country) +
        dataLine('tags', a.tags.join(LIST_SEPARATOR)),
    );
    out.push('    </node>\n');
  }
  for (const r of data.relationships) {
    out.push(`    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}">\n`);
    out.push(
      dataLine('e_type', r.type) +
        dataLine('e_role', r.role) +
        dataLine('e_start', r.start) +
        dataLine('e_end', r.end) +
        dataLine('e_amount', r.amount === undefined ? undefined : String(r.amount)) +
        dataLine('e_currency', r.currency) +
        dataLine('e_citations', JSON.stringify(r.citations)),
    );
    out.push('    </edge>\n');
  }
  out.push('  </graph>\n</graphml>\n');
  return new Map([[FILE, out.join('')]]);
}

function dataMap(el: XmlElement): Map<string, string> {
  return new Map(asArray(el.data as XmlElement[]).map((d) => [String(d['@_key']), textOf(d)]));
}


function parseJson<T>(text: string | undefined, where: string, fallback: T, problems: { path: string; message: string }[]): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    problems.push({ path: where, message: 'is not valid JSON' });
    return fallback;
  }
}

function read(files: FileSet): ParsedGraph {
  const [name, text] = [...files][0] ?? [FILE, ''];
  const doc = parseXml(text, name);
  const graph = (doc.graphml as XmlElement | undefined)?.graph as XmlElement | undefined;
  if (!graph) throw new ValidationError(`${name} is not GraphML`, [{ path: name, message: 'has no <graphml><graph>' }]);
  // GraphML lets tools rename keys; map key ids back to attribute names.
  const keyName = new Map(asArray((doc.graphml as XmlElement).key as XmlElement[]).map((k) => [String(k['@_id']), String(k['@_attr.name'] ?? k['@_id'])]));
  const named = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [keyName.get(k) ?? k, v]));
  const problems: { path: string; message: string }[] = [];
  const origins = emptyOrigins();
  const sources = parseJson<Source[]>(named(dataMap(graph)).get('sources'), `${name} graph sources`, [], problems);
  sources.forEach((_, i) => origins.sources.push(`${name} sources[${i}]`));
  const actors: Actor[] = asArray(graph.node as XmlElement[]).map((n) => {
    const d = named(dataMap(n));
    origins.actors.push(`${name} node "${n['@_id']}"`);
    return {
      id: String(n['@_id']),
      kind: d.get('kind'),
      name: d.get('name') ?? '',
      category: blankToUndefined(d.get('category')),
      aliases: splitList(d.get('aliases')),
      summary: blankToUndefined(d.get('summary')),
      country: blankToUndefined(d.get('country')),
      tags: splitList(d.get('tags')),
    } as Actor;
  });
  const relationships: Relationship[] = asArray(graph.edge as XmlElement[]).map((e, i) => {
    const d = named(dataMap(e));
    const where = `${name} edge "${e['@_id'] ?? i}"`;
    origins.relationships.push(where);
    const amount = blankToUndefined(d.get('amount'));
    return {
      id: String(e['@_id'] ?? ''),
      type: d.get('type'),
      source: String(e['@_source']),
      target: String(e['@_target']),
      role: blankToUndefined(d.get('role')),
      start: blankToUndefined(d.get('start')),
      end: blankToUndefined(d.get('end')),
      amount: amount === undefined ? undefined : Number(amount),
      currency: blankToUndefined(d.get('currency')),
      citations: parseJson<Citation[]>(d.get('citations'), `${where} citations`, [], problems),
    } as Relationship;
  });
  if (problems.length) throw new ValidationError(`${name} is malformed`, problems);
  return { sources, actors, relationships, origins };
}

export const graphmlFormat: GraphFormat = {
  name: 'graphml',
  description: 'GraphML (yEd, Gephi, NetworkX): actors as nodes, relationships as directed edges with typed attributes',
  files: [FILE],
  write,
  read,
};
