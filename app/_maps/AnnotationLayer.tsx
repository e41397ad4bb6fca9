'use client';

/**
 * Map notes drawn over a Cytoscape canvas as real HTML, kept in place on every
 * pan, zoom, resize and node drag. A note pinned to a node or edge follows
 * it; a canvas note sits at its model coordinates. Two looks: `boxes` (the
 * text itself, while editing in the explorer) and `markers` (numbered
 * buttons, as on a published map, the text listed beside the map).
 */
import type { Core, EdgeSingular } from 'cytoscape';
import { useCyViewport } from '@/app/_lib/use-cy-viewport';
import type { MapAnnotation } from '@/app/_lib/map-records';
import styles from './AnnotationLayer.module.css';

interface Props {
  cy: Core | null;
  annotations: readonly MapAnnotation[];
  /** Box offset from the anchor in screen pixels (map-svg.ts `noteOffsets`); default up and to the right. */
  offsets?: ReadonlyMap<string, { dx: number; dy: number; w?: number }>;
  /** Canvas positions on the Cytoscape canvas are the saved ones times this (the map viewer rescales its maps). */
  modelScale?: number;
  /** Editing: a remove button on each note. */
  onRemove?(id: string): void;
  /** Editing: an edit button on each note (its text). */
  onEdit?(id: string): void;
  /** `markers`: numbered buttons; activating one calls `onMarker`. */
  look?: 'boxes' | 'markers';
  onMarker?(id: string): void;
  /** The marker shown as chosen. */
  activeId?: string | null;
}

/** Anchor of a note in rendered (screen) pixels, or null when what it is pinned to is not drawn. */
function anchorOf(cy: Core, a: MapAnnotation, scale: number): { x: number; y: number } | null {
  if (a.target === 'CANVAS') {
    if (a.x === null || a.y === null) return null;
    const pan = cy.pan();
    const zoom = cy.zoom();
    return { x: a.x * scale * zoom + pan.x, y: a.y * scale * zoom + pan.y };
  }
  const ele = a.targetId ? cy.getElementById(a.targetId) : null;
  if (!ele || ele.empty() || !ele.visible()) return null;
  return ele.isNode() ? ele.renderedPosition() : (ele as unknown as EdgeSingular).renderedMidpoint();
}

export function AnnotationLayer({ cy, annotations, offsets, modelScale = 1, onRemove, onEdit, look = 'boxes', onMarker, activeId }: Props) {
  useCyViewport(cy);

  if (!cy || cy.destroyed()) return null;
  if (look === 'markers') {
    return (
      <div className={styles.layer} data-testid="annotation-layer">
        {annotations.map((a, i) => {
          const at = markerAnchor(cy, a, modelScale);
          if (!at) return null;
          return (
            <button
              key={a.id}
              type="button"
              className={`${styles.marker} ${activeId === a.id ? styles.active : ''}`}
              style={{ left: at.x, top: at.y }}
              onClick={() => onMarker?.(a.id)}
              aria-label={`Note ${i + 1}: ${a.text}`}
              data-testid="map-note-marker"
              data-annotation-id={a.id}
            >
              {i + 1}
              <span className={styles.tip} aria-hidden="true">
                {a.text}
              </span>
            </button>
          );
        })}
      </div>
    );
  }

  const placed = annotations.flatMap((a) => {
    const anchor = anchorOf(cy, a, modelScale);
    if (!anchor) return [];
    const off = offsets?.get(a.id);
    const dx = a.target === 'CANVAS' ? 0 : off ? off.dx : 18;
    const dy = a.target === 'CANVAS' ? 0 : off ? off.dy : -18;
    // Near the right edge a default-placed note opens to the left of its anchor instead.
    const flip = !off && a.target !== 'CANVAS' && anchor.x > cy.width() - 280;
    return [{ a, anchor, box: { x: anchor.x + (flip ? -dx : dx), y: anchor.y + dy }, width: off?.w, up: !off && a.target !== 'CANVAS', flip }];
  });

  return (
    <div className={styles.layer} data-testid="annotation-layer">
      <svg className={styles.leaders} aria-hidden="true" focusable="false">
        {placed
          .filter((p) => p.a.target !== 'CANVAS')
          .map((p) => (
            <g key={p.a.id}>
              <line x1={p.anchor.x} y1={p.anchor.y} x2={p.box.x} y2={p.box.y} className={styles.leader} />
              <circle cx={p.anchor.x} cy={p.anchor.y} r={2.5} className={styles.dot} />
            </g>
          ))}
      </svg>
      {placed.map((p) => (
        <div
          key={p.a.id}
          className={`${styles.note} ${p.up ? styles.up : ''} ${p.flip ? styles.flip : ''}`}
          style={{ left: p.box.x, top: p.box.y, width: p.width }}
          data-testid="map-note"
          data-annotation-id={p.a.id}
          data-target={p.a.target}
        >
          <span className="visually-hidden">Note{p.a.target === 'CANVAS' ? '' : ` on ${describeTarget(cy, p.a)}`}: </span>
          {p.a.text}
          {onEdit ? (
            <button type="button" className={styles.remove} onClick={() => onEdit(p.a.id)} aria-label={`Edit note “${truncate(p.a.text)}”`} data-testid="edit-note">
              ✎
            </button>
          ) : null}
          {onRemove ? (
            <button type="button" className={styles.remove} onClick={() => onRemove(p.a.id)} aria-label={`Remove note “${truncate(p.a.text)}”`}>
              ×
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** A marker sits up and to the right of its actor (as in map-svg.ts), on its relationship's midpoint, or at its canvas point. */
function markerAnchor(cy: Core, a: MapAnnotation, scale: number): { x: number; y: number } | null {
  const at = anchorOf(cy, a, scale);
  if (!at || a.target !== 'NODE' || !a.targetId) return at;
  const r = (cy.getElementById(a.targetId).renderedOuterWidth() || 26) / 2;
  return { x: at.x + r + 3, y: at.y - r - 3 };
}

function describeTarget(cy: Core, a: MapAnnotation): string {
  const ele = a.targetId ? cy.getElementById(a.targetId) : null;
  if (!ele || ele.empty()) return a.targetId ?? '';
  if (ele.isNode()) return String(ele.data('label') ?? a.targetId);
  const edge = ele as unknown as EdgeSingular;
  return `${edge.source().data('label')} – ${edge.target().data('label')}`;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
