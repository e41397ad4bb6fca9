/** Every exchange format, by name. Import and export pick from this one list. */
import { csvFormat } from './csv';
import { ftmFormat } from './ftm';
import { gexfFormat } from './gexf';
import { graphmlFormat } from './graphml';
import { jsonFormat } from './json';
import type { GraphFormat } from './types';

export const FORMATS: readonly GraphFormat[] = [jsonFormat, csvFormat, graphmlFormat, gexfFormat, ftmFormat];

export function formatByName(name: string): GraphFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** Guesses the format from a file name: `.graphml`, `.gexf`, `.ftm.jsonl`/`.ftm.json`, `.csv`, `.json`. */
export function formatForFile(file: string): GraphFormat | undefined {
  const f = file.toLowerCase();
  if (f.endsWith('.graphml')) return graphmlFormat;
  if (f.endsWith('.gexf')) return gexfFormat;
  if (/\.ftm\.jsonl?$/.test(f)) return ftmFormat;
  if (f.endsWith('.csv')) return csvFormat;
  if (f.endsWith('.json')) return jsonFormat;
  return undefined;
}

export type { GraphFormat, FileSet, ParsedGraph } from './types';
