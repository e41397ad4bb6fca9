/**
 * Draws a curated map as one self-contained SVG string: nodes at their saved
 * positions, edges styled as on the canvas, annotations as notes with leader
 * lines and, for exports, a title block, a legend and the list of sources.
 * Pure (no DOM), so the same drawing is the server-rendered fallback of
 * /maps/[id] (`chrome: false`) and the SVG/PNG export (`chrome: true`).
 * Every piece of text goes through `escapeXml`: names, notes and titles are
 * user data.
 */
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from '@/graph/core/model';
import { KIND_STYLES, TYPE_STYLES, dashArray, shapePath, wrapWords, type NodeShape } from './graph-style';
import type { AnnotationTarget, MapRecord } from './map-records';

export interface MapDrawing {
  title: string;
  description?: string | null;
  asOf?: string | null;
  nodes: { id: string; label: string; kind: ActorKind; x: number; y: number; deleted: boolean }[];
  edges: { id: string; source: string; target: string; type: RelationshipType; deleted: boolean }[];
  annotations: { id: string; text: string; target: AnnotationTarget; targetId: string | null; x: number | null; y: number | null }[];
  sources: { title: string; publisher?: string | null; published?: string | null; url?: string | null; wordingWarning?: string | null }[];
}

export interface SvgOptions {
  /** Title block, legend and sources (exports); without, the drawing alone (page fallback). */
  chrome: boolean;
  /** Where the export can be found again, printed under the sources. */
  link?: string;
  /** What the picture is, in the footer: "Steppe curated map" unless told. */
  credit?: string;
}

