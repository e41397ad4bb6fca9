'use client';

/**
 * A curated map, read-only. The server sends the map drawn as an SVG
 * (map-svg.ts) so it shows without JavaScript; once Cytoscape is up, the
 * interactive canvas takes its place at the saved positions, with the notes,
 * the "deleted since" marks, the date slider and (on the full page) the
 * details panel with citations.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { inForceAsOf, type PartialDate } from '@/graph/core/model';
import { TYPE_STYLES } from '@/app/_lib/graph-style';
import { relationshipLabel, type LoadedGraph } from '@/app/_lib/graph-view';
import { exploreFromMap, type MapRecord } from '@/app/_lib/map-records';
import { canvasEdgeLook, canvasNodeData, canvasStylesheet } from '@/app/_lib/map-style';
import { DEFAULT_VIEW, viewHref, type Selection } from '@/app/_lib/url-state';
import { SidePanel } from '@/app/_components/SidePanel';
import { TimeSlider } from '@/app/_components/TimeSlider';
import { AnnotationLayer } from './AnnotationLayer';
import { MapLegend } from './MapLegend';
import styles from './MapViewer.module.css';

interface Props {
  map: MapRecord;
  /** The server-drawn SVG (escaped by map-svg.ts), shown until the canvas is ready. */
  svg: string;
  /** Embedded in an iframe: the canvas alone, no details panel. */
  embed?: boolean;
}

/**
 * Saved positions are model coordinates of whatever zoom they were made at.
 * Spread them to fill the stage at zoom 1, so labels and notes show at
 * reading size instead of being zoomed down with a widely spread map.
 */
function fitScale(map: MapRecord, width: number, height: number): number {
  if (map.nodes.length < 2) return 1;
  const xs = map.nodes.map((n) => n.x);
  const ys = map.nodes.map((n) => n.y);
  const spanX = Math.max(...xs) - Math.min(...xs) || 1;
  const spanY = Math.max(...ys) - Math.min(...ys) || 1;
  // Room for the labels below the nodes and the widest label at each side.
  const s = Math.min((width - 180) / spanX, (height - 110) / spanY);
  // Below 0.3 nodes would crowd each other: keep that spread and zoom out instead (see below).
  return Math.max(0.3, Math.min(2, s));
}

function elementsOf(map: MapRecord, scale: number): ElementDefinition[] {
  const nodes: ElementDefinition[] = map.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.actorId,
      ...canvasNodeData({ label: n.deleted ? `${n.savedName} (deleted)` : (n.actor?.name ?? n.savedName), kind: n.actor?.kind ?? n.savedKind }),
    },
    position: { x: n.x * scale, y: n.y * scale },
    classes: n.deleted ? 'deleted' : '',
  }));
  const ids = new Set(map.nodes.map((n) => n.actorId));
  const edges: ElementDefinition[] = map.edges
    .filter((e) => ids.has(e.savedSource) && ids.has(e.savedTarget))
    .map((e) => {
      const r = e.relationship;
      const type = r?.type ?? e.savedType;
      return {
        group: 'edges',
        data: {
          id: e.relationshipId,
          source: e.savedSource,
          target: e.savedTarget,
          type,
          label: r ? relationshipLabel(r, TYPE_STYLES[type].label) : `${TYPE_STYLES[type].label} (deleted)`,
          ...canvasEdgeLook(type),
        },
        classes: e.deleted ? 'deleted' : '',
      };
    });
  return [...nodes, ...edges];
}

/** The date range the map's relationships span, for the slider. */
function dateRange(map: MapRecord): { min: PartialDate; max: PartialDate } | null {
  const dates = map.edges.flatMap((e) => [e.relationship?.start, e.relationship?.end]).filter((d): d is string => !!d).sort();
  return dates.length ? { min: dates[0], max: dates[dates.length - 1] } : null;
}

