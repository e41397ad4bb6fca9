/**
 * The one visual vocabulary of the explorer: how each actor kind and each
 * relationship type looks. The Cytoscape canvas and the legend both read it,
 * so the legend can never disagree with the drawing.
 */
import type { StylesheetJson } from 'cytoscape';
import { ACTOR_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type ActorKind, type RelationshipType } from '@/graph/model';

export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond';
export type LineStyle = 'solid' | 'dashed' | 'dotted';
export type ArrowShape = 'triangle' | 'tee' | 'vee' | 'none';

export interface KindStyle {
  label: string;
  shape: NodeShape;
  /** Fill; dark enough for 3:1 against white (WCAG 1.4.11 for graphics). */
  color: string;
  border: string;
}

export interface TypeStyle {
  label: string;
  color: string;
  line: LineStyle;
  /** Arrow at the target end; symmetric types have none. */
  arrow: ArrowShape;
}

/** Fills equal the `--kind-*` tokens in app/globals.css (checked by tests/unit/graph-style.test.ts). */
export const KIND_STYLES: Record<ActorKind, KindStyle> = {
  PERSON: { label: 'Person', shape: 'ellipse', color: '#a4400f', border: '#6b2a0a' },
  INSTITUTION: { label: 'Institution', shape: 'round-rectangle', color: '#0b6e66', border: '#064540' },
  STATE: { label: 'State', shape: 'diamond', color: '#6a35c2', border: '#43217c' },
};

/** Colours are grouped by meaning (power, conflict, cooperation, money) and told apart by line style and arrow. */
const TYPE_LOOK: Record<RelationshipType, Omit<TypeStyle, 'label' | 'arrow'> & { arrow?: ArrowShape }> = {
  HOLDS_POSITION: { color: '#4b5563', line: 'solid' },
  MEMBER_OF: { color: '#6b7280', line: 'dotted' },
  APPOINTED: { color: '#0e7490', line: 'solid' },
  DISMISSED: { color: '#c2410c', line: 'dashed', arrow: 'tee' },
  SUCCEEDED: { color: '#4338ca', line: 'dashed', arrow: 'vee' },
  PROSECUTED: { color: '#b91c1c', line: 'solid', arrow: 'vee' },
  OPPOSED: { color: '#be185d', line: 'dashed', arrow: 'tee' },
  INTERVENED_IN: { color: '#7f1d1d', line: 'dashed' },
  ALLIED_WITH: { color: '#15803d', line: 'solid' },
  SUPPORTED: { color: '#4d7c0f', line: 'dotted' },
  FAMILY_OF: { color: '#86198f', line: 'dotted' },
  INVESTED_IN: { color: '#a16207', line: 'dashed' },
};

export const TYPE_STYLES: Record<RelationshipType, TypeStyle> = Object.fromEntries(
  RELATIONSHIP_TYPES.map((t) => {
    const look = TYPE_LOOK[t];
    const info = RELATIONSHIP_TYPE_INFO[t];
    return [t, { label: info.label, color: look.color, line: look.line, arrow: info.symmetric ? 'none' : (look.arrow ?? 'triangle') }];
  }),
) as Record<RelationshipType, TypeStyle>;

/** The one accent colour: focus ring, selection, path highlight. */
/** Equals `--accent` in app/globals.css. */
export const ACCENT = '#2253b8';
const NEUTRAL_EDGE_LABEL = '#16191e';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

/** SVG `stroke-dasharray` for a line style, so legend swatches match the canvas. */
export function dashArray(line: LineStyle): string | undefined {
  if (line === 'dashed') return '6 4';
  if (line === 'dotted') return '1.5 3';
  return undefined;
}

