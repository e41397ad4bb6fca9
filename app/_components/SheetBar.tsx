'use client';

/**
 * The handle of the explorer's bottom sheet on narrow screens (Explorer.module.css
 * hides it on wide ones, where the sheet's parts are the rail and the side panel).
 * The handle is a button that steps the sheet peek → half → full → peek, and can
 * be dragged to any of the three; two toggle buttons choose what the sheet holds.
 * The sheet keeps the graph in view: at peek it shows only this bar, with the
 * name of what is selected as the cue that details are waiting.
 */
import { useRef, type PointerEvent, type Ref } from 'react';
import type { SheetState, SheetView } from '@/app/_lib/use-bottom-sheet';
import styles from './SheetBar.module.css';

const NEXT: Record<SheetState, SheetState> = { peek: 'half', half: 'full', full: 'peek' };
const ACTION: Record<SheetState, string> = { peek: 'open', half: 'enlarge', full: 'lower' };
/** A press that moves less than this is a tap, not a drag. */
const DRAG_THRESHOLD_PX = 6;

interface Props {
  state: SheetState;
  view: SheetView;
  /** What the details hold (the selection, the paths or the focus): the cue at peek. */
  title: string;
  /** Ids of the sheet's two parts, for aria-controls. */
  controls: string;
  onState(state: SheetState): void;
  onView(view: SheetView): void;
  /** The sheet element, resized live while the handle is dragged. */
  sheet: () => HTMLElement | null;
  handleRef?: Ref<HTMLButtonElement>;
}

export function SheetBar({ state, view, title, controls, onState, onView, sheet, handleRef }: Props) {
  const drag = useRef<{ y: number; height: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  function onPointerDown(e: PointerEvent<HTMLButtonElement>) {
    const el = sheet();
    if (!el || e.button !== 0) return;
    drag.current = { y: e.clientY, height: el.getBoundingClientRect().height, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  }

  function onPointerMove(e: PointerEvent<HTMLButtonElement>) {
    const d = drag.current;
    const el = sheet();
    if (!d || !el) return;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dy) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    el.style.height = `${Math.max(0, Math.min(window.innerHeight, d.height - dy))}px`;
  }

  function onPointerUp() {
    const d = drag.current;
    const el = sheet();
    drag.current = null;
    if (!d?.moved || !el) return;
    const height = el.getBoundingClientRect().height;
    el.style.height = '';
    suppressClick.current = true;
    // Snap to the nearest state: the thirds of the screen below, at and above the half-open sheet.
    const share = height / window.innerHeight;
    onState(share < 0.3 ? 'peek' : share < 0.75 ? 'half' : 'full');
  }

  return (
    <div className={styles.bar}>
      <button
        ref={handleRef}
        type="button"
        className={styles.handle}
        aria-expanded={state !== 'peek'}
        aria-controls={controls}
        data-testid="sheet-handle"
        data-state={state}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClick={() => {
          if (suppressClick.current) {
            suppressClick.current = false;
            return;
          }
          onState(NEXT[state]);
        }}
      >
        <span className={styles.grip} aria-hidden="true" />
        <span className={styles.title}>{title}</span>
        <span className="visually-hidden"> ({ACTION[state]} the panel)</span>
      </button>
      <div className={styles.views} role="group" aria-label="Panel shows">
        <button
          type="button"
          className={styles.view}
          aria-pressed={view === 'details'}
          onClick={() => {
            onView('details');
            if (state === 'peek') onState('half');
          }}
        >
          Details
        </button>
        <button
          type="button"
          className={styles.view}
          aria-pressed={view === 'tools'}
          data-testid="sheet-tools"
          onClick={() => {
            onView('tools');
            if (state === 'peek') onState('half');
          }}
        >
          Path &amp; filters
        </button>
      </div>
    </div>
  );
}
