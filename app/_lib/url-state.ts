/**
 * The explorer's view as URL query parameters, so reloading or sharing a link
 * restores it. Pure functions: `parseViewState` is lenient (a hand-edited or
 * stale link drops what it cannot read and keeps the rest) and
 * `serializeViewState` writes a stable, minimal query string.
 *
 *   ?focus=kassym-jomart-tokayev&expand=a,b&hideTypes=APPOINTED&hideKinds=STATE
 *    &asOf=2022-01-05&layout=concentric&sel=rel:some-id&path=a~b
 *    &size=pagerank&colour=community&tab=changes&diff=2022-01-01~2022-12-31
 *    &undated=show&map=some-map-id
 */
import { COLOR_BY, SIZE_BY, type ColorBy, type SizeBy } from './insights';
import { ACTOR_KINDS, ID_PATTERN, RELATIONSHIP_TYPES, isPartialDate, type ActorKind, type PartialDate, type RelationshipType, type UndatedMode } from '@/graph/core/model';

export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'circle', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const DEFAULT_LAYOUT: LayoutName = 'fcose';

/** The first screen shows a network, not an empty canvas. */
export const DEFAULT_ACTOR = 'kassym-jomart-tokayev';

/** The tabs of the explorer's side panel. */
export const PANEL_TABS = ['details', 'insights', 'changes', 'timeline'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export type Selection = { kind: 'actor'; id: string } | { kind: 'relationship'; id: string };

export interface ViewState {
  /** The focused (centre) actor. */
  actor: string;
  /** Actors whose neighbours are shown too, in the order they were expanded. */
  expanded: string[];
  hiddenTypes: RelationshipType[];
  hiddenKinds: ActorKind[];
  /** Show the network as it stood on this date; null shows every relationship. */
  asOf: PartialDate | null;
  /** Under a date, relationships without a start are hidden (HIDE) or drawn as "date unknown" (SHOW). */
  undated: UndatedMode;
  layout: LayoutName;
  /** What the side panel shows. */
  selected: Selection | null;
  /** Path finder endpoints, when a path search is active. */
  path: { from: string; to: string } | null;
  /** Node size by a centrality measure (analysis as of the slider date, over the shown types). */
  sizeBy: SizeBy;
  /** Node fill by actor kind or by community. */
  colorBy: ColorBy;
  /** The side panel's open tab. */
  tab: PanelTab;
  /** The Changes tab's date range (days); null: the default range. */
  diff: { from: string; to: string } | null;
  /** A saved map open for editing: the canvas starts from its elements, positions and notes. */
  map: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  actor: DEFAULT_ACTOR,
  expanded: [],
  hiddenTypes: [],
  hiddenKinds: [],
  asOf: null,
  undated: 'HIDE',
  layout: DEFAULT_LAYOUT,
  selected: null,
  path: null,
  sizeBy: 'none',
  colorBy: 'kind',
  tab: 'details',
  diff: null,
  map: null,
};

type ParamSource = URLSearchParams | string | Record<string, string | string[] | undefined>;

function reader(input: ParamSource): (name: string) => string | undefined {
  if (typeof input === 'string' || input instanceof URLSearchParams) {
    const params = typeof input === 'string' ? new URLSearchParams(input.startsWith('?') ? input.slice(1) : input) : input;
    return (name) => params.get(name) ?? undefined;
  }
  return (name) => {
    const v = input[name];
    return Array.isArray(v) ? v[0] : v;
  };
}

const isId = (s: string): boolean => ID_PATTERN.test(s);

function list(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Keeps the first occurrence of each value that passes `ok`, in order. */
function uniqueValid<T extends string>(values: string[], ok: (v: string) => v is T): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const v of values) {
    if (!ok(v) || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

const isType = (v: string): v is RelationshipType => (RELATIONSHIP_TYPES as readonly string[]).includes(v);
const isKind = (v: string): v is ActorKind => (ACTOR_KINDS as readonly string[]).includes(v);
const isLayout = (v: string): v is LayoutName => (LAYOUTS as readonly string[]).includes(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: string | undefined): v is T =>
    v !== undefined && (values as readonly string[]).includes(v);
const isSizeBy = oneOf(SIZE_BY);
const isColorBy = oneOf(COLOR_BY);
const isTab = oneOf(PANEL_TABS);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDiff(raw: string | undefined): ViewState['diff'] {
  const [from, to, ...rest] = (raw ?? '').split('~');
  if (rest.length || !DAY.test(from ?? '') || !DAY.test(to ?? '') || !isPartialDate(from) || !isPartialDate(to) || from > to) return null;
  return { from, to };
}

function parseSelection(raw: string | undefined): Selection | null {
  if (!raw) return null;
  const m = /^(actor|rel):(.+)$/.exec(raw);
  if (!m || !isId(m[2])) return null;
  return m[1] === 'actor' ? { kind: 'actor', id: m[2] } : { kind: 'relationship', id: m[2] };
}

function parsePath(raw: string | undefined): ViewState['path'] {
  if (!raw) return null;
  const [from, to, ...rest] = raw.split('~');
  if (rest.length || !from || !to || !isId(from) || !isId(to) || from === to) return null;
  return { from, to };
}

/** Reads a view from query parameters. Missing or unreadable values fall back to DEFAULT_VIEW's. */
export function parseViewState(input: ParamSource): ViewState {
  const get = reader(input);
  const actorRaw = get('focus')?.trim();
  const actor = actorRaw && isId(actorRaw) ? actorRaw : DEFAULT_ACTOR;
  const asOfRaw = get('asOf')?.trim();
  const layoutRaw = get('layout')?.trim();
  const mapRaw = get('map')?.trim();
  const map = mapRaw && isId(mapRaw) ? mapRaw : null;
  return {
    actor,
    // On a map being edited the focus can be expanded too (the map, not the focus, is the starting network).
    expanded: uniqueValid(list(get('expand')), (v): v is string => isId(v) && (v !== actor || !!map)),
    hiddenTypes: sortBy(uniqueValid(list(get('hideTypes')), isType), RELATIONSHIP_TYPES),
    hiddenKinds: sortBy(uniqueValid(list(get('hideKinds')), isKind), ACTOR_KINDS),
    asOf: asOfRaw && isPartialDate(asOfRaw) ? asOfRaw : null,
    undated: get('undated')?.trim() === 'show' ? 'SHOW' : 'HIDE',
    layout: layoutRaw && isLayout(layoutRaw) ? layoutRaw : DEFAULT_LAYOUT,
    selected: parseSelection(get('sel')),
    path: parsePath(get('path')),
    sizeBy: isSizeBy(get('size')) ? (get('size') as SizeBy) : 'none',
    colorBy: isColorBy(get('colour')) ? (get('colour') as ColorBy) : 'kind',
    tab: isTab(get('tab')) ? (get('tab') as PanelTab) : 'details',
    diff: parseDiff(get('diff')),
    map,
  };
}

/** Canonical order (the order of the model's list), so equal views serialise equally. */
function sortBy<T extends string>(values: T[], order: readonly T[]): T[] {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Writes a view as a query string (no leading `?`), leaving out defaults except the focus. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  params.set('focus', view.actor);
  const expanded = view.expanded.filter((id) => id !== view.actor || view.map);
  if (expanded.length) params.set('expand', expanded.join(','));
  if (view.hiddenTypes.length) params.set('hideTypes', sortBy(view.hiddenTypes, RELATIONSHIP_TYPES).join(','));
  if (view.hiddenKinds.length) params.set('hideKinds', sortBy(view.hiddenKinds, ACTOR_KINDS).join(','));
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.undated === 'SHOW') params.set('undated', 'show');
  if (view.layout !== DEFAULT_LAYOUT) params.set('layout', view.layout);
  if (view.selected) params.set('sel', `${view.selected.kind === 'actor' ? 'actor' : 'rel'}:${view.selected.id}`);
  if (view.path) params.set('path', `${view.path.from}~${view.path.to}`);
  if (view.sizeBy !== 'none') params.set('size', view.sizeBy);
  if (view.colorBy !== 'kind') params.set('colour', view.colorBy);
  if (view.tab !== 'details') params.set('tab', view.tab);
  if (view.diff) params.set('diff', `${view.diff.from}~${view.diff.to}`);
  if (view.map) params.set('map', view.map);
  // Commas and tildes are safe in a query; keeping them literal makes links readable.
  return params.toString().replace(/%2C/g, ',').replace(/%7E/gi, '~').replace(/%3A/g, ':');
}

/** The explorer URL for a view. */
export function viewHref(view: ViewState): string {
  return `/?${serializeViewState(view)}`;
}
