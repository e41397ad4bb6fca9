/**
 * The one visual vocabulary of the explorer: how each actor kind and each
 * relationship type looks. The Cytoscape canvas and the legend both read it,
 * so the legend can never disagree with the drawing.
 */
import type { StylesheetJson } from 'cytoscape';
import { RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type ActorKind, type RelationshipType } from '@/graph/core/model';

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

/** Fills equal the `--kind-*` tokens in app/globals.css (checked by tests/unit/app/graph-style.test.ts). */
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
  COOPERATED_WITH: { color: '#0f766e', line: 'dashed' },
  CRITICIZED: { color: '#9d174d', line: 'dotted', arrow: 'tee' },
  VISITED: { color: '#1d4ed8', line: 'dotted', arrow: 'vee' },
  MET_WITH: { color: '#475569', line: 'dashed' },
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

/** Node box per kind, in model units: the look is carried on each element's data (see nodeStyleData). */
const KIND_SIZE: Record<ActorKind, { w: number; h: number }> = {
  PERSON: { w: 26, h: 26 },
  INSTITUTION: { w: 30, h: 24 },
  STATE: { w: 32, h: 32 },
};

/** Focus box: larger than any kind's plain box, keeping the institution's wider-than-tall shape. */
const FOCUS_MIN = 40;

/**
 * Style fields a node carries in its data, read by `data(...)` mappers: one
 * rule for every node instead of one selector per kind, which Cytoscape would
 * test against every element on each style pass (about 1.3 s at 5 000 elements).
 * `scale` enlarges the node (size by centrality); `color` overrides the fill
 * (colour by community) and darkens into the border.
 */
export interface NodeStyleData {
  shape: NodeShape;
  color: string;
  border: string;
  w: number;
  h: number;
  /** Box when the node is the focus. */
  fw: number;
  fh: number;
}

export function nodeStyleData(kind: ActorKind, opts: { scale?: number; color?: string } = {}): NodeStyleData {
  const k = KIND_STYLES[kind];
  const box = KIND_SIZE[kind];
  const scale = opts.scale ?? 1;
  const w = round1(box.w * scale);
  const h = round1(box.h * scale);
  const grow = Math.max(FOCUS_MIN / box.h, 1.25 * scale);
  return {
    shape: k.shape,
    color: opts.color ?? k.color,
    border: opts.color ? darken(opts.color, 0.35) : k.border,
    w,
    h,
    fw: round1(box.w * grow),
    fh: round1(box.h * grow),
  };
}

/** Style fields an edge carries in its data (see nodeStyleData for why). */
export interface EdgeStyleData {
  color: string;
  line: LineStyle;
  arrow: ArrowShape;
}

export function edgeStyleData(type: RelationshipType): EdgeStyleData {
  const t = TYPE_STYLES[type];
  return { color: t.color, line: t.line, arrow: t.arrow };
}

/**
 * Above this many elements (nodes + edges) the canvas uses the large-graph
 * stylesheet: haystack edges without arrowheads (bezier edges separate
 * parallel edges but cost control points, parallel-edge checks and arrow
 * drawing per edge, about 0.8 s at 5 000 elements, and at that density
 * neither the separation nor the arrowheads are readable; the direction stays
 * in the edge label and the details panel), no opacity transitions, and node
 * labels only once zoomed in past the fit.
 */
export const LARGE_GRAPH_ELEMENTS = 1000;

/** Rendered font size (px) below which a large graph's node labels are not drawn: 11 px × zoom ≥ 14 px means zoom ≥ 1.27, just past the fit's cap. */
export const LARGE_GRAPH_LABEL_MIN_PX = 14;

/** Canvas classes that show an edge's label: `near` (touches the selection or the hovered node), `kbd` (keyboard focus), `zoomed` (zoomed in to read). */
export const EDGE_LABEL_CLASSES = ['near', 'kbd', 'zoomed'] as const;

/** Characters per line and lines of a node's label on the canvas; the rest is cut with "…" (full name on hover). */
const NODE_LABEL_CHARS = 20;
const NODE_LABEL_LINES = 2;

/** A node's label as drawn: the name wrapped at word breaks to two short lines, cut with "…" when longer. */
export function nodeLabelText(name: string): string {
  return wrapWords(name, NODE_LABEL_CHARS, NODE_LABEL_LINES).join('\n');
}

