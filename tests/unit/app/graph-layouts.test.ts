/**
 * Placement of nodes brought in by an expansion, on a headless Cytoscape:
 * nodes already placed never move, new ones land next to the node they hang off.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { fitViewport, layoutOptions, placeNewNodes, settleNewNodes, MAX_FIT_ZOOM } from '@/app/_lib/layouts';

cytoscape.use(fcose);

function star(): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 20, height: 20 } }] });
  cy.add([
    { group: 'nodes', data: { id: 'focus' }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'a' }, position: { x: 100, y: 0 } },
    { group: 'nodes', data: { id: 'b' }, position: { x: -100, y: 0 } },
    { group: 'nodes', data: { id: 'c' }, position: { x: 0, y: 100 } },
    { group: 'edges', data: { id: 'fa', source: 'focus', target: 'a' } },
    { group: 'edges', data: { id: 'fb', source: 'focus', target: 'b' } },
    { group: 'edges', data: { id: 'fc', source: 'focus', target: 'c' } },
  ]);
  return cy;
}

const positions = (cy: cytoscape.Core, ids: string[]) => Object.fromEntries(ids.map((id) => [id, { ...cy.getElementById(id).position() }]));

function expandA(cy: cytoscape.Core): cytoscape.NodeCollection {
  const added = cy.add([
    { group: 'nodes', data: { id: 'a1' } },
    { group: 'nodes', data: { id: 'a2' } },
    { group: 'nodes', data: { id: 'a3' } },
    // Reachable only through a new node (as on a path).
    { group: 'nodes', data: { id: 'a3x' } },
    { group: 'edges', data: { id: 'e1', source: 'a', target: 'a1' } },
    { group: 'edges', data: { id: 'e2', source: 'a2', target: 'a' } },
    { group: 'edges', data: { id: 'e3', source: 'a', target: 'a3' } },
    { group: 'edges', data: { id: 'e4', source: 'a3', target: 'a3x' } },
  ]);
  return added.nodes();
}

describe('layouts', () => {
  it('places new nodes around the node they hang off, facing away from the graph, without moving the others', () => {
    const cy = star();
    const before = positions(cy, ['focus', 'a', 'b', 'c']);
    const added = expandA(cy);
    placeNewNodes(cy, added);
    expect(positions(cy, ['focus', 'a', 'b', 'c'])).toEqual(before);
    for (const id of ['a1', 'a2', 'a3']) {
      const p = cy.getElementById(id).position();
      const fromA = Math.hypot(p.x - 100, p.y);
      expect(fromA, id).toBeGreaterThan(60);
      expect(fromA, id).toBeLessThan(200);
      // On the far side of "a" from the centre of the graph.
      expect(p.x, id).toBeGreaterThan(100);
    }
    const x = cy.getElementById('a3x').position();
    const a3 = cy.getElementById('a3').position();
    expect(Math.hypot(x.x - a3.x, x.y - a3.y)).toBeLessThan(200);
    // Distinct spots.
    const spots = new Set(added.map((n) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`));
    expect(spots.size).toBe(added.length);
  });

  it('refines new nodes with fCoSE while every placed node stays exactly where it was', async () => {
    const cy = star();
    const before = positions(cy, ['focus', 'a', 'b', 'c']);
    const added = expandA(cy);
    placeNewNodes(cy, added);
    await new Promise<void>((resolve) => {
      const layout = settleNewNodes(cy, added, 'seed', resolve);
      expect(layout).not.toBeNull();
    });
    expect(positions(cy, ['focus', 'a', 'b', 'c'])).toEqual(before);
    expect(cy.nodes(':locked').length).toBe(0);
    for (const n of added) expect(Number.isFinite(n.position().x) && Number.isFinite(n.position().y)).toBe(true);
  });

  it('roots breadth-first at the focus and rings concentric around it', () => {
    const cy = star();
    expandA(cy);
    const bf = layoutOptions('breadthfirst', cy, 'focus', { animate: false }) as unknown as { roots: string };
    expect(bf.roots).toBe('#focus');
    cy.layout(layoutOptions('concentric', cy, 'focus', { animate: false })).run();
    const f = cy.getElementById('focus').position();
    const ring1 = ['a', 'b', 'c'].map((id) => Math.hypot(cy.getElementById(id).position().x - f.x, cy.getElementById(id).position().y - f.y));
    const ring2 = ['a1', 'a2', 'a3'].map((id) => Math.hypot(cy.getElementById(id).position().x - f.x, cy.getElementById(id).position().y - f.y));
    expect(Math.max(...ring1)).toBeLessThan(Math.min(...ring2));
  });

  it('fits a view clear of the insets and never zooms a small graph in past the cap', () => {
    const cy = star();
    // Headless cores have no size; give fitViewport one.
    Object.assign(cy, { width: () => 800, height: () => 600 });
    const fit = fitViewport(cy, cy.nodes(), { top: 100, right: 0, bottom: 100, left: 0 })!;
    expect(fit.zoom).toBeLessThanOrEqual(MAX_FIT_ZOOM);
    // The graph's centre lands in the middle of the free band (y 100–500).
    const bb = cy.nodes().boundingBox({});
    expect(fit.pan.y + fit.zoom * (bb.y1 + bb.h / 2)).toBeCloseTo(300, 5);
    expect(fitViewport(cy, cy.collection(), { top: 0, right: 0, bottom: 0, left: 0 })).toBeNull();
  });
});
