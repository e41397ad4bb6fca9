import { describe, expect, it } from 'vitest';
import { MAX_EXCERPT_LENGTH } from '@/graph/core/model';
import { excerptRange, splitSentences } from '@/graph/intake';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and dotted acronyms inside a sentence', () => {
    expect(texts('Mr. Tokayev met the U.S. envoy in Jan. 2022 with Maria A. Blackwood. Dr. Smith left.')).toEqual([
      'Mr. Tokayev met the U.S. envoy in Jan. 2022 with Maria A. Blackwood.',
      'Dr. Smith left.',
    ]);
  });

  it('ends a sentence after a number, a closing quote, or a heading line', () => {
    expect(texts('He resigned in 2011. Nazarbayev’s sons-in-law stayed.')).toEqual(['He resigned in 2011.', 'Nazarbayev’s sons-in-law stayed.']);
    expect(texts('He said, “We are bound.” Then he left.')).toEqual(['He said, “We are bound.”', 'Then he left.']);
    expect(texts('Author Information\n\nMaria A. Blackwood\nAnalyst in Asian Policy')).toEqual(['Author Information', 'Maria A. Blackwood', 'Analyst in Asian Policy']);
  });

  it('keeps a sentence wrapped onto a lower-case line whole, and list numbers with their item', () => {
    expect(texts('The protests spread across\nthe whole country. Next.')).toEqual(['The protests spread across\nthe whole country.', 'Next.']);
    expect(texts('1. First item\n2. Second item')).toEqual(['1. First item', '2. Second item']);
  });

  it('drops list bullets and does not split decimals', () => {
    expect(texts('  • Tokayev won 81.3% of the vote.\n  • Turnout was 69.4 per cent.')).toEqual(['Tokayev won 81.3% of the vote.', 'Turnout was 69.4 per cent.']);
  });

  it('gives offsets into the original text, and paragraph numbers', () => {
    const text = 'Heading\n\n  First sentence here.  Second one!\n\nNew paragraph?';
    const sentences = splitSentences(text);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Heading', 0],
      ['First sentence here.', 1],
      ['Second one!', 1],
      ['New paragraph?', 2],
    ]);
  });
});

describe('excerptRange', () => {
  it('is the whole sentence when it fits', () => {
    const text = 'Intro. Tokayev appointed Smailov as prime minister. Outro.';
    const [, s] = splitSentences(text);
    expect(excerptRange(text, s, s.start, s.start + 7)).toEqual({ start: s.start, end: s.end });
  });

  it('cuts a long sentence to whole clauses around the focus, as an exact substring within the limit', () => {
    const filler = 'a long digression that says nothing in particular about anyone at all';
    const text = `${Array.from({ length: 4 }, () => filler).join(', ')}, then Tokayev appointed Smailov as prime minister, ${Array.from({ length: 4 }, () => filler).join(', ')}.`;
    const [s] = splitSentences(text);
    expect(s.end - s.start).toBeGreaterThan(MAX_EXCERPT_LENGTH);
    const focusStart = text.indexOf('Tokayev');
    const focusEnd = text.indexOf('Smailov') + 'Smailov'.length;
    const r = excerptRange(text, s, focusStart, focusEnd)!;
    expect(r.end - r.start).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    expect(r.start).toBeLessThanOrEqual(focusStart);
    expect(r.end).toBeGreaterThanOrEqual(focusEnd);
    const excerpt = text.slice(r.start, r.end);
    expect(text.includes(excerpt)).toBe(true);
    expect(excerpt).toMatch(/^[a-z]/); // starts at a clause boundary, not mid-word or on a comma
    expect(excerpt).not.toMatch(/[,\s]$/);
  });

  it('falls back to a word window for a long sentence without clause breaks, and gives up when the focus itself is too long', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const text = `${words} Tokayev met Smailov ${words}.`;
    const [s] = splitSentences(text);
    const at = text.indexOf('Tokayev');
    const r = excerptRange(text, s, at, at + 'Tokayev met Smailov'.length)!;
    expect(r.end - r.start).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    expect(text.slice(r.start, r.end)).toContain('Tokayev met Smailov');
    expect(excerptRange(text, s, s.start, s.start + MAX_EXCERPT_LENGTH + 1)).toBeNull();
  });
});
