/**
 * The one normal form of a stored source text and its size limit: every store
 * checks a text with this before storing it, so excerpts are later verified
 * against exactly what was stored (graph/core/citations.ts).
 */
import { ValidationError } from './errors';

/** Longest source text accepted, in characters, after decoding and HTML reduction. */
export const MAX_SOURCE_TEXT_LENGTH = 1_000_000;

function refuse(path: string, message: string): never {
  throw new ValidationError('Invalid source text', [{ path, message }]);
}

/**
 * The one normal form of a source text: line breaks as \n, Unicode NFC,
 * control characters other than tab and line break removed, surrounding
 * blank space trimmed. Refuses empty text and text over MAX_SOURCE_TEXT_LENGTH.
 */
export function checkSourceText(text: string): string {
  if (typeof text !== 'string') refuse('text', 'must be a string');
  if (text.length > 4 * MAX_SOURCE_TEXT_LENGTH) refuse('text', `is longer than ${MAX_SOURCE_TEXT_LENGTH} characters`);
  const normal = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .normalize('NFC')
    .trim();
  if (!normal) refuse('text', 'is empty');
  if (normal.length > MAX_SOURCE_TEXT_LENGTH) refuse('text', `is ${normal.length} characters; the limit is ${MAX_SOURCE_TEXT_LENGTH}`);
  return normal;
}
