/**
 * Per-citation provenance for the formats that flatten citations (CSV rows,
 * GraphML/GEXF edge attributes, FtM Documentation): the cited source's
 * original address and, when its wording is not the publisher's, the warning
 * a reader must see next to the quote. Written for readers; importers ignore
 * it, since the source records carry the same facts.
 */
import { wordingWarning, type Citation, type GraphData, type Relationship, type Source } from '../../core/model';

export type SourceLookup = ReadonlyMap<string, Source>;

export function sourceLookup(data: Pick<GraphData, 'sources'>): SourceLookup {
  return new Map(data.sources.map((s) => [s.id, s]));
}

/** The original address of a citation's source, or '' when none is recorded. */
export function citationUrl(sources: SourceLookup, c: Citation): string {
  return sources.get(c.sourceId)?.url ?? '';
}

/** The wording warning a citation must carry, or '' when its source's wording is the publisher's (or not recorded). */
export function citationWarning(sources: SourceLookup, c: Citation): string {
  const s = sources.get(c.sourceId);
  return (s && wordingWarning(s)) ?? '';
}

/** A relationship's citations with their provenance, for formats that carry citations as one JSON attribute. */
export function citationsWithProvenance(sources: SourceLookup, r: Relationship): (Citation & { url?: string; warning?: string })[] {
  return r.citations.map((c) => {
    const url = citationUrl(sources, c);
    const warning = citationWarning(sources, c);
    return { ...c, ...(url ? { url } : {}), ...(warning ? { warning } : {}) };
  });
}
