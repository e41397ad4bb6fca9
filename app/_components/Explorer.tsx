'use client';

/**
 * The explorer's state and wiring: the view (mirrored in the URL), the loaded
 * neighbourhoods and paths, the filters applied in the browser, and the
 * islands that show them (search, path finder, legend, canvas, toolbar, time
 * slider, side panel).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from '@/graph/core/model';
import { TYPE_STYLES } from '@/app/_lib/graph-style';
import { computeVisibility, countByKindAndType, datedSpan, mergeSubgraphs, relationshipLabel, undatedCount, type LoadedGraph } from '@/app/_lib/graph-view';
import type { Positions } from '@/app/_lib/explorer-export';
import { useExplorerExports } from '@/app/_lib/use-explorer-exports';
import { GraphQLClientError } from '@/app/_lib/graphql-client';
import { fetchDatasetFacts, fetchPaths, NEIGHBORHOOD_LIMIT, type PathRecord, type Subgraph } from '@/app/_lib/queries';
import { useAsync } from '@/app/_lib/use-async';
import { revealAboveSheet, useBottomSheet } from '@/app/_lib/use-bottom-sheet';
import { useDebounced } from '@/app/_lib/use-debounced';
import { useInsights } from '@/app/_lib/use-insights';
import { useMapDraft, withoutRemoved } from '@/app/_lib/use-map-draft';
import { useNeighborhoods } from '@/app/_lib/use-neighborhoods';
import { usePathEnds } from '@/app/_lib/use-path-ends';
import { useViewState } from '@/app/_lib/use-view-state';
import { DEFAULT_ACTOR, type Selection, type ViewState } from '@/app/_lib/url-state';
import { DEFAULT_HUB_PAGE_SIZE, hubOfMoreNode, hubSubgraph, isMoreNodeId, moreElements, moreNodes, type HubNeighborhood } from '@/app/_lib/hub-paging';
import { MapTools } from '@/app/_maps/MapTools';
import { HubMoreButtons } from './HubMoreButtons';
import { GraphCanvas, type CanvasEdge, type CanvasNode, type GraphCanvasHandle } from './GraphCanvas';
import { Legend } from './Legend';
import { PathFinder } from './PathFinder';
import { SearchBox } from './SearchBox';
import { SheetBar } from './SheetBar';
import { SidePanel, type PanelContent } from './SidePanel';
import { SideTabs } from './SideTabs';
import { EmptyState, ErrorState, LoadingState } from './States';
import { TimeSlider } from './TimeSlider';
import { Toolbar } from './Toolbar';
import { ViewKey } from './ViewKey';
import styles from './Explorer.module.css';

/** Path searches follow the date slider, but not on every pixel of a drag. */
const PATH_DATE_DEBOUNCE_MS = 350;

