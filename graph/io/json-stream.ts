/**
 * Reads one JSON document in pieces, never as one string: a linear scanner
 * follows the top-level object (keys, colons, commas) and each top-level
 * array, and finds where each of their values ends by tracking strings,
 * escapes and nesting; JSON.parse then parses (and so validates) each value
 * alone. A document of a million records thus costs one record's text at a
 * time, and a malformed one is refused with the line of the value at fault.
 *
 * Scanning and parsing together accept exactly what JSON.parse accepts of the
 * whole document (with duplicate keys, the last wins, as there), except that a
 * leading byte order mark is skipped.
 */
import { StringDecoder } from 'node:string_decoder';
import { ValidationError } from '../core/errors';

/** What the scanner reports, in document order. */
export interface JsonDocumentSink {
  /** The document is valid JSON but not an object. */
  notAnObject(): void;
  /** A top-level member whose value is an array begins; its elements follow. */
  listStart(key: string): void;
  listElement(key: string, value: unknown, line: number): void;
  /** A top-level member whose value is not an array. */
  member(key: string, value: unknown): void;
}

const enum State {
  Start,
  KeyOrEnd,
  Key,
  Colon,
  MemberValue,
  MemberNext,
  FirstElement,
  Element,
  ElementNext,
  Done,
}

/** What a captured value is, so the scanner knows where to go once it is complete. */
const enum Role {
  Key,
  Member,
  Element,
  Root,
}

