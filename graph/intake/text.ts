/**
 * A source's full text from uploaded bytes (.txt, .md, .html); the text is then
 * checked and normalised by graph/core/source-text.ts, so that every excerpt can
 * later be verified against exactly what was stored.
 *
 * Bytes are decoded strictly: a byte-order mark picks UTF-8 or UTF-16, an HTML
 * page may declare its charset, anything else must be valid UTF-8. A file that
 * is not text, or not valid in its encoding, is refused with a
 * ValidationError (code BAD_USER_INPUT) that names the problem, never decoded
 * into mojibake.
 */
import { ValidationError } from '../core/errors';
import { checkSourceText } from '../core/source-text';
import { htmlToText } from './html';

/** Largest upload accepted, in bytes (HTML carries markup, UTF-16 doubles the size). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type TextFormat = 'text' | 'markdown' | 'html';

export const UPLOAD_EXTENSIONS: Readonly<Record<string, TextFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

export interface DecodedUpload {
  text: string;
  format: TextFormat;
  /** The encoding the bytes were read as, e.g. `utf-8`, `utf-16le`, `windows-1251`. */
  encoding: string;
}

function refuse(path: string, message: string): never {
  throw new ValidationError('Invalid source text', [{ path, message }]);
}

/** The format an uploaded file name implies; other extensions are refused. */
export function formatFromFilename(filename: string): TextFormat {
  const dot = filename.lastIndexOf('.');
  const ext = dot >= 0 ? filename.slice(dot).toLowerCase() : '';
  const format = UPLOAD_EXTENSIONS[ext];
  if (!format) refuse('file', `"${filename}" is not a supported file type; upload ${Object.keys(UPLOAD_EXTENSIONS).join(', ')}`);
  return format;
}

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['gzip archive', [0x1f, 0x8b]],
];

/** A control byte that text files do not contain (tab, line feed, form feed, carriage return and escape are allowed). */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/** UTF-16 without a byte-order mark: mostly-ASCII text leaves every other byte zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** The charset an HTML page declares in its first bytes (`<meta charset>` or http-equiv), if any. */
function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

function decodeStrict(bytes: Uint8Array, encoding: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    refuse('file', `declares the encoding "${encoding}", which is not supported; save it as UTF-8`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    if (decoder.encoding === 'utf-8') {
      const at = firstInvalidUtf8(bytes);
      refuse('file', `is not valid UTF-8 (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at}); it may be in a legacy encoding such as Windows-1252 — save it as UTF-8 and upload it again`);
    }
    refuse('file', `is not valid ${decoder.encoding} text`);
  }
}

/** Offset of the first byte that breaks UTF-8 (the caller knows there is one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * Decodes uploaded bytes to text: refuses empty, oversized, binary and
 * wrongly encoded files; HTML is reduced to text, Markdown and plain text are
 * kept as they are. The result is normalised and checked by `checkSourceText`.
 */
export function decodeUpload(bytes: Uint8Array, filename: string, declaredCharset?: string): DecodedUpload {
  const format = formatFromFilename(filename);
  if (bytes.length === 0) refuse('file', 'is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) refuse('file', `is ${bytes.length} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes`);
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) refuse('file', `is a binary file (${name}), not text`);
  }

  let encoding: string;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    refuse('file', 'is UTF-32, which is not supported; save it as UTF-8');
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = sniffUtf16(bytes) ?? (format === 'html' ? declaredHtmlCharset(bytes) : undefined) ?? declaredCharset?.toLowerCase() ?? 'utf-8';
  }

  if (!encoding.startsWith('utf-16')) {
    const sample = body.subarray(0, 65536);
    let control = 0;
    for (const b of sample) {
      if (b === 0) refuse('file', 'is a binary file (it contains NUL bytes), not text');
      if (isControlByte(b)) control++;
    }
    if (sample.length && control / sample.length > 0.01) refuse('file', 'is a binary file (too many control characters), not text');
  }

  const decoded = decodeStrict(body, encoding).replace(/^\uFEFF/, '');
  if (encoding.startsWith('utf-16') && /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.test(decoded.slice(0, 65536))) {
    refuse('file', 'is a binary file (control characters after decoding as UTF-16), not text');
  }
  const text = format === 'html' ? htmlToText(decoded) : decoded;
  return { text: checkSourceText(text), format, encoding: encoding === 'utf8' ? 'utf-8' : encoding };
}