/** Room for the toolbar above and the caption and time slider below the graph. */
const CANVAS_INSETS = { top: 72, right: 28, bottom: 128, left: 28 };

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function Explorer({ initialView, hubPageSize = DEFAULT_HUB_PAGE_SIZE }: { initialView: ViewState; hubPageSize?: number }) {
  const [view, update] = useViewState(initialView);
  const canvas = useRef<GraphCanvasHandle>(null);
  const getCore = useCallback(() => canvas.current?.core() ?? null, []);
  const [layoutRun, setLayoutRun] = useState(0);
  /** Positions from an opened export, used by the next full layout while they cover every node. */
  const [preset, setPreset] = useState<Positions | null>(null);
  /** Where the keyboard is in the side panel's lists; the canvas marks it. */
  const [keyboardTarget, setKeyboardTarget] = useState<string | null>(null);
  /** Bumped by the main "Try again", so the side panel asks again too. */
  const [retries, setRetries] = useState(0);
  /** On narrow screens the path finder, filters and side panel share a bottom sheet over the graph. */
  const sheet = useBottomSheet();
  const sheetRef = useRef<HTMLDivElement>(null);

  // ---- a saved map open for editing (?map=): it, not the focus's neighbourhood, is the starting network
  const draft = useMapDraft(view.map);
  const mapMode = view.map !== null;

  // ---- neighbourhoods: the focus (unless a map is open) and every expanded actor
  const wanted = useMemo(() => (mapMode ? view.expanded : [view.actor, ...view.expanded]), [mapMode, view.actor, view.expanded]);
  const hoods = useNeighborhoods(wanted, hubPageSize);
  const focusHood: { status: 'loading' | 'ready' } | { status: 'error'; error: unknown } = mapMode
    ? draft.status === 'error'
      ? { status: 'error', error: draft.error }
      : { status: draft.status === 'ready' ? 'ready' : 'loading' }
    : hoods.get(view.actor);
  // The map's saved positions are the first layout's.
  const [presetFor, setPresetFor] = useState<string | null>(null);

  // While a new focus loads, keep drawing the last complete view under a loading note.
  const [settled, setSettled] = useState({ actor: view.actor, expanded: view.expanded });
  if (focusHood.status === 'ready' && (settled.actor !== view.actor || settled.expanded !== view.expanded)) {
    setSettled({ actor: view.actor, expanded: view.expanded });
  }
  const shown = focusHood.status === 'ready' ? view : settled;

  // ---- paths
  const shownTypes = useMemo(
    () => (view.hiddenTypes.length ? RELATIONSHIP_TYPES.filter((t) => !view.hiddenTypes.includes(t)) : undefined),
    [view.hiddenTypes],
  );
  const pathAsOf = useDebounced(view.asOf, PATH_DATE_DEBOUNCE_MS);
  const pathQuery = view.path ? { from: view.path.from, to: view.path.to, types: shownTypes, asOf: pathAsOf ?? undefined, undated: pathAsOf ? view.undated : undefined } : null;
  const pathsState = useAsync(pathQuery ? `paths:${JSON.stringify(pathQuery)}` : null, (signal) => fetchPaths(pathQuery!, signal));
  const paths: PathRecord[] | null =
    pathsState.status === 'ready' ? pathsState.data : pathsState.status === 'loading' && view.path ? (pathsState.stale ?? null) : null;

  // ---- the loaded graph and what the filters leave visible
  const shownKey = (mapMode ? shown.expanded : [shown.actor, ...shown.expanded]).join(',');
  const hoodData = useMemo(
    () => shownKey.split(',').map((id) => (hoods.version.get(id)?.status === 'ready' ? hubSubgraph(id, (hoods.version.get(id) as { data: HubNeighborhood }).data) : undefined)),
    [shownKey, hoods.version],
  );
  // Paths join the canvas after the focus network, so the first layout is of that network.
  const focusReady = focusHood.status === 'ready';
  const pathPart: Subgraph | undefined = useMemo(
    () =>
      focusReady && paths && paths.length
        ? { actors: paths.flatMap((p) => p.nodes), relationships: paths.flatMap((p) => p.edges), truncated: false }
        : undefined,
    [paths, focusReady],
  );
  const graph = useMemo(
    () => withoutRemoved(mergeSubgraphs([draft.subgraph, ...hoodData, pathPart]), draft.removed),
    [draft.subgraph, draft.removed, hoodData, pathPart],
  );

  const pathIds = useMemo(() => {
    if (!pathPart) return null;
    return new Set([...pathPart.actors.map((a) => a.id), ...pathPart.relationships.map((r) => r.id)]);
  }, [pathPart]);

  const keepLit = useMemo(() => new Set([shown.actor, ...shown.expanded]), [shown.actor, shown.expanded]);
  const visibility = useMemo(
    () => computeVisibility(graph, { hiddenTypes: view.hiddenTypes, hiddenKinds: view.hiddenKinds, asOf: view.asOf, undated: view.undated }, keepLit),
    [graph, view.hiddenTypes, view.hiddenKinds, view.asOf, view.undated, keepLit],
  );
  // Legend counts follow the date (and the kind filter), whatever types are switched off.
  const counts = useMemo(() => countByKindAndType(graph, visibility), [graph, visibility]);
  const span = useMemo(() => datedSpan(graph), [graph]);
  const undatedLoaded = useMemo(() => undatedCount(graph), [graph]);

  // ---- dataset facts (date range for the slider), then sizes, colours, diff marks and timeline
  const facts = useAsync('stats', (signal) => fetchDatasetFacts(signal));
  const insights = useInsights(view, graph, facts.status === 'ready' ? facts.data.dateRange : null);

  // Paged hubs carry an "N more" node (hub-paging.ts).
  const more = useMemo(
    () =>
      moreNodes(
        shownKey.split(','),
        (id) => {
          const e = hoods.version.get(id);
          return e?.status === 'ready' ? e.data : undefined;
        },
        (id) => graph.actors.get(id)?.name ?? id,
        hubPageSize,
      ),
    [shownKey, hoods.version, graph, hubPageSize],
  );
  const moreEls = useMemo(() => moreElements(more), [more]);
  const canvasNodes = useMemo<CanvasNode[]>(
    () => [...[...graph.actors.values()].map((a) => ({ id: a.id, label: a.name, kind: a.kind, ...insights.looks.get(a.id) })), ...moreEls.nodes],
    [graph, insights.looks, moreEls],
  );
  const canvasEdges = useMemo<CanvasEdge[]>(
    () =>
      [...graph.relationships.values()].map((r): CanvasEdge => ({
        id: r.id,
        source: r.source.id,
        target: r.target.id,
        type: r.type,
        label: relationshipLabel(r, TYPE_STYLES[r.type].label),
        start: r.start,
        end: r.end,
      })).concat(moreEls.edges),
    [graph, moreEls],
  );

  // Everything the view names has answered (or failed): the first layout waits for it, so it is the same on every load.
  const viewLoaded =
    focusReady && shown.expanded.every((id) => hoods.get(id).status !== 'loading') && !(view.path && pathsState.status === 'loading');
  const visibleActors = graph.actors.size - [...graph.actors.keys()].filter((id) => visibility.hidden.has(id)).length;
  const visibleRels = graph.relationships.size - [...graph.relationships.keys()].filter((id) => visibility.hidden.has(id)).length;
  // Layouts root at the focus, which a map being edited may have lost.
  const canvasFocus = mapMode && !graph.actors.has(shown.actor) ? ([...graph.actors.keys()][0] ?? shown.actor) : shown.actor;
  const focusName = graph.actors.get(canvasFocus)?.name ?? canvasFocus;
  if (mapMode && draft.status === 'ready' && presetFor !== view.map) {
    setPresetFor(view.map);
    setPreset(draft.positions);
  }
  const truncated = hoodData.some((d) => d?.truncated);


  // ---- actions
  const select = (selected: Selection | null) => update((v) => ({ ...v, selected }));
  // A tap on the graph shows what was tapped, except over the Changes and Timeline tabs: they are about the
  // drawn edges (their marks stay, and a selected edge shows its label on the graph).
  const selectOnCanvas = (selected: Selection | null) => {
    update((v) => ({ ...v, selected, tab: selected && v.tab !== 'changes' && v.tab !== 'timeline' ? 'details' : v.tab }));
    if (selected) sheet.open('details');
  };
  const focus = (id: string) => {
    // On a map being edited, focusing adds the actor's network and keeps every position.
    if (mapMode) return update((v) => ({ ...v, actor: id, expanded: v.expanded.includes(id) ? v.expanded : [...v.expanded, id], selected: null }));
    setPreset(null);
    update((v) => ({ ...v, actor: id, expanded: [], selected: null }));
  };
  const expand = (id: string) =>
    update((v) => ((id === v.actor && !v.map) || v.expanded.includes(id) ? v : { ...v, expanded: [...v.expanded, id] }));
  const collapse = (id: string) => update((v) => ({ ...v, expanded: v.expanded.filter((x) => x !== id) }));

  // ---- path finder ends (kept here so "Path from here" in the panel can fill them)
  const ends = usePathEnds(view, graph, paths, { id: shown.actor, name: focusName });

  const selectedActor = view.selected?.kind === 'actor' ? view.selected.id : null;
  const toolbarTarget = selectedActor && graph.actors.has(selectedActor)
    ? {
        name: graph.actors.get(selectedActor)!.name,
        canExpand: (mapMode || selectedActor !== view.actor) && !view.expanded.includes(selectedActor),
        canCollapse: view.expanded.includes(selectedActor),
      }
    : null;

  // On a narrow screen, what the sheet opened for stays in sight above it.
  const selectedId = view.selected?.id ?? null;
  useEffect(() => {
    if (!selectedId || sheet.state === 'peek') return;
    return revealAboveSheet(canvas.current?.core() ?? null, selectedId, sheetRef.current);
  }, [selectedId, sheet.state]);

  const panelContent: PanelContent = view.selected
    ? view.selected
    : paths && paths.length
      ? { kind: 'paths', paths }
      : { kind: 'actor', id: shown.actor };

  const sheetTitle = sheet.view === 'tools' ? 'Path finder and filters' : detailsTitle(panelContent, graph, focusName);

  const exports = useExplorerExports({
    graph,
    visibility,
    view,
    positions: () => canvas.current?.positions() ?? {},
    onOpen: (opened, positions) => {
      update((v) => ({ ...v, ...Object.fromEntries(Object.entries(opened).filter(([, x]) => x !== undefined)), selected: null, path: null, map: null }));
      setPreset(positions);
      setLayoutRun((n) => n + 1);
    },
  });

  // ---- canvas state overlays
  const focusError = focusHood.status === 'error' ? focusHood.error : null;
  const nothingLoaded = graph.actors.size === 0;
  const expandErrors = view.expanded.filter((id) => hoods.get(id).status === 'error');
  const description = nothingLoaded
    ? 'Network graph (empty)'
    : `Network graph around ${focusName}: ${visibleActors} actors and ${visibleRels} relationships shown. Arrow keys pan, plus and minus zoom, 0 fits. The side panel lists every relationship.`;

  return (
    <div className={styles.explorer} data-sheet={sheet.state} data-sheet-view={sheet.view}>
      <div className={styles.searchSlot} role="search" aria-label="Actors">
        <SearchBox id="actor-search" label="Search actors" placeholder="Name or alias, e.g. Tokaev" clearOnPick shortcut onPick={(a) => focus(a.id)} />
      </div>

      <section className={styles.stage} aria-label="Network">
        <GraphCanvas
          ref={canvas}
          nodes={canvasNodes}
          edges={canvasEdges}
          hidden={visibility.hidden}
          dormant={visibility.dormant}
          undated={visibility.undated}
          pathIds={pathIds}
          marks={insights.marks}
          focusId={canvasFocus}
          expandedIds={shown.expanded}
          selected={view.selected}
          layout={view.layout}
          layoutKey={`${mapMode ? 'map' : shown.actor}|${view.layout}|${layoutRun}`}
          layoutSeed={shown.actor}
          ready={viewLoaded}
          preset={preset}
          keyboardTarget={keyboardTarget}
          onSelect={(s) => (isMoreNodeId(s?.id) ? hoods.loadMore(hubOfMoreNode(s.id)) : selectOnCanvas(s))}
          onExpand={(id) => (isMoreNodeId(id) ? hoods.loadMore(hubOfMoreNode(id)) : expand(id))}
          description={description}
          insets={CANVAS_INSETS}
        />

        <div className={styles.top}>
          <Toolbar
            layout={view.layout}
            onLayout={(layout) => {
              // A chosen layout replaces saved or opened positions.
              setPreset(null);
              update((v) => ({ ...v, layout }));
            }}
            onRelayout={() => {
              setPreset(null);
              setLayoutRun((n) => n + 1);
            }}
            onFit={() => canvas.current?.fit()}
            onZoom={(f) => canvas.current?.zoomBy(f)}
            target={toolbarTarget}
            onExpand={() => selectedActor && expand(selectedActor)}
            onCollapse={() => selectedActor && collapse(selectedActor)}
            onExportPng={exports.exportPng}
            onExportSvg={exports.exportSvg}
            onExportJson={exports.exportJson}
            onOpenJson={(file) => void exports.openJson(file)}
          />
          {exports.error ? (
            <p role="alert" className={styles.exportError}>
              {exports.error}{' '}
              <button type="button" className="button" onClick={exports.dismissError}>
                Dismiss
              </button>
            </p>
          ) : null}
          <HubMoreButtons getCore={getCore} nodes={more} onLoadMore={hoods.loadMore} />
          <MapTools
            getCore={getCore}
            graph={graph}
            visibility={visibility}
            hiddenTypes={view.hiddenTypes}
            selected={view.selected}
            asOf={view.asOf}
            editing={draft.record}
            onRemove={(id) => {
              draft.remove(id);
              update((v) => ({ ...v, selected: null, expanded: v.expanded.filter((x) => x !== id) }));
            }}
            onSaved={(saved, copy) => (copy ? update((v) => ({ ...v, map: saved.id })) : draft.saved(saved))}
          />
        </div>

        {focusHood.status === 'loading' && nothingLoaded ? <LoadingState variant="overlay" label="Loading the network…" /> : null}
        {focusHood.status === 'loading' && !nothingLoaded ? (
          <div className={styles.chip}>
            <LoadingState label="Loading…" />
          </div>
        ) : null}
        {focusError ? (
          <ErrorState
            variant="overlay"
            error={focusError}
            title={
              focusError instanceof GraphQLClientError && focusError.code === 'NOT_FOUND'
                ? mapMode
                  ? 'No such map'
                  : 'No such actor'
                : mapMode
                  ? 'Could not load the map'
                  : 'Could not load the network'
            }
            onRetry={() => {
              // One button retries everything the failure took down.
              if (mapMode) draft.retry();
              else hoods.retry(view.actor);
              if (facts.status === 'error') facts.retry();
              setRetries((n) => n + 1);
            }}
          >
            {view.actor !== DEFAULT_ACTOR ? (
              <button type="button" className="button" onClick={() => focus(DEFAULT_ACTOR)}>
                Start from Kassym-Jomart Tokayev
              </button>
            ) : null}
          </ErrorState>
        ) : null}
        {focusHood.status === 'ready' && graph.relationships.size === 0 ? (
          <EmptyState variant="overlay" title={`No relationships recorded for ${focusName}`}>
            Search for another actor, or open the path finder to look for indirect links.
          </EmptyState>
        ) : null}
        {focusHood.status === 'ready' && graph.relationships.size > 0 && visibleRels === 0 ? (
          <EmptyState variant="overlay" title="Nothing matches the filters">
            <p>No relationship in view passes the current type, kind and date filters.</p>
            <p className={styles.overlayActions}>
              {view.hiddenTypes.length || view.hiddenKinds.length ? (
                <button type="button" className="button" onClick={() => update((v) => ({ ...v, hiddenKinds: [], hiddenTypes: [] }))}>
                  Show all types and kinds
                </button>
              ) : null}
              {view.asOf ? (
                <button type="button" className="button" onClick={() => update((v) => ({ ...v, asOf: null }))}>
                  All dates
                </button>
              ) : null}
            </p>
          </EmptyState>
        ) : null}
        {expandErrors.length ? (
          <div className={styles.toast}>
            <ErrorState
              error={hoods.get(expandErrors[0]).status === 'error' ? (hoods.get(expandErrors[0]) as { error: unknown }).error : null}
              title={`Could not load the neighbours of ${graph.actors.get(expandErrors[0])?.name ?? expandErrors[0]}`}
              onRetry={() => expandErrors.forEach((id) => hoods.retry(id))}
            >
              <button type="button" className="button" onClick={() => expandErrors.forEach(collapse)}>
                Dismiss
              </button>
            </ErrorState>
          </div>
        ) : null}

        <div className={styles.bottom}>
          <p className={styles.caption} data-testid="graph-summary">
            {nothingLoaded ? null : (
              <>
                <span className={styles.captionName}>{focusName}</span>
                <span>
                  {visibleActors} actors · {visibleRels} relationships
                </span>
                {truncated ? <span className={styles.truncated}>closest {NEIGHBORHOOD_LIMIT} neighbours per actor</span> : null}
              </>
            )}
          </p>
          {facts.status === 'ready' && facts.data.dateRange ? (
            <TimeSlider
              viewRange={span}
              fullRange={facts.data.dateRange}
              asOf={view.asOf}
              onChange={(asOf) => update((v) => ({ ...v, asOf }))}
              inForce={view.asOf ? { shown: visibleRels, total: graph.relationships.size } : undefined}
              undated={{ count: undatedLoaded, mode: view.undated, onChange: (undated) => update((v) => ({ ...v, undated })) }}
            />
          ) : null}
          {facts.status === 'error' && !focusError ? (
            <div className={styles.sliderError}>
              <ErrorState error={facts.error} title="The date range could not be loaded" onRetry={facts.retry} />
            </div>
          ) : null}
        </div>
      </section>

      <div className={styles.sheet} ref={sheetRef} onKeyDown={sheet.onKeyDown}>
        <SheetBar
          state={sheet.state}
          view={sheet.view}
          title={sheetTitle}
          controls="explorer-tools explorer-details"
          onState={sheet.setState}
          onView={sheet.setView}
          sheet={() => sheetRef.current}
          handleRef={sheet.handleRef}
        />
        <aside id="explorer-tools" className={styles.rail} aria-label="Path finder and filters">
          <PathFinder
            from={ends.from}
            to={ends.to}
            generation={ends.generation}
            onChangeEnds={ends.set}
            active={!!view.path}
            result={
              pathsState.status === 'ready'
                ? { status: 'ready', count: pathsState.data.length, shortest: pathsState.data[0]?.length ?? null }
                : pathsState.status === 'error'
                  ? { status: 'error', error: pathsState.error }
                  : { status: pathsState.status }
            }
            onRetry={pathsState.retry}
            onFind={(from, to) => {
              update((v) => ({ ...v, path: { from, to }, selected: null }));
              // The paths are drawn on the graph: lower the sheet so they are seen whole (its bar names them).
              sheet.lower('details');
            }}
            onClear={() => update((v) => ({ ...v, path: null }))}
          />
          <Legend
            kindCounts={counts.kinds}
            typeCounts={counts.types}
            hiddenKinds={view.hiddenKinds}
            hiddenTypes={view.hiddenTypes}
            onToggleKind={(k: ActorKind) => update((v) => ({ ...v, hiddenKinds: toggle(v.hiddenKinds, k) }))}
            onToggleType={(t: RelationshipType) => update((v) => ({ ...v, hiddenTypes: toggle(v.hiddenTypes, t) }))}
            onReset={() => update((v) => ({ ...v, hiddenKinds: [], hiddenTypes: [] }))}
            kindsByShapeOnly={view.colorBy === 'community'}
          />
          <ViewKey sizeBy={view.sizeBy} communities={insights.keyCommunities} diff={insights.marks.size > 0} />
          {facts.status === 'ready' ? (
            <p className={styles.datasetNote}>
              Dataset: {facts.data.actors.toLocaleString('en-GB')} actors, {facts.data.relationships.toLocaleString('en-GB')} cited relationships.
            </p>
          ) : null}
        </aside>
        <div id="explorer-details" className={styles.panelSlot}>
          <SideTabs
          view={view}
          update={update}
          insights={insights}
          graph={graph}
          visibility={visibility}
          dateRange={facts.status === 'ready' ? facts.data.dateRange : null}
          canvas={canvas}
          onFocus={focus}
          details={
            <SidePanel
              content={panelContent}
              generation={retries}
              placeholder={focusError && !view.selected ? 'Details appear here once the network loads.' : undefined}
              closable={!!view.selected}
              graph={graph}
              focusId={shown.actor}
              expandedIds={shown.expanded}
              asOf={view.asOf}
              onSelect={select}
              onFocus={focus}
              onExpand={expand}
              onCollapse={collapse}
              onKeyboardTarget={setKeyboardTarget}
              onPathFrom={(id) => {
                ends.startFrom(id);
                sheet.open('tools');
              }}
            />
          }
        />
        </div>
      </div>
    </div>
  );
}

/** What the details show, in a line: the bottom sheet's cue while it is lowered. */
function detailsTitle(content: PanelContent, graph: LoadedGraph, focusName: string): string {
  if (content.kind === 'paths') {
    const first = content.paths[0];
    const n = content.paths.length;
    return `${n} ${n === 1 ? 'path' : 'paths'}: ${first.nodes[0].name} → ${first.nodes[first.nodes.length - 1].name}`;
  }
  if (content.kind === 'relationship') {
    const r = graph.relationships.get(content.id);
    return r ? `${TYPE_STYLES[r.type].label}: ${r.source.name} → ${r.target.name}` : 'Relationship';
  }
  return graph.actors.get(content.id)?.name ?? focusName;
}
