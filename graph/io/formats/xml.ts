/** XML helpers shared by GraphML and GEXF: escaping for writing, validated parsing with line numbers for reading. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ValidationError } from '../../core/errors';

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Elements that may repeat are always arrays, so readers need not special-case one child. */
const REPEATING = new Set(['key', 'node', 'edge', 'data', 'attribute', 'attvalue']);

export type XmlElement = Record<string, unknown>;

/** Parses XML, keeping attributes under `@_name`, and throws ValidationError with `file:line` when malformed. */
export function parseXml(text: string, file: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ValidationError(`${file} is not well-formed XML`, [{ path: `${file}:${valid.err.line}`, message: valid.err.msg }]);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    isArray: (name) => REPEATING.has(name),
  });
  return parser.parse(text) as XmlElement;
}

/** Text content of an element parsed with parseXml (plain string, or `#text` when it has attributes). */
export function textOf(el: unknown): string {
  if (typeof el === 'string') return el;
  if (el && typeof el === 'object' && '#text' in el) return String((el as XmlElement)['#text']);
  return '';
}

export function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
