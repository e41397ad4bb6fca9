/**
 * GEXF 1.3 for Gephi: actors as nodes (label = name), relationships as
 * directed edges (label = type), every field a declared attribute so Gephi can
 * filter, colour and partition by kind, type and date. Partial dates stay as
 * strings; citations and sources travel as JSON attributes.
 */
import { ValidationError } from '../../core/errors';
import type { Actor, Citation, GraphData, Relationship, Source } from '../../core/model';
import { LIST_SEPARATOR, blankToUndefined, emptyOrigins, splitList, type FileSet, type GraphFormat, type ParsedGraph } from './types';
import { asArray, escapeXml, parseXml, type XmlElement } from './xml';

const FILE = 'steppe.gexf';
const NODE_ATTRS = ['kind', 'category', 'aliases', 'summary', 'country', 'tags'] as const;
const EDGE_ATTRS = ['type', 'role', 'start', 'end', 'amount', 'currency', 'citations'] as const;

function attvalues(values: [string, string | undefined][]): string {
  const present = values.filter(([, v]) => v !== undefined && v !== '');
  if (!present.length) return '';
  return `        <attvalues>\n${present.map(([k, v]) => `          <attvalue for="${k}" value="${escapeXml(v!)}"/>\n`).join('')}        </attvalues>\n`;
}

function write(data: GraphData): FileSet {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push('<gexf xmlns="http://gexf.net/1.3" version="1.3">\n');
  out.push(`  <meta>\n    <creator>Steppe</creator>\n    <description>${escapeXml(JSON.stringify({ sources: data.sources }))}</description>\n  </meta>\n`);
  out.push('  <graph defaultedgetype="directed" mode="static">\n');
  out.push('    <attributes class="node">\n');
  for (const a of NODE_ATTRS) out.push(`      <attribute id="${a}" title="${a}" type="string"/>\n`);
  out.push('    </attributes>\n    <attributes class="edge">\n');
  for (const a of EDGE_ATTRS) out.push(`      <attribute id="${a}" title="${a}" type="${a === 'amount' ? 'double' : 'string'}"/>\n`);
  out.push('    </attributes>\n    <nodes>\n');
  for (const a of data.actors) {
    out.push(`      <node id="${escapeXml(a.id)}" label="${escapeXml(a.name)}">\n`);
    out.push(
      attvalues([
        ['kind', a.kind],
        ['category', a.category],
        ['aliases', a.aliases.join(LIST_SEPARATOR)],
        ['summary', a.summary],
        ['country', a.country],
        ['tags', a.tags.join(LIST_SEPARATOR)],
      ]),
    );
    out.push('      </node>\n');
  }
  out.push('    </nodes>\n    <edges>\n');
  for (const r of data.relationships) {
    out.push(`      <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}" label="${r.type}">\n`);
    out.push(
      attvalues([
        ['type', r.type],
        ['role', r.role],
        ['start', r.start],
        ['end', r.end],
        ['amount', r.amount === undefined ? undefined : String(r.amount)],
        ['currency', r.currency],
        ['citations', JSON.stringify(r.citations)],
      ]),
    );
    out.push('      </edge>\n');
  }
  out.push('    </edges>\n  </graph>\n</gexf>\n');
  return new Map([[FILE, out.join('')]]);
}

function values(el: XmlElement): Map<string, string> {
  const av = (el.attvalues as XmlElement | undefined)?.attvalue as XmlElement[] | undefined;
  return new Map(asArray(av).map((v) => [String(v['@_for']), String(v['@_value'] ?? '')]));
}


function read(files: FileSet): ParsedGraph {
  const [name, text] = [...files][0] ?? [FILE, ''];
  const doc = parseXml(text, name);
  const gexf = doc.gexf as XmlElement | undefined;
  const graph = gexf?.graph as XmlElement | undefined;
  if (!gexf || !graph) throw new ValidationError(`${name} is not GEXF`, [{ path: name, message: 'has no <gexf><graph>' }]);
  const problems: { path: string; message: string }[] = [];
  const origins = emptyOrigins();
  let sources: Source[] = [];
  const description = (gexf.meta as XmlElement | undefined)?.description;
  if (typeof description === 'string' && description.trim().startsWith('{')) {
    try {
      sources = (JSON.parse(description) as { sources?: Source[] }).sources ?? [];
    } catch {
      problems.push({ path: `${name} meta description`, message: 'is not valid JSON' });
    }
  }
  sources.forEach((_, i) => origins.sources.push(`${name} sources[${i}]`));
  const nodes = asArray(((graph.nodes as XmlElement | undefined)?.node as XmlElement[] | undefined) ?? []);
  const actors: Actor[] = nodes.map((n) => {
    const v = values(n);
    origins.actors.push(`${name} node "${n['@_id']}"`);
    return {
      id: String(n['@_id']),
      kind: v.get('kind'),
      name: String(n['@_label'] ?? ''),
      category: blankToUndefined(v.get('category')),
      aliases: splitList(v.get('aliases')),
      summary: blankToUndefined(v.get('summary')),
      country: blankToUndefined(v.get('country')),
      tags: splitList(v.get('tags')),
    } as Actor;
  });
  const edges = asArray(((graph.edges as XmlElement | undefined)?.edge as XmlElement[] | undefined) ?? []);
  const relationships: Relationship[] = edges.map((e, i) => {
    const v = values(e);
    const where = `${name} edge "${e['@_id'] ?? i}"`;
    origins.relationships.push(where);
    let citations: Citation[] = [];
    try {
      citations = JSON.parse(v.get('citations') ?? '[]') as Citation[];
    } catch {
      problems.push({ path: `${where} citations`, message: 'is not valid JSON' });
    }
    const amount = blankToUndefined(v.get('amount'));
    return {
      id: String(e['@_id'] ?? ''),
      type: v.get('type') ?? e['@_label'],
      source: String(e['@_source']),
      target: String(e['@_target']),
      role: blankToUndefined(v.get('role')),
      start: blankToUndefined(v.get('start')),
      end: blankToUndefined(v.get('end')),
      amount: amount === undefined ? undefined : Number(amount),
      currency: blankToUndefined(v.get('currency')),
      citations,
    } as Relationship;
  });
  if (problems.length) throw new ValidationError(`${name} is malformed`, problems);
  return { sources, actors, relationships, origins };
}

export const gexfFormat: GraphFormat = {
  name: 'gexf',
  description: 'GEXF 1.3 (Gephi): nodes labelled by name, edges by type, kinds/types/dates as attributes',
  files: [FILE],
  write,
  read,
};
