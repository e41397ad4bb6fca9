import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/graph/core/errors';
import { checkSourceText, MAX_SOURCE_TEXT_LENGTH } from '@/graph/core/source-text';
import { decodeUpload, formatFromFilename, htmlToText, MAX_UPLOAD_BYTES } from '@/graph/intake';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = bom ? [0xfeff, ...Array.from(s, (c) => c.charCodeAt(0))] : Array.from(s, (c) => c.charCodeAt(0));
  units.forEach((u, i) => {
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

/** Runs `fn` and returns the ValidationError it throws (failing the test if it throws anything else or nothing). */
function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('BAD_USER_INPUT');
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('decodeUpload: encodings', () => {
  it('reads UTF-8 with and without a byte-order mark, keeping non-ASCII text', () => {
    const text = 'Тоқаев met Nazarbayev’s nephew in Astana.';
    expect(decodeUpload(utf8(text), 'a.txt')).toEqual({ text, format: 'text', encoding: 'utf-8' });
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'a.txt').text).toBe(text);
  });

  it('reads UTF-16 little- and big-endian, by byte-order mark or by its zero bytes', () => {
    const text = 'Tokayev appointed Smailov.';
    expect(decodeUpload(utf16(text, 'le', true), 'a.txt')).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeUpload(utf16(text, 'be', true), 'a.txt')).toMatchObject({ text, encoding: 'utf-16be' });
    expect(decodeUpload(utf16(text, 'le', false), 'a.txt')).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeUpload(utf16(text, 'be', false), 'a.txt')).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('refuses invalid UTF-8 instead of guessing, naming the file as the problem', () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' in Almaty')]);
    const e = refusal(() => decodeUpload(latin1, 'a.txt'));
    expect(e.problems.map((p) => p.path)).toEqual(['file']);
    refusal(() => decodeUpload(new Uint8Array([...utf8('truncated '), 0xe2, 0x80]), 'a.md'));
  });

  it('decodes an HTML page in the charset it declares, and refuses one it cannot know', () => {
    const cp1251 = new Uint8Array([...utf8('<html><head><meta charset="windows-1251"></head><body><p>'), 0xd2, 0xee, 0xea, 0xe0, 0xe5, 0xe2, ...utf8('</p></body></html>')]);
    expect(decodeUpload(cp1251, 'page.html')).toMatchObject({ text: 'Токаев', encoding: 'windows-1251', format: 'html' });
    refusal(() => decodeUpload(utf8('<meta charset="x-klingon"><p>Hello there.</p>'), 'page.htm'));
  });

  it('refuses UTF-32', () => {
    refusal(() => decodeUpload(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'a.txt'));
  });
});

describe('decodeUpload: files that are not text', () => {
  it('refuses files with NUL bytes, known binary signatures or many control characters', () => {
    refusal(() => decodeUpload(new Uint8Array([0x41, 0x42, 0, 0x43, 0x44, 0x45, 0x46, 0x47]), 'a.txt'));
    refusal(() => decodeUpload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'photo.txt'));
    refusal(() => decodeUpload(utf8('%PDF-1.7 some text'), 'paper.txt'));
    const noisy = new Uint8Array(200).map((_, i) => (i % 10 === 0 ? 0x01 : 0x61));
    refusal(() => decodeUpload(noisy, 'a.txt'));
  });

  it('refuses empty, oversized and whitespace-only uploads', () => {
    refusal(() => decodeUpload(new Uint8Array(0), 'a.txt'));
    refusal(() => decodeUpload(new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61), 'a.txt'));
    refusal(() => decodeUpload(utf8(' \n\t \n'), 'a.txt'));
    refusal(() => decodeUpload(utf8('<html><head><title>Only a title</title><script>var x = 1;</script></head></html>'), 'a.html'));
  });

  it('accepts only .txt, .md and .html files', () => {
    expect(formatFromFilename('NOTES.MD')).toBe('markdown');
    expect(formatFromFilename('a.htm')).toBe('html');
    refusal(() => formatFromFilename('report.pdf'));
    refusal(() => formatFromFilename('README'));
  });
});

describe('checkSourceText', () => {
  it('normalises line breaks and Unicode composition, drops stray control characters, trims', () => {
    expect(checkSourceText('  Line one.\r\nLine two\u0007.\rE\u0301nd  ')).toBe('Line one.\nLine two.\nÉnd');
  });

  it('refuses empty and over-long text', () => {
    refusal(() => checkSourceText(''));
    refusal(() => checkSourceText('   \n  '));
    refusal(() => checkSourceText('a'.repeat(MAX_SOURCE_TEXT_LENGTH + 1)));
    expect(checkSourceText('a'.repeat(MAX_SOURCE_TEXT_LENGTH))).toHaveLength(MAX_SOURCE_TEXT_LENGTH);
  });
});

describe('htmlToText', () => {
  it('keeps what a reader sees, paragraph by paragraph', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p { color: red }</style><script>alert("x")</script></head>
      <body><nav>Home | About</nav><h1>Kazakh   politics</h1><p>Tokayev&nbsp;appointed <b>Smailov</b>
      as prime minister.</p><p>Line one<br>line two &amp; more</p><ul><li>First</li><li>Second</li></ul>
      <noscript>Enable JS</noscript><pre>  kept   as is</pre></body></html>`;
    expect(htmlToText(html)).toBe('Kazakh politics\n\nTokayev appointed Smailov as prime minister.\n\nLine one\nline two & more\n\nFirst\nSecond\n\nkept   as is');
  });

  it('reduces an uploaded HTML file the same way', () => {
    const { text, format } = decodeUpload(utf8('<p>One.</p><script>x()</script><p>Two.</p>'), 'a.html');
    expect(format).toBe('html');
    expect(text).toBe('One.\n\nTwo.');
  });

  it('keeps Markdown as written', () => {
    const md = '# Title\n\nTokayev [appointed](#) Smailov.';
    expect(decodeUpload(utf8(md), 'a.md')).toMatchObject({ text: md, format: 'markdown' });
  });
});