/** SVG path for a kind's shape inside a 0..size box, for legend swatches. */
export function shapePath(shape: NodeShape, size: number): string {
  const s = size;
  const h = s / 2;
  if (shape === 'diamond') return `M${h} 1 L${s - 1} ${h} L${h} ${s - 1} L1 ${h} Z`;
  if (shape === 'round-rectangle') {
    const r = s * 0.22;
    return `M${1 + r} 2 H${s - 1 - r} Q${s - 1} 2 ${s - 1} ${2 + r} V${s - 2 - r} Q${s - 1} ${s - 2} ${s - 1 - r} ${s - 2} H${1 + r} Q1 ${s - 2} 1 ${s - 2 - r} V${2 + r} Q1 2 ${1 + r} 2 Z`;
  }
  return `M1 ${h} A${h - 1} ${h - 1} 0 1 0 ${s - 1} ${h} A${h - 1} ${h - 1} 0 1 0 1 ${h} Z`;
}

/**
 * The Cytoscape stylesheet. Classes set by the canvas:
 * `focus` (the centre actor), `expanded`, `filtered` (hidden by a filter),
 * `dormant` (node with no edge in force under the current filters),
 * `hover` (edge label shown), `path` / `off-path` (path finder highlight).
 */
export function cytoscapeStylesheet(): StylesheetJson {
  // Typed loosely: the bundled typings reject valid properties (e.g. `min-zoomed-font-size` with numbers).
  const sheet: { selector: string; style: Record<string, string | number> }[] = [
    {
      selector: 'node',
      style: {
        width: 26,
        height: 26,
        'border-width': 1.5,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 11,
        'font-weight': 500,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'line-height': 1.15,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'text-outline-opacity': 0.95,
        // Labels drop out when zoomed far out: unreadable anyway and the costliest thing to draw.
        'min-zoomed-font-size': 7,
        'overlay-padding': 4,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...ACTOR_KINDS.map((k) => ({
      selector: `node[kind = "${k}"]`,
      style: { shape: KIND_STYLES[k].shape, 'background-color': KIND_STYLES[k].color, 'border-color': KIND_STYLES[k].border },
    })),
    { selector: 'node[kind = "INSTITUTION"]', style: { width: 30, height: 24 } },
    { selector: 'node[kind = "STATE"]', style: { width: 32, height: 32 } },
    {
      selector: 'node.focus',
      style: { width: 40, height: 40, 'border-width': 4, 'border-color': ACCENT, 'font-size': 13, 'font-weight': 700, 'z-index': 10 },
    },
    { selector: 'node.focus[kind = "INSTITUTION"]', style: { width: 46, height: 36 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-style': 'double' } },
    {
      selector: 'edge',
      style: {
        width: 1.8,
        'curve-style': 'bezier',
        'arrow-scale': 0.9,
        label: '',
        'font-size': 10,
        'font-family': FONT,
        color: NEUTRAL_EDGE_LABEL,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.92,
        'text-background-padding': '3px',
        'text-background-shape': 'round-rectangle',
        'text-border-color': '#cbd2d9',
        'text-border-width': 1,
        'text-border-opacity': 1,
        'text-rotation': 'autorotate',
        'overlay-padding': 3,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...RELATIONSHIP_TYPES.map((t) => ({
      selector: `edge[type = "${t}"]`,
      style: {
        'line-color': TYPE_STYLES[t].color,
        'line-style': TYPE_STYLES[t].line,
        'target-arrow-color': TYPE_STYLES[t].color,
        'target-arrow-shape': TYPE_STYLES[t].arrow,
      },
    })),
    { selector: 'edge.hover, edge:selected', style: { label: 'data(label)', width: 3, 'z-index': 20 } },
    { selector: 'node:selected', style: { 'overlay-color': ACCENT, 'overlay-opacity': 0.18, 'border-color': ACCENT, 'border-width': 3 } },
    { selector: 'edge:selected', style: { 'overlay-color': ACCENT, 'overlay-opacity': 0.15 } },
    { selector: '.dormant', style: { opacity: 0.32 } },
    { selector: '.off-path', style: { opacity: 0.14 } },
    { selector: 'node.path', style: { 'border-color': ACCENT, 'border-width': 4, 'z-index': 30 } },
    { selector: 'edge.path', style: { width: 4.5, 'z-index': 30 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return sheet as unknown as StylesheetJson;
}