export function MapViewer({ map, svg, embed = false }: Props) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const [scale, setScale] = useState(1);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [asOf, setAsOf] = useState<PartialDate | null>(map.asOf);
  const [activeNote, setActiveNote] = useState<string | null>(null);
  /** Embed only: the notes list, drawn over the map (the frame has no room beside it). */
  const [notesOpen, setNotesOpen] = useState(false);
  const range = useMemo(() => dateRange(map), [map]);

  const graph: LoadedGraph = useMemo(
    () => ({
      actors: new Map(map.nodes.flatMap((n) => (n.actor ? [[n.actorId, n.actor] as const] : []))),
      relationships: new Map(map.edges.flatMap((e) => (e.relationship ? [[e.relationshipId, e.relationship] as const] : []))),
    }),
    [map],
  );

  useEffect(() => {
    const box = container.current!.getBoundingClientRect();
    const s = fitScale(map, box.width, box.height);
    const instance = cytoscape({
      container: container.current!,
      elements: elementsOf(map, s),
      style: canvasStylesheet(false),
      // Zoom 1: fitScale already spread the map to the stage, at reading size.
      layout: { name: 'preset', fit: false },
      zoom: 1,
      maxZoom: 3,
      minZoom: 0.2,
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    instance.center();
    // A small stage (an embed) can be smaller than the map even at the tightest spread: zoom out to fit.
    const bb = instance.elements().renderedBoundingBox({});
    if (bb.w > box.width - 40 || bb.h > box.height - 40) instance.fit(instance.elements(), 36);
    instance.on('tap', 'node', (e) => setSelected({ kind: 'actor', id: e.target.id() }));
    instance.on('tap', 'edge', (e) => setSelected({ kind: 'relationship', id: e.target.id() }));
    instance.on('tap', (e) => e.target === instance && setSelected(null));
    instance.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    instance.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    window.cy = instance;
    setScale(s);
    setCy(instance);
    return () => {
      instance.destroy();
      if (window.cy === instance) delete window.cy;
      setCy(null);
    };
  }, [map]);

  // Date slider: relationships not in force fade, and actors left without one with them.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      const lit = new Set<string>();
      cy.edges().forEach((edge) => {
        const r = graph.relationships.get(edge.id());
        const off = !!asOf && !!r && !inForceAsOf({ start: r.start ?? undefined, end: r.end ?? undefined }, asOf);
        edge.toggleClass('dormant', off);
        if (!off) lit.add(edge.source().id()).add(edge.target().id());
      });
      cy.nodes().forEach((n) => {
        n.toggleClass('dormant', !!asOf && !lit.has(n.id()));
      });
    });
  }, [cy, asOf, graph]);

  useEffect(() => {
    if (!cy) return;
    cy.$(':selected').unselect();
    if (selected) cy.getElementById(selected.id).select();
  }, [cy, selected]);

  const deletedSelection = selected && cy?.getElementById(selected.id).hasClass('deleted');
  const explore = (actor: string, extra: Partial<typeof DEFAULT_VIEW> = {}) => {
    const start = exploreFromMap(map, actor);
    router.push(viewHref({ ...DEFAULT_VIEW, actor, expanded: start?.expanded ?? [], asOf, ...extra }));
  };
  const live = map.nodes.filter((n) => !n.deleted).length;

  return (
    <div className={`${styles.viewer} ${embed ? styles.embed : ''}`}>
      <div className={styles.main}>
        <div className={styles.stage} data-testid="map-stage" data-ready={cy ? 'true' : 'false'} data-scale={scale}>
          {cy ? null : (
            // map-svg.ts escapes every text it draws.
            <figure className={styles.fallback} data-testid="map-svg" dangerouslySetInnerHTML={{ __html: svg }} />
          )}
          <div
            ref={container}
            className={styles.canvas}
            role="application"
            aria-roledescription="map"
            aria-label={`${map.title}: ${live} actors and ${map.edges.filter((e) => !e.deleted).length} relationships. The list below the map gives every relationship with its citations.`}
            tabIndex={0}
            data-testid="map-canvas"
          />
          <AnnotationLayer
            cy={cy}
            annotations={map.annotations}
            modelScale={scale}
            look="markers"
            activeId={activeNote}
            onMarker={(id) => {
              setSelected(null);
              setActiveNote(id);
              if (embed) setNotesOpen(true);
              // After the list is drawn (the embed opens it just now).
              requestAnimationFrame(() => document.getElementById(`note-${id}`)?.scrollIntoView({ block: 'nearest' }));
            }}
          />
          {embed ? (
            <EmbedOverlay
              map={map}
              graph={graph}
              asOf={asOf}
              selected={selected}
              deleted={!!deletedSelection}
              notesOpen={notesOpen}
              activeNote={activeNote}
              onNotes={setNotesOpen}
              onSelect={(s) => {
                setSelected(s);
                if (s) setNotesOpen(false);
              }}
            />
          ) : null}
        </div>
        <MapLegend map={map} notesWhere={embed ? 'listed under Notes' : 'listed beside the map'} />
        {range ? (
          <div className={styles.slider}>
            <TimeSlider viewRange={range} fullRange={range} asOf={asOf} onChange={setAsOf} />
          </div>
        ) : null}
      </div>
      {embed ? null : (
        <div className={styles.panel}>
          {selected && deletedSelection ? (
            <DeletedDetails map={map} selection={selected} onClose={() => setSelected(null)} />
          ) : selected ? (
            <SidePanel
              content={selected}
              closable
              graph={graph}
              focusId=""
              expandedIds={[]}
              asOf={asOf}
              onSelect={setSelected}
              onFocus={(id) => explore(id)}
              onExpand={(id) => explore(id)}
              onCollapse={() => undefined}
              onPathFrom={(id) => explore(id)}
            />
          ) : (
            <aside className={styles.hint} aria-label="Notes and details">
              <NotesList map={map} activeNote={activeNote} onSelect={setSelected} />
              <p>Select an actor or a relationship on the map to see its details and the quoted evidence.</p>
            </aside>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The embed's evidence and notes, over the map inside the frame: a selected relationship's quotes with their
 * sources and wording warnings (the details panel's own, closable with Escape), or the numbered notes list,
 * opened by the Notes button or a note's marker.
 */
function EmbedOverlay(p: {
  map: MapRecord;
  graph: LoadedGraph;
  asOf: PartialDate | null;
  selected: Selection | null;
  deleted: boolean;
  notesOpen: boolean;
  activeNote: string | null;
  onNotes(open: boolean): void;
  onSelect(selection: Selection | null): void;
}) {
  const relationship = p.selected?.kind === 'relationship' && !p.deleted ? p.selected : null;
  return (
    <>
      {p.map.annotations.length ? (
        <button
          type="button"
          className={`button ${styles.notesButton}`}
          aria-expanded={p.notesOpen}
          aria-controls="embed-notes"
          data-testid="embed-notes-button"
          onClick={() => p.onNotes(!p.notesOpen)}
        >
          Notes <span className={`${styles.noteNumber} ${styles.notesCount}`}>{p.map.annotations.length}</span>
        </button>
      ) : null}
      {relationship ? (
        <div className={styles.overlay} data-testid="embed-evidence">
          <SidePanel
            content={relationship}
            closable
            graph={p.graph}
            focusId=""
            expandedIds={[]}
            asOf={p.asOf}
            onSelect={p.onSelect}
            onFocus={() => undefined}
            onExpand={() => undefined}
            onCollapse={() => undefined}
            onPathFrom={() => undefined}
          />
        </div>
      ) : p.notesOpen ? (
        <aside
          id="embed-notes"
          className={`${styles.overlay} ${styles.hint}`}
          aria-label="Notes"
          onKeyDown={(e) => {
            if (e.key === 'Escape') p.onNotes(false);
          }}
        >
          <button type="button" className={styles.overlayClose} onClick={() => p.onNotes(false)} aria-label="Close notes">
            ×
          </button>
          <NotesList map={p.map} activeNote={p.activeNote} onSelect={p.onSelect} />
        </aside>
      ) : null}
    </>
  );
}

/** The numbered notes the markers on the map point to, each with a button to what it is pinned to. */
function NotesList({ map, activeNote, onSelect }: { map: MapRecord; activeNote: string | null; onSelect(selection: Selection): void }) {
  if (!map.annotations.length) return null;
  return (
    <>
      <h2 className={styles.notesTitle}>Notes</h2>
      <ol className={styles.notes} data-testid="map-notes">
        {map.annotations.map((a, i) => (
          <li key={a.id} id={`note-${a.id}`} className={activeNote === a.id ? styles.activeNote : undefined} data-annotation-id={a.id}>
            <span className={styles.noteNumber} aria-hidden="true">
              {i + 1}
            </span>
            <p className={styles.noteText}>
              {a.text}
              {a.targetId && a.target !== 'CANVAS' ? (
                <>
                  {' '}
                  <button type="button" className={styles.noteTarget} onClick={() => onSelect({ kind: a.target === 'NODE' ? 'actor' : 'relationship', id: a.targetId! })}>
                    {noteTargetName(map, a.target, a.targetId)}
                  </button>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

/** What a pinned note is about, by its current (or saved) name. */
function noteTargetName(map: MapRecord, target: 'NODE' | 'EDGE' | 'CANVAS', id: string): string {
  const name = (actorId: string) => {
    const n = map.nodes.find((x) => x.actorId === actorId);
    return n?.actor?.name ?? n?.savedName ?? actorId;
  };
  if (target === 'NODE') return `About ${name(id)}`;
  const e = map.edges.find((x) => x.relationshipId === id);
  return e ? `About ${name(e.savedSource)} – ${name(e.savedTarget)}` : 'Show';
}

function DeletedDetails({ map, selection, onClose }: { map: MapRecord; selection: Selection; onClose(): void }) {
  const node = selection.kind === 'actor' ? map.nodes.find((n) => n.actorId === selection.id) : undefined;
  const edge = selection.kind === 'relationship' ? map.edges.find((e) => e.relationshipId === selection.id) : undefined;
  const name = (id: string) => map.nodes.find((n) => n.actorId === id)?.savedName ?? id;
  return (
    <aside className={styles.hint} aria-label="Details" data-testid="deleted-details">
      <p className={styles.deletedTitle}>{node ? node.savedName : edge ? `${TYPE_STYLES[edge.savedType].label}: ${name(edge.savedSource)} – ${name(edge.savedTarget)}` : ''}</p>
      <p>Deleted from the graph since this map was saved. The map keeps it, crossed out, so readers see what changed.</p>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
