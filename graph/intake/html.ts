/**
 * HTML reduced to readable text: what a reader sees, paragraph by paragraph.
 * `htmlparser2` (npm) parses forgivingly and decodes entities; this module
 * only decides what to keep. Scripts, styles, the <head> and other
 * non-content elements are dropped; block elements become paragraph breaks
 * so sentences never run across them; runs of spaces collapse except in <pre>.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader sees. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button', 'nav']);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption', 'table', 'ul', 'ol',
  'dl', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details', 'summary', 'form', 'fieldset', 'body', 'html',
]);
/** Elements that start a new line. */
const LINES = new Set(['br', 'li', 'tr', 'dt', 'dd', 'caption']);
const CELLS = new Set(['td', 'th']);

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let dropDepth = 0;
  let preDepth = 0;
  // A line break right after another break adds nothing ("</li><li>" is one new line, not a blank line).
  const breakWith = (s: string) => {
    const last = parts[parts.length - 1] ?? '';
    if (s === '\n' && last.endsWith('\n')) return;
    parts.push(s);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropDepth++;
        if (dropDepth) return;
        if (name === 'pre') preDepth++;
        if (BLOCKS.has(name)) breakWith('\n\n');
        else if (LINES.has(name)) breakWith('\n');
        else if (CELLS.has(name)) breakWith('\t');
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
          return;
        }
        if (dropDepth) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCKS.has(name)) breakWith('\n\n');
        else if (LINES.has(name) && name !== 'br') breakWith('\n');
      },
      ontext(data) {
        if (dropDepth) return;
        parts.push(preDepth ? data.replace(/\r\n?/g, '\n') : data.replace(/[ \t\r\n\f\u00a0]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();

  return parts
    .join('')
    .split('\n')
    .map((line) => (line.startsWith('\t') ? line.replace(/^\t+/, '') : line).replace(/[ \t]+$/g, '').replace(/^ +/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
