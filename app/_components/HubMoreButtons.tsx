'use client';

/**
 * Real buttons laid over the "N more" nodes of paged hubs, so the next page
 * loads by click, tap or keyboard (Tab to it, Enter or Space), with a name a
 * screen reader can say. Cytoscape draws the node; the button follows it.
 */
import type { Core } from 'cytoscape';
import { createPortal } from 'react-dom';
import type { MoreNode } from '@/app/_lib/hub-paging';
import { useCyViewport } from '@/app/_lib/use-cy-viewport';
import styles from './HubMoreButtons.module.css';

export function HubMoreButtons({ getCore, nodes, onLoadMore }: { getCore(): Core | null; nodes: readonly MoreNode[]; onLoadMore(hubId: string): void }) {
  // Read on each render: the explorer re-renders when a hub's page arrives, by when the canvas exists.
  const cy = getCore();
  useCyViewport(cy);
  const host = cy && !cy.destroyed() ? cy.container()?.parentElement : null;
  if (!cy || !host || nodes.length === 0) return null;
  return createPortal(
    <div className={styles.layer}>
      {nodes.map((m) => {
        const ele = cy.getElementById(m.id);
        if (ele.empty() || !ele.visible()) return null;
        const bb = ele.renderedBoundingBox({ includeLabels: true });
        return (
          <button
            key={m.id}
            type="button"
            className={styles.more}
            style={{ left: bb.x1, top: bb.y1, width: bb.w, height: bb.h }}
            onClick={() => onLoadMore(m.hubId)}
            disabled={m.loading}
            aria-label={
              m.loading
                ? `Loading more relationships of ${m.hubName}`
                : `${m.failed ? 'Loading failed. Try again: show' : 'Show'} ${m.next} more of ${m.hubName}’s ${m.remaining} remaining relationships`
            }
            title={`Show ${m.next} more relationships of ${m.hubName}`}
            data-testid="hub-more"
            data-hub={m.hubId}
            data-remaining={m.remaining}
          />
        );
      })}
    </div>,
    host,
  );
}
