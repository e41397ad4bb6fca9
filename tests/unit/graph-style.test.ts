import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO } from '@/graph/model';
import { ACCENT, KIND_STYLES, TYPE_STYLES, cytoscapeStylesheet } from '@/app/_lib/graph-style';

/** WCAG relative luminance contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('graph-style', () => {
  it('styles every actor kind and relationship type, with distinct looks', () => {
    expect(Object.keys(KIND_STYLES).sort()).toEqual([...ACTOR_KINDS].sort());
    expect(Object.keys(TYPE_STYLES).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(new Set(ACTOR_KINDS.map((k) => KIND_STYLES[k].shape)).size).toBe(ACTOR_KINDS.length);
    expect(new Set(ACTOR_KINDS.map((k) => KIND_STYLES[k].color)).size).toBe(ACTOR_KINDS.length);
    const looks = RELATIONSHIP_TYPES.map((t) => `${TYPE_STYLES[t].color}/${TYPE_STYLES[t].line}`);
    expect(new Set(looks).size).toBe(RELATIONSHIP_TYPES.length);
  });

  it('draws arrows for directed types only', () => {
    for (const t of RELATIONSHIP_TYPES) {
      expect(TYPE_STYLES[t].arrow === 'none', t).toBe(RELATIONSHIP_TYPE_INFO[t].symmetric);
    }
  });

  it('uses colours with at least 3:1 contrast on the white canvas (WCAG 1.4.11 for graphics)', () => {
    for (const k of ACTOR_KINDS) expect(contrast(KIND_STYLES[k].color, '#ffffff'), k).toBeGreaterThanOrEqual(3);
    for (const t of RELATIONSHIP_TYPES) expect(contrast(TYPE_STYLES[t].color, '#ffffff'), t).toBeGreaterThanOrEqual(3);
  });

  it('matches the colour tokens in app/globals.css, so a person looks the same on every page', () => {
    const css = readFileSync(path.join(__dirname, '../../app/globals.css'), 'utf8');
    const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase();
    expect(KIND_STYLES.PERSON.color).toBe(token('kind-person'));
    expect(KIND_STYLES.INSTITUTION.color).toBe(token('kind-institution'));
    expect(KIND_STYLES.STATE.color).toBe(token('kind-state'));
    expect(ACCENT).toBe(token('accent'));
  });

  it('shows edge labels on hover or selection only, and hides filtered elements', () => {
    const sheet = cytoscapeStylesheet() as unknown as { selector: string; style: Record<string, unknown> }[];
    expect(sheet.find((b) => b.selector === 'edge')?.style.label).toBe('');
    expect(sheet.find((b) => b.selector.includes('edge.hover'))?.style.label).toBe('data(label)');
    expect(sheet.find((b) => b.selector === 'node')?.style.label).toBe('data(label)');
    expect(sheet.find((b) => b.selector === '.filtered')?.style.display).toBe('none');
  });
});
