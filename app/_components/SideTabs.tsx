'use client';

/**
 * The explorer's right-hand panel: the details panel plus the Insights,
 * Changes and Timeline tabs, and what choosing something in them does to the
 * view (focus an actor, select and centre a relationship, move the slider).
 */
import type { ReactNode, RefObject } from 'react';
import { earliestDay, latestDay } from '@/graph/core/model';
import type { LoadedGraph, Visibility } from '@/app/_lib/graph-view';
import type { TimelineEntry } from '@/app/_lib/insights';
import type { DiffEvent } from '@/app/_lib/queries';
import type { Insights } from '@/app/_lib/use-insights';
import type { ViewState } from '@/app/_lib/url-state';
import { ChangesPanel } from './ChangesPanel';
import type { GraphCanvasHandle } from './GraphCanvas';
import { InsightsPanel } from './InsightsPanel';
import { PanelTabs } from './PanelTabs';
import { TimelinePanel } from './TimelinePanel';

interface Props {
  view: ViewState;
  update(change: (v: ViewState) => ViewState): void;
  insights: Insights;
  graph: LoadedGraph;
  visibility: Visibility;
  dateRange: { min: string; max: string } | null;
  canvas: RefObject<GraphCanvasHandle | null>;
  onFocus(id: string): void;
  details: ReactNode;
}

export function SideTabs({ view, update, insights, graph, visibility, dateRange, canvas, onFocus, details }: Props) {
  const inView = new Set([...graph.relationships.keys()].filter((id) => !visibility.hidden.has(id)));

  /** A relationship from the changes list: select and centre it when drawn, else focus its source actor (whose network holds it). */
  function pickChange(r: DiffEvent['relationship']) {
    const selected = { kind: 'relationship', id: r.id } as const;
    if (graph.relationships.has(r.id)) {
      update((v) => ({ ...v, selected }));
      canvas.current?.reveal([r.id]);
    } else {
      update((v) => ({ ...v, actor: r.source.id, expanded: [], selected, path: null }));
    }
  }

  function pickEvent(e: TimelineEntry) {
    update((v) => ({ ...v, asOf: e.date, selected: { kind: 'relationship', id: e.relationship.id } }));
    canvas.current?.reveal([e.relationship.source.id, e.relationship.target.id]);
  }

  const bounds = dateRange ? { min: earliestDay(dateRange.min), max: latestDay(dateRange.max) } : null;
  const undated = [...graph.relationships.values()].filter((r) => !r.start && !r.end).length;

  return (
    <PanelTabs
      tab={view.tab}
      onTab={(tab) => update((v) => ({ ...v, tab }))}
      panels={{
        details,
        insights: (
          <InsightsPanel
            sizeBy={view.sizeBy}
            colorBy={view.colorBy}
            onSizeBy={(sizeBy) => update((v) => ({ ...v, sizeBy }))}
            onColorBy={(colorBy) => update((v) => ({ ...v, colorBy }))}
            analytics={insights.analytics}
            asOf={view.asOf}
            typesFiltered={view.hiddenTypes.length > 0}
            onFocus={onFocus}
          />
        ),
        changes: (
          <ChangesPanel
            range={insights.diffRange}
            bounds={bounds}
            onRange={(diff) => update((v) => ({ ...v, diff }))}
            diff={insights.diff ?? { status: 'idle', retry: () => undefined }}
            inView={inView}
            onPick={pickChange}
          />
        ),
        timeline: <TimelinePanel events={insights.timeline} current={insights.currentEvent} asOf={view.asOf} undated={undated} onPick={pickEvent} />,
      }}
    />
  );
}
