/**
 * Cytoscape styles added on top of graph-style.ts for curated maps and hub
 * paging, kept apart so the shared stylesheet stays as it is:
 * the class `deleted` (an element deleted from the graph since the map was
 * saved) and kind/type `MORE` (the "N more" node of a paged hub and its edge).
 */
import type { StylesheetJson } from 'cytoscape';
import { MORE_KIND } from './hub-paging';

export const DELETED_GREY = '#8a929c';

export function extraStylesheet(): StylesheetJson {
  const sheet: { selector: string; style: Record<string, string | number> }[] = [
    {
      selector: 'node.deleted',
      style: { 'background-color': '#eef0f3', 'border-color': DELETED_GREY, 'border-style': 'dashed', color: '#535b66', 'font-style': 'italic' },
    },
    { selector: 'edge.deleted', style: { 'line-color': DELETED_GREY, 'target-arrow-color': DELETED_GREY, 'line-style': 'dotted' } },
    {
      selector: `node[kind = "${MORE_KIND}"]`,
      style: {
        shape: 'round-rectangle',
        // Fits "9999 more" and "Loading…" at 11px.
        width: 78,
        height: 24,
        'background-color': '#ffffff',
        'border-color': '#2253b8',
        'border-width': 1.5,
        'border-style': 'dashed',
        color: '#2253b8',
        'font-size': 11,
        'font-weight': 600,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        'text-outline-width': 0,
      },
    },
    { selector: `edge[type = "${MORE_KIND}"]`, style: { 'line-color': '#b9cbef', 'line-style': 'dashed', 'target-arrow-shape': 'none', width: 1.2 } },
  ];
  return sheet as unknown as StylesheetJson;
}
