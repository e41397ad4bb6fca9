/**
 * The explorer's canvas code path outside Next.js: the real GraphCanvas
 * component (its stylesheet, layouts, batching and React) mounted with an
 * empty graph. It exposes `window.__steppeRender`, which the render
 * benchmark drives exactly as it drives the bare page. `?webgl=1` mounts it
 * with Cytoscape's WebGL renderer.
 */
import { createRoot } from 'react-dom/client';
import { GraphCanvas } from '../../app/_components/GraphCanvas';
import '../../app/globals.css';

const none = new Set<string>();
const noop = () => undefined;
const renderer = new URLSearchParams(location.search).get('webgl') === '1' ? 'webgl' : 'canvas';

createRoot(document.getElementById('root')!).render(
  <div style={{ position: 'fixed', inset: 0 }}>
    <GraphCanvas
      nodes={[]}
      edges={[]}
      hidden={none}
      dormant={none}
      pathIds={null}
      focusId=""
      expandedIds={[]}
      selected={null}
      layout="fcose"
      layoutSeed="bench"
      ready
      layoutKey="bench"
      onSelect={noop}
      onExpand={noop}
      description="Render benchmark"
      renderer={renderer}
    />
  </div>,
);