/** Live names and kinds where the record still exists, the saved ones where it was deleted. */
export function drawingFromMap(map: MapRecord): MapDrawing {
  return {
    title: map.title,
    description: map.description,
    asOf: map.asOf,
    nodes: map.nodes.map((n) => ({
      id: n.actorId,
      label: n.actor?.name ?? n.savedName,
      kind: n.actor?.kind ?? n.savedKind,
      x: n.x,
      y: n.y,
      deleted: n.deleted,
    })),
    edges: map.edges.map((e) => ({
      id: e.relationshipId,
      source: e.relationship?.source.id ?? e.savedSource,
      target: e.relationship?.target.id ?? e.savedTarget,
      type: e.relationship?.type ?? e.savedType,
      deleted: e.deleted,
    })),
    annotations: map.annotations,
    sources: map.sources,
  };
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Noto Sans, Liberation Sans, Arial, sans-serif';
const INK = '#16191e';
const MUTED = '#535b66';
/** The wording warning's colour (globals.css --warning). */
const WARNING = '#8a5a00';
const RULE = '#e1e4e9';
const DELETED = '#8a929c';
const NOTE_FILL = '#fdf8e8';
const NOTE_BORDER = '#c9a94f';
const LABEL_SIZE = 11;
/** Node sizes equal the canvas stylesheet's (graph-style.ts). */
const NODE_SIZE: Record<ActorKind, [number, number]> = { PERSON: [26, 26], INSTITUTION: [30, 24], STATE: [32, 32] };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Rough text width for a sans-serif face; enough to wrap and to keep boxes from colliding. */
function textWidth(s: string, size: number): number {
  return s.length * size * 0.56;
}

/** Greedy word wrap (shared with the canvas's node labels). */
export const wrap = wrapWords;

/** An address on at most two lines, cut anywhere (it has no spaces to wrap at), so a long one stays checkable rather than becoming "…". */
function urlLines(url: string, chars: number): string[] {
  if (url.length <= chars) return [url];
  const rest = url.slice(chars);
  return [url.slice(0, chars), rest.length <= chars ? rest : `${rest.slice(0, chars - 1)}…`];
}

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function nodeShape(kind: ActorKind, x: number, y: number, fill: string, stroke: string, dashed: boolean): string {
  const [w, h] = NODE_SIZE[kind];
  const shape: NodeShape = KIND_STYLES[kind].shape;
  const dash = dashed ? ' stroke-dasharray="3 2"' : '';
  if (shape === 'ellipse') return `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${w / 2}" ry="${h / 2}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${dash}/>`;
  if (shape === 'round-rectangle')
    return `<rect x="${f(x - w / 2)}" y="${f(y - h / 2)}" width="${w}" height="${h}" rx="5" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${dash}/>`;
  return `<path d="M${f(x)} ${f(y - h / 2)} L${f(x + w / 2)} ${f(y)} L${f(x)} ${f(y + h / 2)} L${f(x - w / 2)} ${f(y)} Z" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${dash}/>`;
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

function arrowMarkers(types: RelationshipType[]): string {
  return types
    .map((t) => {
      const s = TYPE_STYLES[t];
      if (s.arrow === 'none') return '';
      const path = s.arrow === 'tee' ? 'M8 0 V10' : s.arrow === 'vee' ? 'M0 0 L10 5 L0 10 L3 5 Z' : 'M0 0 L10 5 L0 10 Z';
      const stroke = s.arrow === 'tee' ? ` stroke="${s.color}" stroke-width="2.4" fill="none"` : ` fill="${s.color}"`;
      return `<marker id="arrow-${t}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="${path}"${stroke}/></marker>`;
    })
    .join('');
}

/** Marker radius of a note on the drawing. */
export const MARKER_R = 9;

/**
 * Where a note's numbered marker goes, in drawing units: up and to the right
 * of its actor, on its relationship's midpoint, or at its canvas position.
 * Shared with the interactive canvas (which passes its own `pos`).
 */
export function markerPosition(
  a: MapDrawing['annotations'][number],
  placed: ReadonlyMap<string, { x: number; y: number }>,
  edgeMid: ReadonlyMap<string, { x: number; y: number }>,
  pos: (x: number, y: number) => { x: number; y: number },
  nodes: ReadonlyMap<string, { kind: ActorKind }>,
): { x: number; y: number } | null {
  if (a.target === 'NODE' && a.targetId && placed.has(a.targetId)) {
    const p = placed.get(a.targetId)!;
    const r = radius(nodes.get(a.targetId)!.kind);
    return { x: p.x + r + 3, y: p.y - r - 3 };
  }
  if (a.target === 'EDGE' && a.targetId && edgeMid.has(a.targetId)) return edgeMid.get(a.targetId)!;
  if (a.target === 'CANVAS' && a.x !== null && a.y !== null) return pos(a.x, a.y);
  return null;
}

/** Reading scale: a map spread wide is drawn closer together, a tight one further apart (sizes stay fixed). */
function readingScale(spanX: number, spanY: number): number {
  return Math.max(0.6, Math.min(1.6, 900 / Math.max(spanX, spanY * 1.4, 1)));
}

/** Positions everything; the SVG fragments in drawing units (model × scale, origin at the top-left node). */
function drawMap(d: MapDrawing, scaleOverride?: number) {
  const nodes = new Map(d.nodes.map((n) => [n.id, n]));
  // Positions are model coordinates; spread them to a comfortable reading scale (sizes stay fixed).
  const xs = d.nodes.map((n) => n.x);
  const ys = d.nodes.map((n) => n.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const spanX = xs.length ? Math.max(...xs) - minX : 0;
  const spanY = ys.length ? Math.max(...ys) - minY : 0;
  const scale = scaleOverride ?? readingScale(spanX, spanY);
  const pos = (x: number, y: number) => ({ x: (x - minX) * scale, y: (y - minY) * scale });
  const placed = new Map(d.nodes.map((n) => [n.id, pos(n.x, n.y)]));

  const body: string[] = [];
  const obstacles: Rect[] = [];

  // ---- edges (parallel edges between one pair bend apart)
  const pairs = new Map<string, string[]>();
  for (const e of d.edges) {
    if (!placed.has(e.source) || !placed.has(e.target)) continue;
    const key = [e.source, e.target].sort().join('\u0000');
    pairs.set(key, [...(pairs.get(key) ?? []), e.id]);
  }
  const edgeMid = new Map<string, { x: number; y: number }>();
  for (const e of d.edges) {
    const a = placed.get(e.source);
    const b = placed.get(e.target);
    if (!a || !b) continue;
    const siblings = pairs.get([e.source, e.target].sort().join('\u0000'))!;
    const i = siblings.indexOf(e.id);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // Perpendicular offset, signed by the canonical pair direction so siblings fan out both ways.
    const flip = e.source < e.target ? 1 : -1;
    const bend = (i - (siblings.length - 1) / 2) * 22 * flip;
    const cx = (a.x + b.x) / 2 + (-dy / len) * bend;
    const cy = (a.y + b.y) / 2 + (dx / len) * bend;
    // Stop short of the node outlines so arrowheads stay visible.
    const ra = radius(nodes.get(e.source)!.kind);
    const rb = radius(nodes.get(e.target)!.kind) + 2;
    const sa = towards(a, { x: cx, y: cy }, ra);
    const sb = towards(b, { x: cx, y: cy }, rb);
    const style = TYPE_STYLES[e.type];
    const color = e.deleted ? DELETED : style.color;
    const dash = e.deleted ? '2 3' : dashArray(style.line);
    const marker = !e.deleted && style.arrow !== 'none' ? ` marker-end="url(#arrow-${e.type})"` : '';
    const d0 = bend === 0 ? `M${f(sa.x)} ${f(sa.y)} L${f(sb.x)} ${f(sb.y)}` : `M${f(sa.x)} ${f(sa.y)} Q${f(cx)} ${f(cy)} ${f(sb.x)} ${f(sb.y)}`;
    const mid = bend === 0 ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : { x: (a.x + b.x) / 4 + cx / 2, y: (a.y + b.y) / 4 + cy / 2 };
    edgeMid.set(e.id, mid);
    body.push(
      `<path d="${d0}" fill="none" stroke="${color}" stroke-width="1.8"${dash ? ` stroke-dasharray="${dash}"` : ''}${marker} data-edge="${escapeXml(e.id)}"><title>${escapeXml(`${style.label}${e.deleted ? ' (deleted since the map was saved)' : ''}`)}</title></path>`,
    );
    if (e.deleted) body.push(cross(mid.x, mid.y));
  }

  // ---- nodes and labels
  const labels: string[] = [];
  for (const n of d.nodes) {
    const p = placed.get(n.id)!;
    const k = KIND_STYLES[n.kind];
    body.push(nodeShape(n.kind, p.x, p.y, n.deleted ? '#eef0f3' : k.color, n.deleted ? DELETED : k.border, n.deleted));
    if (n.deleted) body.push(cross(p.x, p.y));
    const lines = wrap(n.label, 20, 3);
    if (n.deleted) lines.push('(deleted)');
    const top = p.y + NODE_SIZE[n.kind][1] / 2 + 4;
    const width = Math.max(...lines.map((l) => textWidth(l, LABEL_SIZE)));
    obstacles.push({ x1: p.x - NODE_SIZE[n.kind][0] / 2 - 2, y1: p.y - NODE_SIZE[n.kind][1] / 2 - 2, x2: p.x + NODE_SIZE[n.kind][0] / 2 + 2, y2: p.y + NODE_SIZE[n.kind][1] / 2 + 2 });
    obstacles.push({ x1: p.x - width / 2, y1: top, x2: p.x + width / 2, y2: top + lines.length * 13 + 2 });
    labels.push(
      `<text x="${f(p.x)}" y="${f(top + 10)}" text-anchor="middle" font-size="${LABEL_SIZE}" font-weight="500" fill="${n.deleted ? MUTED : INK}" stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round" data-node="${escapeXml(n.id)}">${lines
        .map((l, i) => `<tspan x="${f(p.x)}" dy="${i === 0 ? 0 : 13}"${n.deleted && i === lines.length - 1 ? ' font-style="italic"' : ''}>${escapeXml(l)}</tspan>`)
        .join('')}</text>`,
    );
  }

  // ---- annotations: a numbered marker by what each is about; the text is listed beside (page) or below (export),
  // so long notes never cover the drawing.
  const notes: string[] = [];
  const markers = new Map<string, { x: number; y: number }>();
  d.annotations.forEach((a, i) => {
    const at = markerPosition(a, placed, edgeMid, pos, nodes);
    if (!at) return;
    markers.set(a.id, at);
    obstacles.push({ x1: at.x - MARKER_R, y1: at.y - MARKER_R, x2: at.x + MARKER_R, y2: at.y + MARKER_R });
    notes.push(
      `<g data-annotation="${escapeXml(a.id)}"><circle cx="${f(at.x)}" cy="${f(at.y)}" r="${MARKER_R}" fill="${NOTE_FILL}" stroke="${NOTE_BORDER}" stroke-width="1.2"/>` +
        `<text x="${f(at.x)}" y="${f(at.y + 3.8)}" text-anchor="middle" font-size="10.5" font-weight="700" fill="${INK}">${i + 1}</text><title>${escapeXml(a.text)}</title></g>`,
    );
  });

  // ---- the drawing's extent
  const bounds = obstacles.reduce((b, r) => ({ x1: Math.min(b.x1, r.x1), y1: Math.min(b.y1, r.y1), x2: Math.max(b.x2, r.x2), y2: Math.max(b.y2, r.y2) }), {
    x1: 0,
    y1: 0,
    x2: 0,
    y2: 0,
  });
  return { body, labels, notes, bounds, markers, scale };
}

/** The map as an SVG document string. */
export function renderMapSvg(d: MapDrawing, opts: SvgOptions): string {
  const { body, labels, notes, bounds, markers } = drawMap(d);
  const pad = 24;
  const drawingW = bounds.x2 - bounds.x1 + pad * 2;
  const drawingH = bounds.y2 - bounds.y1 + pad * 2;
  const drawing = `<g transform="translate(${f(pad - bounds.x1)} ${f(pad - bounds.y1)})">${body.join('')}${labels.join('')}${notes.join('')}</g>`;
  const usedTypes = RELATIONSHIP_TYPES.filter((t) => d.edges.some((e) => e.type === t && !e.deleted));
  const defs = `<defs>${arrowMarkers(usedTypes)}</defs>`;
  const label = `Map: ${d.title}. ${d.nodes.length} actors and ${d.edges.length} relationships${d.annotations.length ? `, ${d.annotations.length} notes` : ''}.`;

  if (!opts.chrome) {
    return svgDoc(drawingW, drawingH, label, `${defs}<rect width="100%" height="100%" fill="#fff"/>${drawing}`);
  }

  // ---- export: title block above, legend and sources below
  const width = Math.max(drawingW, 760);
  const margin = 32;
  const head: string[] = [];
  let y = margin - 5;
  // A long title wraps (at most three lines, bold 22 px) instead of running off the image.
  const titleChars = Math.floor((width - margin * 2) / (22 * 0.6));
  for (const line of wrap(d.title, titleChars, 3)) {
    y += 27;
    head.push(`<text x="${margin}" y="${y}" font-size="22" font-weight="700" fill="${INK}">${escapeXml(line)}</text>`);
  }
  const descChars = Math.floor((width - margin * 2) / (13 * 0.54));
  for (const line of d.description ? wrap(d.description, descChars, 4) : []) {
    y += 19;
    head.push(`<text x="${margin}" y="${y}" font-size="13" fill="${MUTED}">${escapeXml(line)}</text>`);
  }
  const facts = [`${d.nodes.length} actors`, `${d.edges.length} relationships`, d.asOf ? `as of ${d.asOf}` : null].filter(Boolean).join(' · ');
  y += 19;
  head.push(`<text x="${margin}" y="${y}" font-size="12" fill="${MUTED}">${escapeXml(facts)}</text>`);
  y += 14;
  head.push(`<line x1="${margin}" x2="${width - margin}" y1="${y}" y2="${y}" stroke="${RULE}"/>`);
  const drawingTop = y + 4;
  const dx = (width - drawingW) / 2;
  let by = drawingTop + drawingH + 8;

  const foot: string[] = [`<line x1="${margin}" x2="${width - margin}" y1="${by}" y2="${by}" stroke="${RULE}"/>`];
  by += 24;
  foot.push(`<text x="${margin}" y="${by}" font-size="11" font-weight="700" fill="${MUTED}" letter-spacing="0.06em">LEGEND</text>`);
  by += 10;
  // Legend items flow left to right and wrap.
  const items: { w: number; svg: (x: number, y: number) => string }[] = [];
  for (const k of ACTOR_KINDS.filter((k) => d.nodes.some((n) => n.kind === k && !n.deleted))) {
    const s = KIND_STYLES[k];
    items.push({
      w: 24 + textWidth(s.label, 12) + 18,
      svg: (x, yy) =>
        `<path d="${shapePath(s.shape, 14)}" transform="translate(${f(x)} ${f(yy - 11)})" fill="${s.color}" stroke="${s.border}"/><text x="${f(x + 20)}" y="${f(yy)}" font-size="12" fill="${INK}">${escapeXml(s.label)}</text>`,
    });
  }
  for (const t of usedTypes) {
    const s = TYPE_STYLES[t];
    const dash = dashArray(s.line);
    items.push({
      w: 34 + textWidth(s.label, 12) + 18,
      svg: (x, yy) =>
        `<line x1="${f(x)}" x2="${f(x + 26)}" y1="${f(yy - 4)}" y2="${f(yy - 4)}" stroke="${s.color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}${s.arrow !== 'none' ? ` marker-end="url(#arrow-${t})"` : ''}/><text x="${f(x + 32)}" y="${f(yy)}" font-size="12" fill="${INK}">${escapeXml(s.label)}</text>`,
    });
  }
  if (d.nodes.some((n) => n.deleted) || d.edges.some((e) => e.deleted)) {
    items.push({
      w: 34 + textWidth('Deleted since saved', 12) + 18,
      svg: (x, yy) =>
        `<line x1="${f(x)}" x2="${f(x + 26)}" y1="${f(yy - 4)}" y2="${f(yy - 4)}" stroke="${DELETED}" stroke-width="2" stroke-dasharray="2 3"/>${cross(x + 13, yy - 4)}<text x="${f(x + 32)}" y="${f(yy)}" font-size="12" fill="${INK}">Deleted since saved</text>`,
    });
  }
  if (d.annotations.length) {
    items.push({
      w: 24 + textWidth('Note (listed below)', 12) + 18,
      svg: (x, yy) =>
        `<circle cx="${f(x + 7)}" cy="${f(yy - 4)}" r="7" fill="${NOTE_FILL}" stroke="${NOTE_BORDER}"/><text x="${f(x + 7)}" y="${f(yy - 0.5)}" text-anchor="middle" font-size="9" font-weight="700" fill="${INK}">1</text><text x="${f(x + 20)}" y="${f(yy)}" font-size="12" fill="${INK}">Note (listed below)</text>`,
    });
  }
  let lx = margin;
  by += 16;
  for (const item of items) {
    if (lx + item.w > width - margin) {
      lx = margin;
      by += 22;
    }
    foot.push(item.svg(lx, by));
    lx += item.w;
  }

  const listed = d.annotations.filter((a) => markers.has(a.id));
  if (listed.length) {
    by += 30;
    foot.push(`<text x="${margin}" y="${by}" font-size="11" font-weight="700" fill="${MUTED}" letter-spacing="0.06em">NOTES</text>`);
    const chars = Math.floor((width - margin * 2 - 24) / (12.5 * 0.52));
    d.annotations.forEach((a, i) => {
      if (!markers.has(a.id)) return;
      wrap(a.text, chars, 6).forEach((line, j) => {
        by += j === 0 ? 21 : 17;
        foot.push(
          `${j === 0 ? `<circle cx="${margin + 8}" cy="${by - 4.5}" r="8" fill="${NOTE_FILL}" stroke="${NOTE_BORDER}"/><text x="${margin + 8}" y="${by - 0.8}" text-anchor="middle" font-size="10" font-weight="700" fill="${INK}">${i + 1}</text>` : ''}<text x="${margin + 24}" y="${by}" font-size="12.5" fill="${INK}">${escapeXml(line)}</text>`,
        );
      });
    });
  }

  if (d.sources.length) {
    by += 30;
    foot.push(`<text x="${margin}" y="${by}" font-size="11" font-weight="700" fill="${MUTED}" letter-spacing="0.06em">SOURCES</text>`);
    const chars = Math.floor((width - margin * 2 - 20) / (12 * 0.54));
    d.sources.forEach((s, i) => {
      const text = [s.title, s.publisher, s.published].filter(Boolean).join(' · ');
      // Each line with its colour: the entry, then the wording warning (a paraphrased copy, a translation), then the original address.
      const lines: [string, string][] = wrap(text, chars, 2).map((l) => [l, INK]);
      if (s.wordingWarning) lines.push(...wrap(`⚠ ${s.wordingWarning}`, chars, 2).map((l): [string, string] => [l, WARNING]));
      if (s.url) lines.push(...urlLines(s.url, chars).map((l): [string, string] => [l, '#2253b8']));
      lines.forEach(([line, colour], j) => {
        by += j === 0 ? 20 : 16;
        foot.push(
          `${j === 0 ? `<text x="${margin}" y="${by}" font-size="12" fill="${MUTED}">${i + 1}.</text>` : ''}<text x="${margin + 20}" y="${by}" font-size="12" fill="${colour}">${escapeXml(line)}</text>`,
        );
      });
    });
  }
  by += 28;
  foot.push(
    `<text x="${margin}" y="${by}" font-size="11" fill="${MUTED}">${escapeXml(`${opts.credit ?? 'Steppe curated map'}${opts.link ? ` · ${opts.link}` : ''} · every relationship is quoted from its sources`)}</text>`,
  );
  const height = by + margin - 8;
  return svgDoc(
    width,
    height,
    label,
    `${defs}<rect width="100%" height="100%" fill="#fff"/>${head.join('')}<g transform="translate(${f(dx)} ${f(drawingTop)})">${drawing}</g>${foot.join('')}`,
  );
}

function svgDoc(w: number, h: number, label: string, inner: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(w)}" height="${Math.ceil(h)}" viewBox="0 0 ${Math.ceil(w)} ${Math.ceil(h)}" role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(FONT)}">${inner}</svg>`;
}

function radius(kind: ActorKind): number {
  return Math.max(...NODE_SIZE[kind]) / 2;
}

function towards(from: { x: number; y: number }, to: { x: number; y: number }, by: number) {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) / len) * by, y: from.y + ((to.y - from.y) / len) * by };
}

/** The "deleted since" mark: a small grey cross. */
function cross(x: number, y: number): string {
  return `<path d="M${f(x - 4)} ${f(y - 4)} L${f(x + 4)} ${f(y + 4)} M${f(x + 4)} ${f(y - 4)} L${f(x - 4)} ${f(y + 4)}" stroke="#b42318" stroke-width="2" stroke-linecap="round"/>`;
}
