'use client';

/**
 * The data behind the insights, changes and timeline tabs and the canvas
 * looks they drive: one analysis (as of the slider date, over the shown
 * types) for sizes, community colours and the ranked lists; the diff of the
 * chosen range for edge marks; the timeline of the relationships in view.
 */
import { useMemo } from 'react';
import { RELATIONSHIP_TYPES } from '@/graph/core/model';
import type { LoadedGraph } from './graph-view';
import { communityColor, currentEventIndex, defaultDiffRange, diffMarks, MEASURE, sizeScales, timelineOf, type DiffMark, type TimelineEntry } from './insights';
import { fetchAnalytics, fetchDiff, type AnalyticsRecord, type DiffRecord } from './queries';
import { latestData, useAsync, type AsyncState } from './use-async';
import { useDebounced } from './use-debounced';
import type { ViewState } from './url-state';

export interface NodeLook {
  scale?: number;
  color?: string;
}

export interface Insights {
  analytics: AsyncState<AnalyticsRecord> & { retry(): void };
  /** Size and fill per actor id, for the canvas. */
  looks: Map<string, NodeLook>;
  diffRange: { from: string; to: string };
  diff: (AsyncState<DiffRecord> & { retry(): void }) | null;
  /** Canvas class per relationship id while the Changes tab is open. */
  marks: ReadonlyMap<string, DiffMark>;
  timeline: TimelineEntry[];
  /** The timeline event the slider is at (-1: before all). */
  currentEvent: number;
  /** Communities of the actors in view, most actors first, while colouring by community. */
  keyCommunities: { id: number; label: string; inView: number }[] | null;
}

const NO_MARKS: ReadonlyMap<string, DiffMark> = new Map();

/** How long the date must rest before the whole-graph analysis is asked for again. */
const ANALYSIS_DATE_DEBOUNCE_MS = 300;

export function useInsights(view: ViewState, graph: LoadedGraph, dateRange: { min: string; max: string } | null): Insights {
  // The analysis is wanted for sizes, community colours and the Insights tab; never otherwise (it reads the whole graph).
  const wantAnalytics = view.sizeBy !== 'none' || view.colorBy === 'community' || view.tab === 'insights';
  const by = MEASURE[view.sizeBy === 'none' ? 'pagerank' : view.sizeBy];
  const types = view.hiddenTypes.length ? RELATIONSHIP_TYPES.filter((t) => !view.hiddenTypes.includes(t)) : undefined;
  // The slider and play move asOf step by step: analyse once it settles (the last result stays shown meanwhile).
  const asOf = useDebounced(view.asOf, ANALYSIS_DATE_DEBOUNCE_MS);
  const query = { by, asOf: asOf ?? undefined, types };
  const analytics = useAsync(wantAnalytics ? `analytics:${JSON.stringify(query)}` : null, (signal) => fetchAnalytics(query, signal));
  const analysed = latestData(analytics);

  const looks = useMemo(() => {
    const out = new Map<string, NodeLook>();
    if (!analysed) return out;
    const ids = [...graph.actors.keys()];
    const scales = view.sizeBy === 'none' ? null : sizeScales(new Map(analysed.central.map((c) => [c.actor.id, c.score])), ids);
    const community = view.colorBy === 'community' ? new Map(analysed.central.map((c) => [c.actor.id, c.metrics.community.id])) : null;
    for (const id of ids) {
      const c = community?.get(id);
      out.set(id, { scale: scales?.get(id), color: community ? communityColor(c ?? -1) : undefined });
    }
    return out;
  }, [analysed, graph, view.sizeBy, view.colorBy]);

  const diffRange = view.diff ?? defaultDiffRange(dateRange);
  const wantDiff = view.tab === 'changes';
  const diffState = useAsync(wantDiff ? `diff:${diffRange.from}~${diffRange.to}` : null, (signal) => fetchDiff(diffRange, signal));
  const diffData = wantDiff && diffState.status === 'ready' ? diffState.data : null;
  const marks = useMemo(() => (diffData ? diffMarks(diffData) : NO_MARKS), [diffData]);

  // The timeline lists the relationships the type and kind filters leave, whatever the date.
  const timeline = useMemo(() => {
    if (view.tab !== 'timeline') return [];
    const kinds = new Set(view.hiddenKinds);
    const types = new Set(view.hiddenTypes);
    return timelineOf([...graph.relationships.values()].filter((r) => !types.has(r.type) && !kinds.has(r.source.kind) && !kinds.has(r.target.kind)));
  }, [graph, view.tab, view.hiddenKinds, view.hiddenTypes]);
  const currentEvent = useMemo(() => currentEventIndex(timeline, view.asOf), [timeline, view.asOf]);

  const keyCommunities = useMemo(() => {
    if (view.colorBy !== 'community' || !analysed) return null;
    const byActor = new Map(analysed.central.map((c) => [c.actor.id, c.metrics.community]));
    const counts = new Map<number, { id: number; label: string; inView: number }>();
    for (const id of graph.actors.keys()) {
      const c = byActor.get(id);
      if (!c) continue;
      const entry = counts.get(c.id) ?? { id: c.id, label: c.label, inView: 0 };
      entry.inView++;
      counts.set(c.id, entry);
    }
    return [...counts.values()].sort((a, b) => b.inView - a.inView || a.id - b.id);
  }, [analysed, graph, view.colorBy]);

  return { keyCommunities, analytics, looks, diffRange, diff: wantDiff ? diffState : null, marks, timeline, currentEvent };
}
