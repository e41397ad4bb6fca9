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

/** Calls `each` with the offsets of every citation's source id and excerpt, in order; stops when it returns true. */
function scan(packed: PackedCitations, each: (idStart: number, idEnd: number, excerptStart: number, excerptEnd: number) => boolean | void): void {
  let i = 0;
  const readLength = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const c = packed.charCodeAt(i++);
      n += (c & DIGIT) * scale;
      if (!(c & MORE)) return n;
      scale *= 64;
    }
  };
  while (i < packed.length) {
    const idLength = readLength();
    const idStart = i;
    i += idLength;
    const excerptLength = readLength();
    const excerptStart = i;
    i += excerptLength;
    if (each(idStart, idStart + idLength, excerptStart, i)) return;
  }
}

export function unpackCitations(packed: PackedCitations): Citation[] {
  const out: Citation[] = [];
  scan(packed, (a, b, c, d) => {
    out.push({ sourceId: packed.slice(a, b), excerpt: packed.slice(c, d) });
  });
  return out;
}

/** Source ids of the citations, in order (repeats kept). */
export function citedSourceIds(packed: PackedCitations): string[] {
  const out: string[] = [];
  scan(packed, (a, b) => {
    out.push(packed.slice(a, b));
  });
  return out;
}

export function citesSource(packed: PackedCitations, sourceId: string): boolean {
  let found = false;
  scan(packed, (a, b) => (found = b - a === sourceId.length && packed.startsWith(sourceId, a)));
  return found;
}

/** The record as it was given to the store (no version added): what snapshots write. */
export function unpackRelationship(stored: StoredRelationship): Relationship {
  return { ...stored, citations: unpackCitations(stored.citations) };
}
