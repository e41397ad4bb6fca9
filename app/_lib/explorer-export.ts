/**
 * The explorer's exports. The picture (SVG, and the PNG drawn from it) goes
 * through the curated maps' renderer (map-svg.ts), so an export stands alone
 * like a map does: a title naming the focus and the filters, the as-of date,
 * a legend of the kinds and types drawn, and the sources. The JSON carries the
 * visible records, the view and every node's position, so opening it again
 * gives the same picture.
 */
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from '@/graph/core/model';
import { KIND_STYLES, TYPE_STYLES } from './graph-style';
import { visibleSubgraphExport, type LoadedGraph, type Visibility } from './graph-view';
import type { MapDrawing } from './map-svg';
import { formatPartialDate } from '@/app/_reference/format';
import { LAYOUTS, type LayoutName, type ViewState } from './url-state';

export type Positions = Record<string, { x: number; y: number }>;

/** "Network around Kassym-Jomart Tokayev, with Russia expanded". */
export function exportTitle(graph: LoadedGraph, view: Pick<ViewState, 'actor' | 'expanded'>): string {
  const name = (id: string) => graph.actors.get(id)?.name ?? id;
  const expanded = view.expanded.map(name);
  return `Network around ${name(view.actor)}${expanded.length ? `, with ${listOf(expanded)} expanded` : ''}`;
}

/** The filters in words, or null when nothing is filtered: "Not shown: Opposed, Supported relationships; states." */
export function filterDescription(view: Pick<ViewState, 'hiddenTypes' | 'hiddenKinds'>): string | null {
  const types = RELATIONSHIP_TYPES.filter((t) => view.hiddenTypes.includes(t)).map((t) => TYPE_STYLES[t].label);
  const kinds = ACTOR_KINDS.filter((k) => view.hiddenKinds.includes(k)).map((k) => `${KIND_STYLES[k].label.toLowerCase()}s`);
  const parts = [types.length ? `${listOf(types)} relationships` : null, kinds.length ? listOf(kinds) : null].filter(Boolean);
  return parts.length ? `Not shown: ${parts.join('; ')}.` : null;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The visible part of the explorer's graph as a drawing for map-svg.ts, nodes where the canvas has them. */
export function explorerDrawing(graph: LoadedGraph, visibility: Visibility, view: ViewState, positions: Positions): MapDrawing {
  const nodes = [...graph.actors.values()]
    .filter((a) => !visibility.hidden.has(a.id) && positions[a.id])
    .map((a) => ({ id: a.id, label: a.name, kind: a.kind as ActorKind, x: positions[a.id].x, y: positions[a.id].y, deleted: false }));
  const drawn = new Set(nodes.map((n) => n.id));
  const relationships = [...graph.relationships.values()].filter((r) => !visibility.hidden.has(r.id) && drawn.has(r.source.id) && drawn.has(r.target.id));
  const sources = new Map<string, MapDrawing['sources'][number]>();
  for (const r of relationships) for (const c of r.citations) sources.set(c.source.id, { title: c.source.title, publisher: c.source.publisher, published: c.source.published ?? c.source.updated, url: c.source.url, wordingWarning: c.source.wordingWarning });
  return {
    title: exportTitle(graph, view),
    description: filterDescription(view),
    asOf: view.asOf ? formatPartialDate(view.asOf) : null,
    nodes,
    edges: relationships.map((r) => ({ id: r.id, source: r.source.id, target: r.target.id, type: r.type as RelationshipType, deleted: false })),
    annotations: [],
    sources: [...sources.values()].sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/**
 * The JSON export: the visible records (dataset shape, importable), the view, and the position of every node on
 * the canvas (filtered ones and "N more" nodes too, so opening it places all of them as they were).
 */
export function explorerJson(graph: LoadedGraph, visibility: Visibility, view: ViewState, positions: Positions, exportedAt: Date) {
  return {
    exportedAt: exportedAt.toISOString(),
    view: { focus: view.actor, expanded: view.expanded, hiddenTypes: view.hiddenTypes, hiddenKinds: view.hiddenKinds, asOf: view.asOf, layout: view.layout },
    positions,
    ...visibleSubgraphExport(graph, visibility),
  };
}

/** What opening an exported JSON restores: the view it was taken of and the positions; null when the file is not one. */
export function readExplorerJson(text: string): { view: Partial<ViewState> & { actor: string }; positions: Positions } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const { view, positions } = body as { view?: Record<string, unknown>; positions?: Record<string, unknown> };
  if (!view || typeof view.focus !== 'string' || !positions || typeof positions !== 'object') return null;
  const clean: Positions = {};
  for (const [id, p] of Object.entries(positions)) {
    const { x, y } = (p ?? {}) as { x?: unknown; y?: unknown };
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) clean[id] = { x, y };
  }
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return {
    view: {
      actor: view.focus,
      expanded: strings(view.expanded),
      hiddenTypes: strings(view.hiddenTypes).filter((t): t is RelationshipType => (RELATIONSHIP_TYPES as readonly string[]).includes(t)),
      hiddenKinds: strings(view.hiddenKinds).filter((k): k is ActorKind => (ACTOR_KINDS as readonly string[]).includes(k)),
      asOf: typeof view.asOf === 'string' ? view.asOf : null,
      layout: LAYOUTS.includes(view.layout as LayoutName) ? (view.layout as LayoutName) : undefined,
    },
    positions: clean,
  };
}
