/**
 * A stored relationship's citations as one string. Held as records, one
 * citation costs an array, an object and an excerpt string (about 176 bytes
 * with one citation, 500 000 relationships: 88 MB); packed it costs one
 * string (about 96 bytes). Nothing outside the store sees the packed form:
 * every read unpacks into fresh Citation records (copy.ts), and snapshots
 * and exports write them unpacked, so the formats on disk are unchanged.
 *
 * Layout, per citation in order: length of the source id, the source id,
 * length of the excerpt, the excerpt. A length is written in base 64 as
 * chars below U+0080 (low digits first, each but the last flagged with
 * 0x40), so a packed string of Latin-1 quotes stays one byte per char.
 */
import type { Citation, Relationship } from '../core/model';

export type PackedCitations = string & { readonly packed: unique symbol };

/** A relationship as the store keeps it: the record with its citations packed. */
export type StoredRelationship = Omit<Relationship, 'citations'> & { citations: PackedCitations };

const MORE = 0x40;
const DIGIT = 0x3f;

function pushLength(parts: string[], n: number): void {
  while (n > DIGIT) {
    parts.push(String.fromCharCode(MORE | (n & DIGIT)));
    n = Math.floor(n / 64);
  }
  parts.push(String.fromCharCode(n));
}

export function packCitations(citations: readonly Citation[]): PackedCitations {
  const parts: string[] = [];
  for (const c of citations) {
    pushLength(parts, c.sourceId.length);
    parts.push(c.sourceId);
    pushLength(parts, c.excerpt.length);
    parts.push(c.excerpt);
  }
  // join builds one flat string (concatenation would keep every part alive inside a rope).
  return parts.join('') as PackedCitations;
}

/**
 * Offsets of every citation's source id and excerpt, four numbers per
 * citation (id start, id end, excerpt start, excerpt end). A plain loop over
 * one small array: unpacking runs once per relationship a read returns.
 */
function bounds(packed: PackedCitations): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < packed.length) {
    for (let field = 0; field < 2; field++) {
      let n = 0;
      let scale = 1;
      let c: number;
      do {
        c = packed.charCodeAt(i++);
        n += (c & DIGIT) * scale;
        scale *= 64;
      } while (c & MORE);
      out.push(i, i + n);
      i += n;
    }
  }
  return out;
}

export function unpackCitations(packed: PackedCitations): Citation[] {
  const b = bounds(packed);
  const out: Citation[] = [];
  for (let k = 0; k < b.length; k += 4) out.push({ sourceId: packed.slice(b[k], b[k + 1]), excerpt: packed.slice(b[k + 2], b[k + 3]) });
  return out;
}

/** Source ids of the citations, in order (repeats kept). */
export function citedSourceIds(packed: PackedCitations): string[] {
  const b = bounds(packed);
  const out: string[] = [];
  for (let k = 0; k < b.length; k += 4) out.push(packed.slice(b[k], b[k + 1]));
  return out;
}

export function citesSource(packed: PackedCitations, sourceId: string): boolean {
  const b = bounds(packed);
  for (let k = 0; k < b.length; k += 4) if (b[k + 1] - b[k] === sourceId.length && packed.startsWith(sourceId, b[k])) return true;
  return false;
}

/** The record as it was given to the store (no version added): what snapshots write. */
export function unpackRelationship(stored: StoredRelationship): Relationship {
  return { ...stored, citations: unpackCitations(stored.citations) };
}
