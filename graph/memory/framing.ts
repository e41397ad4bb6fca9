/**
 * Journal record framing: one record per line,
 *
 *     <crc32 of the JSON bytes, 8 hex digits> <JSON byte length> <JSON>\n
 *
 * Text, so `tail` and `grep` work on a journal; the length and checksum make a
 * torn write or a flipped bit detectable. JSON.stringify never emits a raw
 * newline, so after a damaged record the next record still starts right after
 * the next newline, which lets a scan tell a torn tail from damage in the middle.
 */
import zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), continuing from `previous`. zlib.crc32 where Node has it (≥ 20.15), else a table. */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, previous);
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

export function encodeFrame(value: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const header = Buffer.from(`${hex8(crc32(body))} ${body.length} `, 'latin1');
  return Buffer.concat([header, body, Buffer.from('\n', 'latin1')]);
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const MAX_LENGTH_DIGITS = 12;

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66);
}

export type FrameRead = { ok: true; value: unknown; next: number } | { ok: false; reason: string };

/** Reads the frame starting at `offset`. */
export function readFrame(buf: Buffer, offset: number): FrameRead {
  if (buf.length - offset < 12) return { ok: false, reason: 'incomplete header' };
  for (let i = 0; i < 8; i++) if (!isHex(buf[offset + i])) return { ok: false, reason: 'bad checksum field' };
  if (buf[offset + 8] !== SPACE) return { ok: false, reason: 'bad header' };
  let p = offset + 9;
  let length = 0;
  const digitsStart = p;
  while (p < buf.length && buf[p] >= 0x30 && buf[p] <= 0x39 && p - digitsStart < MAX_LENGTH_DIGITS) length = length * 10 + (buf[p++] - 0x30);
  if (p === digitsStart || p >= buf.length || buf[p] !== SPACE) return { ok: false, reason: p >= buf.length ? 'incomplete header' : 'bad length field' };
  const start = p + 1;
  const end = start + length;
  if (end >= buf.length) return { ok: false, reason: `incomplete record (${buf.length - start} of ${length + 1} bytes)` };
  if (buf[end] !== NEWLINE) return { ok: false, reason: 'record does not end where its length says' };
  const body = buf.subarray(start, end);
  if (hex8(crc32(body)) !== buf.toString('latin1', offset, offset + 8)) return { ok: false, reason: 'checksum mismatch' };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')), next: end + 1 };
  } catch {
    return { ok: false, reason: 'checksummed body is not JSON' };
  }
}

export interface JournalScan {
  values: unknown[];
  /** Bytes up to the end of the last good record before any damage. */
  goodBytes: number;
  damage?: {
    offset: number;
    reason: string;
    /** True when a valid record follows the damage: the middle of the file is corrupt, not just its tail. */
    inMiddle: boolean;
  };
}

/** Reads every record up to the first damaged one. */
export function scanFrames(buf: Buffer): JournalScan {
  const values: unknown[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const r = readFrame(buf, offset);
    if (!r.ok) return { values, goodBytes: offset, damage: { offset, reason: r.reason, inMiddle: validFrameAfter(buf, offset) } };
    values.push(r.value);
    offset = r.next;
  }
  return { values, goodBytes: offset };
}

function validFrameAfter(buf: Buffer, offset: number): boolean {
  for (let nl = buf.indexOf(NEWLINE, offset); nl >= 0 && nl + 1 < buf.length; nl = buf.indexOf(NEWLINE, nl + 1)) {
    if (readFrame(buf, nl + 1).ok) return true;
  }
  return false;
}
