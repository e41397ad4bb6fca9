'use client';

/**
 * The path finder's two ends, kept by the explorer so "Path from here" in the
 * side panel can fill them. Ends restored from a link carry only ids; their
 * names are filled in once the graph (or the found paths) bring them. Each
 * change made from outside the path finder bumps `generation`, which tells
 * the path finder to take the new ends into its inputs.
 */
import { useState } from 'react';
import type { PathEnd } from '@/app/_components/PathFinder';
import type { LoadedGraph } from './graph-view';
import type { PathRecord } from './queries';
import type { ViewState } from './url-state';

export function usePathEnds(view: Pick<ViewState, 'path'>, graph: LoadedGraph, paths: readonly PathRecord[] | null, focus: { id: string; name: string }) {
  const nameOf = (id: string) => graph.actors.get(id)?.name ?? paths?.flatMap((p) => p.nodes).find((n) => n.id === id)?.name;
  const [ends, setEnds] = useState<{ from: PathEnd; to: PathEnd; generation: number }>(() => ({
    from: view.path ? { id: view.path.from, name: view.path.from } : null,
    to: view.path ? { id: view.path.to, name: view.path.to } : null,
    generation: 0,
  }));
  const named = (end: PathEnd): PathEnd => {
    const name = end && end.name === end.id ? nameOf(end.id) : undefined;
    return end && name && name !== end.id ? { ...end, name } : end;
  };
  if (named(ends.from) !== ends.from || named(ends.to) !== ends.to) {
    setEnds((e) => ({ from: named(e.from), to: named(e.to), generation: e.generation + 1 }));
  }
  // Without a chosen start, the path finder starts from the focus.
  const defaultFrom: PathEnd = graph.actors.has(focus.id) ? focus : null;

  return {
    from: ends.from ?? defaultFrom,
    to: ends.to,
    generation: ends.from ? String(ends.generation) : `${ends.generation}-${defaultFrom?.id}-${defaultFrom?.name}`,
    /** The path finder's own edits (`external`: a swap or pick that its inputs should show anew). */
    set(from: PathEnd, to: PathEnd, external: boolean) {
      setEnds((e) => ({ from, to, generation: external ? e.generation + 1 : e.generation }));
    },
    /** "Path from here": this actor becomes the start, the end stays unless it is the same actor. */
    startFrom(id: string) {
      setEnds((e) => ({ from: { id, name: nameOf(id) ?? id }, to: e.to && e.to.id !== id ? e.to : null, generation: e.generation + 1 }));
    },
  };
}
