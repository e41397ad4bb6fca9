/**
 * Re-checks citations against a source's stored text: after the text is
 * edited, every excerpt that no longer occurs in it verbatim is reported so
 * the relationship can be flagged for review.
 */
import type { Relationship } from './model';

export interface StaleCitation {
  relationshipId: string;
  citationIndex: number;
  excerpt: string;
  /**
   * `spacing`: the words are still there but spaces, line breaks or Unicode
   * composition differ (the excerpt can be re-copied as is); `missing`: the
   * words themselves are gone or changed.
   */
  reason: 'spacing' | 'missing';
}

export interface CitationReport {
  sourceId: string;
  /** Citations of this source that were checked. */
  checked: number;
  stale: StaleCitation[];
}

/** Where an excerpt occurs verbatim in the text (first occurrence), or null. */
export function locateExcerpt(text: string, excerpt: string): { start: number; end: number } | null {
  if (!excerpt) return null;
  const start = text.indexOf(excerpt);
  return start < 0 ? null : { start, end: start + excerpt.length };
}

const loose = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Every citation of `sourceId` among `relationships` whose excerpt is not a verbatim substring of `text`. */
export function verifyCitations(sourceId: string, text: string, relationships: readonly Relationship[]): CitationReport {
  const report: CitationReport = { sourceId, checked: 0, stale: [] };
  const looseText = loose(text);
  for (const rel of relationships) {
    rel.citations.forEach((c, citationIndex) => {
      if (c.sourceId !== sourceId) return;
      report.checked++;
      if (locateExcerpt(text, c.excerpt)) return;
      const reason = loose(c.excerpt) && looseText.includes(loose(c.excerpt)) ? 'spacing' : 'missing';
      report.stale.push({ relationshipId: rel.id, citationIndex, excerpt: c.excerpt, reason });
    });
  }
  return report;
}