/** Greedy word wrap to `max` characters per line (long words are cut); past `maxLines` the last line ends in "…". */
export function wrapWords(text: string, max: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\n+/)) {
    let line = '';
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > max) {
        if (line) lines.push(line);
        lines.push(word.slice(0, max));
        word = word.slice(max);
        line = '';
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= max) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].replace(/\s*\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

/** Marks of the diff view (relationships started / ended between two dates). */
export const DIFF_STYLES = {
  added: { label: 'Started', color: '#15803d', line: 'solid' as LineStyle },
  removed: { label: 'Ended', color: '#b91c1c', line: 'dashed' as LineStyle },
};

/**
 * The Cytoscape stylesheet. Looks come from element data (nodeStyleData,
 * edgeStyleData); classes set by the canvas:
 * `focus` (the centre actor), `expanded`, `filtered` (hidden by a filter),
 * `dormant` (node with no edge in force under the current filters),
 * `hover` (edge label shown), `path` / `off-path` (path finder highlight),
 * `diff-added` / `diff-removed` (diff view), `timeline` (timeline event's actors).
 * `large`: the canvas holds more than LARGE_GRAPH_ELEMENTS elements.
 */
export function cytoscapeStylesheet(opts: { large?: boolean } = {}): StylesheetJson {
  // Typed loosely: the bundled typings reject valid properties (e.g. `min-zoomed-font-size` with numbers).
  const sheet: { selector: string; style: Record<string, string | number> }[] = [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': 'data(color)',
        'border-color': 'data(border)',
        'border-width': 1.5,
        // The wrapped, truncated name (nodeLabelText); the full name shows on hover and selection.
        label: 'data(short)',
        // Drawn strictly by z-index, so an emphasised edge and its label can sit above the nodes.
        'z-index-compare': 'manual',
        'z-index': 10,
        'font-family': FONT,
        'font-size': 11,
        'font-weight': 500,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '220px',
        'line-height': 1.15,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        // Labels drop out when zoomed far out: unreadable anyway and the costliest thing to draw. In a large
        // graph (hundreds of nodes, overlapping at the fitted zoom) they appear once zoomed in past the fit.
        'min-zoomed-font-size': opts.large ? LARGE_GRAPH_LABEL_MIN_PX : 7,
        'overlay-padding': 4,
        ...(opts.large ? {} : { 'transition-property': 'opacity', 'transition-duration': 150 }),
      },
    },
    {
      selector: 'node.focus',
      style: { width: 'data(fw)', height: 'data(fh)', 'border-width': 4, 'border-color': ACCENT, 'font-size': 13, 'font-weight': 700, 'z-index': 11 },
    },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-style': 'double' } },
    {
      // Only what every edge needs: Cytoscape checks each non-default property of each element on every style pass.
      selector: 'edge',
      style: opts.large
        ? // Haystack lines (no arrowheads): a fraction of the drawing and bounds work of straight or bezier edges.
          { width: 1.8, 'curve-style': 'haystack', 'line-color': 'data(color)', 'line-style': 'data(line)', 'z-index-compare': 'manual', 'z-index': 1 }
        : {
            width: 1.8,
            'z-index-compare': 'manual',
            'z-index': 1,
            // Bezier edges bend parallel edges between one pair apart, far enough for their labels.
            'curve-style': 'bezier',
            'control-point-step-size': 46,
            'line-color': 'data(color)',
            'line-style': 'data(line)',
            'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'data(arrow)',
            'arrow-scale': 0.9,
            'transition-property': 'opacity',
            'transition-duration': 150,
          },
    },
    {
      selector: 'edge.diff-added',
      style: { width: 3.5, 'line-color': DIFF_STYLES.added.color, 'target-arrow-color': DIFF_STYLES.added.color, 'line-style': 'solid', 'z-index': 5 },
    },
    {
      selector: 'edge.diff-removed',
      style: { width: 3.5, 'line-color': DIFF_STYLES.removed.color, 'target-arrow-color': DIFF_STYLES.removed.color, 'line-style': 'dashed', 'z-index': 5 },
    },
    {
      // Edge labels (and their look) only where they are shown: on the selected element's edges (`near`), on
      // hover and keyboard focus, and on every edge once zoomed in far enough to read them (`zoomed`).
      selector: `edge.hover, edge:selected, ${EDGE_LABEL_CLASSES.map((c) => `edge.${c}`).join(', ')}`,
      style: {
        label: 'data(label)',
        // Small in model units: readable (about 10 px) at a typical fit, not shouting once zoomed in.
        'font-size': 8,
        'font-family': FONT,
        color: NEUTRAL_EDGE_LABEL,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.92,
        'text-background-padding': '2px',
        'text-background-shape': 'round-rectangle',
        'text-border-color': '#cbd2d9',
        'text-border-width': 1,
        'text-border-opacity': 1,
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 0,
        'overlay-padding': 3,
      },
    },
    // A selection's label that would cover a node or another label (edge-labels.ts: thinEdgeLabels).
    { selector: 'edge.crowded', style: { label: '' } },
    {
      // What the reader points at or picked is drawn above the nodes, label included.
      selector: 'edge.hover, edge:selected, edge.near, edge.kbd',
      style: { 'z-index': 20 },
    },
    { selector: 'edge.hover, edge:selected, edge.kbd', style: { width: 3 } },
    {
      // The full name (wrapped, above the rest) where the short label was cut.
      selector: 'node.hover, node:selected, node.kbd',
      style: { label: 'data(label)', 'z-index': 25, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px' },
    },
    { selector: 'node:selected', style: { 'overlay-color': ACCENT, 'overlay-opacity': 0.18, 'border-color': ACCENT, 'border-width': 3 } },
    { selector: 'edge:selected', style: { 'overlay-color': ACCENT, 'overlay-opacity': 0.15 } },
    { selector: '.dormant', style: { opacity: 0.32 } },
    // Undated under a date (the view's "show undated" switch): never drawn as in force.
    { selector: 'edge.undated', style: { 'line-style': 'dotted', opacity: 0.5 } },
    { selector: '.off-path', style: { opacity: 0.14 } },
    { selector: 'node.path', style: { 'border-color': ACCENT, 'border-width': 4, 'z-index': 12 } },
    { selector: 'edge.path', style: { width: 4.5, 'z-index': 6 } },
    { selector: 'edge.kbd, node.kbd', style: { 'overlay-color': ACCENT, 'overlay-opacity': 0.22, 'overlay-padding': 6 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return sheet as unknown as StylesheetJson;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** `#rrggbb` mixed toward black by `amount` (0..1). */
export function darken(hex: string, amount: number): string {
  const c = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - amount)));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
