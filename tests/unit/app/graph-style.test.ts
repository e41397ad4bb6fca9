import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO } from '@/graph/core/model';
import { ACCENT, KIND_STYLES, TYPE_STYLES, cytoscapeStylesheet, darken, edgeStyleData, nodeLabelText, nodeStyleData } from '@/app/_lib/graph-style';
import { contrast } from './contrast';


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
    const css = readFileSync(path.join(__dirname, '../../../app/globals.css'), 'utf8');
    const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase();
    expect(KIND_STYLES.PERSON.color).toBe(token('kind-person'));
    expect(KIND_STYLES.INSTITUTION.color).toBe(token('kind-institution'));
    expect(KIND_STYLES.STATE.color).toBe(token('kind-state'));
    expect(ACCENT).toBe(token('accent'));
  });

  it('shows edge labels only where classes ask for them, short node labels with the full name on hover, and hides filtered elements', () => {
    const sheet = cytoscapeStylesheet() as unknown as { selector: string; style: Record<string, unknown> }[];
    expect(sheet.find((b) => b.selector === 'edge')?.style.label ?? '').toBe('');
    const edgeLabels = sheet.find((b) => b.style.label === 'data(label)' && b.selector.includes('edge.hover'));
    for (const c of ['edge:selected', 'edge.near', 'edge.kbd', 'edge.zoomed']) expect(edgeLabels?.selector).toContain(c);
    expect(sheet.find((b) => b.selector === 'node')?.style.label).toBe('data(short)');
    expect(sheet.find((b) => b.selector.includes('node.hover'))?.style.label).toBe('data(label)');
    // Emphasised edges are drawn above the nodes (manual z order).
    const z = (sel: string) => Number(sheet.find((b) => b.selector.split(', ').includes(sel) && b.style['z-index'] !== undefined)?.style['z-index']);
    expect(z('edge.near')).toBeGreaterThan(z('node'));
    expect(z('edge')).toBeLessThan(z('node'));
    expect(sheet.find((b) => b.selector === '.filtered')?.style.display).toBe('none');
  });

  it('wraps node labels to two short lines and cuts the rest with an ellipsis', () => {
    expect(nodeLabelText('Kassym-Jomart Tokayev')).toBe('Kassym-Jomart\nTokayev');
    expect(nodeLabelText('Collective Security Treaty Organization')).toBe('Collective Security\nTreaty Organization');
    expect(nodeLabelText('Agency of the Republic of Kazakhstan for Financial Monitoring')).toBe('Agency of the\nRepublic…');
    expect(nodeLabelText('Russia')).toBe('Russia');
  });

  type Block = { selector: string; style: Record<string, unknown> };
  const blocks = (large: boolean) => cytoscapeStylesheet({ large }) as unknown as Block[];

  it('reads looks from element data: no selector per kind or type (each costs a test per element per style pass)', () => {
    for (const large of [false, true]) {
      const sheet = blocks(large);
      expect(sheet.filter((b) => /\[(kind|type)\s*=/.test(b.selector)), `large=${large}`).toEqual([]);
      const node = sheet.find((b) => b.selector === 'node')!.style;
      expect(node['background-color']).toBe('data(color)');
      expect(node.shape).toBe('data(shape)');
      expect(node.width).toBe('data(w)');
      expect(sheet.find((b) => b.selector === 'edge')!.style['line-color']).toBe('data(color)');
    }
  });

  it('gives each element the look of its kind or type', () => {
    for (const k of ACTOR_KINDS) {
      const d = nodeStyleData(k);
      expect(d).toMatchObject({ shape: KIND_STYLES[k].shape, color: KIND_STYLES[k].color, border: KIND_STYLES[k].border });
      // The focus is drawn larger than any plain node.
      expect(d.fh).toBeGreaterThanOrEqual(40);
      expect(d.fw).toBeGreaterThan(d.w);
    }
    expect(nodeStyleData('INSTITUTION').w).toBeGreaterThan(nodeStyleData('INSTITUTION').h);
    for (const t of RELATIONSHIP_TYPES) expect(edgeStyleData(t)).toEqual({ color: TYPE_STYLES[t].color, line: TYPE_STYLES[t].line, arrow: TYPE_STYLES[t].arrow });
  });

  it('scales a node and overrides its fill (size and colour by), keeping the shape', () => {
    const big = nodeStyleData('PERSON', { scale: 2, color: '#0072b2' });
    expect(big).toMatchObject({ shape: 'ellipse', color: '#0072b2', border: darken('#0072b2', 0.35), w: 52, h: 52 });
    expect(big.fw).toBeGreaterThan(big.w);
    expect(darken('#ffffff', 0.5)).toBe('#808080');
  });

  it('draws large graphs with haystack edges and later labels, small ones with bezier edges and arrows', () => {
    const small = blocks(false).find((b) => b.selector === 'edge')!.style;
    const large = blocks(true).find((b) => b.selector === 'edge')!.style;
    expect(small['curve-style']).toBe('bezier');
    expect(small['target-arrow-shape']).toBe('data(arrow)');
    expect(large['curve-style']).toBe('haystack');
    const minFont = (l: boolean) => blocks(l).find((b) => b.selector === 'node')!.style['min-zoomed-font-size'] as number;
    expect(minFont(true)).toBeGreaterThan(minFont(false));
  });
});