const enum Kind {
  /** An object or array: ends when its brackets balance. */
  Nested,
  /** A string: ends at its closing quote. */
  Text,
  /** A number, true, false or null: ends before the next delimiter. */
  Scalar,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const BOM = 0xfeff;

const isSpace = (c: number) => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
const endsScalar = (c: number) => isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d; // , ] }
const startsScalar = (c: number) => c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e; // - 0-9 t f n

export class JsonDocumentScanner {
  private state = State.Start;
  private line = 1;
  private first = true;
  /** The array being read belongs to this member; null for a document that is an array. */
  private listKey: string | null = null;
  private key = '';
  // The value being captured, if any.
  private capturing = false;
  private role = Role.Root;
  private kind = Kind.Nested;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private valueLine = 1;
  /** Where the captured value starts in the piece being scanned (0 when it began in an earlier piece). */
  private captureStart = 0;
  private pieces: string[] = [];
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly name: string,
    private readonly sink: JsonDocumentSink,
  ) {}

  /** The next piece of the document: text, or bytes (UTF-8; a character may be split between pieces). */
  push(piece: string | Buffer): void {
    const text = typeof piece === 'string' ? piece : this.decoder.write(piece);
    if (text) this.scan(text);
  }

  /** The document is complete; throws ValidationError if it stopped short. */
  end(): void {
    const rest = this.decoder.end();
    if (rest) this.scan(rest);
    if (this.capturing && this.kind === Kind.Scalar) this.complete('', 0, 0);
    if (this.capturing) this.fail(this.valueLine, 'the value that starts on this line is not closed before the document ends');
    if (this.state !== State.Done) this.fail(this.line, this.state === State.Start ? 'the document is empty' : 'the document ends too early');
  }

  private fail(line: number, detail: string): never {
    throw new ValidationError(`${this.name} is not valid JSON`, [{ path: `${this.name}:${line}`, message: `is not valid JSON (${detail})` }]);
  }

  private scan(s: string): void {
    const n = s.length;
    let i = 0;
    if (this.first) {
      this.first = false;
      if (s.charCodeAt(0) === BOM) i = 1;
    }
    while (i < n) {
      if (this.capturing) {
        i = this.capture(s, i);
        continue;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        if (c === NEWLINE) this.line++;
        i++;
        continue;
      }
      switch (this.state) {
        case State.Start:
          if (c === 0x7b) this.state = State.KeyOrEnd;
          else if (c === 0x5b) {
            this.sink.notAnObject();
            this.listKey = null;
            this.state = State.FirstElement;
          } else {
            this.sink.notAnObject();
            this.begin(Role.Root, s, i);
            continue;
          }
          break;
        case State.KeyOrEnd:
        case State.Key:
          if (c === 0x7d && this.state === State.KeyOrEnd) this.state = State.Done;
          else if (c === QUOTE) {
            this.begin(Role.Key, s, i);
            continue;
          } else this.fail(this.line, 'expected a key in quotes');
          break;
        case State.Colon:
          if (c !== 0x3a) this.fail(this.line, `expected ":" after "${this.key}"`);
          this.state = State.MemberValue;
          break;
        case State.MemberValue:
          if (c === 0x5b) {
            this.listKey = this.key;
            this.sink.listStart(this.key);
            this.state = State.FirstElement;
          } else {
            this.begin(Role.Member, s, i);
            continue;
          }
          break;
        case State.MemberNext:
          if (c === 0x2c) this.state = State.Key;
          else if (c === 0x7d) this.state = State.Done;
          else this.fail(this.line, `expected "," or "}" after the value of "${this.key}"`);
          break;
        case State.FirstElement:
        case State.Element:
          if (c === 0x5d && this.state === State.FirstElement) this.endList();
          else {
            this.begin(Role.Element, s, i);
            continue;
          }
          break;
        case State.ElementNext:
          if (c === 0x2c) this.state = State.Element;
          else if (c === 0x5d) this.endList();
          else this.fail(this.line, `expected "," or "]" after an element of ${this.listKey === null ? 'the document' : `"${this.listKey}"`}`);
          break;
        case State.Done:
          this.fail(this.line, 'unexpected text after the end of the document');
      }
      i++;
    }
    if (this.capturing) this.pieces.push(s.slice(this.captureStart));
    this.captureStart = 0;
  }

  private endList(): void {
    this.state = this.listKey === null ? State.Done : State.MemberNext;
  }

  /** Starts capturing the value whose first character is at s[i]. */
  private begin(role: Role, s: string, i: number): void {
    const c = s.charCodeAt(i);
    this.role = role;
    this.valueLine = this.line;
    this.captureStart = i;
    this.pieces.length = 0;
    this.capturing = true;
    this.escaped = false;
    this.depth = 0;
    this.inString = false;
    if (c === 0x7b || c === 0x5b) this.kind = Kind.Nested;
    else if (c === QUOTE) this.kind = Kind.Text;
    else if (startsScalar(c) && role !== Role.Key) {
      this.kind = Kind.Scalar;
    } else {
      this.capturing = false;
      this.fail(this.line, `unexpected "${String.fromCodePoint(s.codePointAt(i)!)}"`);
    }
  }

  /** Scans the captured value from s[i]; returns where scanning stopped (the end of s, or just past the value). */
  private capture(s: string, i: number): number {
    const n = s.length;
    if (this.kind === Kind.Scalar) {
      while (i < n && !endsScalar(s.charCodeAt(i))) i++;
      if (i < n) this.complete(s, this.captureStart, i);
      return i;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    while (i < n) {
      const c = s.charCodeAt(i++);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            this.complete(s, this.captureStart, i);
            return i;
          }
        }
      } else if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) {
          this.complete(s, this.captureStart, i);
          return i;
        }
      } else if (c === NEWLINE) this.line++;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return i;
  }

  /** The value ends at s[end]: parse it and move on. */
  private complete(s: string, start: number, end: number): void {
    const tail = s.slice(start, end);
    const text = this.pieces.length ? this.pieces.join('') + tail : tail;
    this.pieces.length = 0;
    this.capturing = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.fail(this.valueLine, (e as Error).message);
    }
    switch (this.role) {
      case Role.Key:
        this.key = value as string;
        this.state = State.Colon;
        break;
      case Role.Member:
        this.sink.member(this.key, value);
        this.state = State.MemberNext;
        break;
      case Role.Element:
        if (this.listKey !== null) this.sink.listElement(this.listKey, value, this.valueLine);
        this.state = State.ElementNext;
        break;
      case Role.Root:
        this.state = State.Done;
    }
  }
}
