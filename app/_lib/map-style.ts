/**
 * Cytoscape styles added on top of graph-style.ts for curated maps and hub
 * paging, kept apart so the shared stylesheet stays as it is:
 * the class `deleted` (an element deleted from the graph since the map was
 * saved) and kind/type `MORE` (the "N more" node of a paged hub and its edge).
 */
import type { StylesheetJson } from 'cytoscape';
import type { ActorKind, RelationshipType } from '@/graph/core/model';
import { cytoscapeStylesheet, edgeStyleData, nodeLabelText, nodeStyleData, type EdgeStyleData, type NodeStyleData } from './graph-style';
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

/** The "N more" node's and edge's style data (the data mappers in graph-style.ts read it; the rules above refine it). */
const MORE_NODE_LOOK: NodeStyleData = { shape: 'round-rectangle', color: '#ffffff', border: '#2253b8', w: 78, h: 24, fw: 78, fh: 24 };
const MORE_EDGE_LOOK: EdgeStyleData = { color: '#b9cbef', line: 'dashed', arrow: 'none' };

/** Style data for any canvas node: an actor's by kind (sized and coloured by insights), or the "N more" node's. */
export function canvasNodeLook(kind: ActorKind | typeof MORE_KIND, opts: { scale?: number; color?: string } = {}): NodeStyleData {
  return kind === MORE_KIND ? MORE_NODE_LOOK : nodeStyleData(kind, opts);
}

/** A canvas node's data: its full name (`label`), the wrapped and cut name drawn (`short`), kind and look. */
export function canvasNodeData(n: { label: string; kind: ActorKind | typeof MORE_KIND; scale?: number; color?: string }) {
  return { label: n.label, short: n.kind === MORE_KIND ? n.label : nodeLabelText(n.label), kind: n.kind, ...canvasNodeLook(n.kind, { scale: n.scale, color: n.color }) };
}

export function canvasEdgeLook(type: RelationshipType | typeof MORE_KIND): EdgeStyleData {
  return type === MORE_KIND ? MORE_EDGE_LOOK : edgeStyleData(type);
}

/** The canvas stylesheet: the shared one (graph-style.ts), then the map and hub-paging rules. */
export function canvasStylesheet(large: boolean): StylesheetJson {
  return [...(cytoscapeStylesheet({ large }) as object[]), ...(extraStylesheet() as object[])] as unknown as StylesheetJson;
}
