/**
 * The render benchmark: how much longer the explorer's canvas takes than bare
 * Cytoscape to add, lay out (fCoSE, the explorer's options) and draw the same
 * elements, in headless Chromium. Both pages are bundled here with esbuild and
 * served on loopback; Math.random is seeded identically before each render so
 * both layouts start from the same positions. Renders alternate between the
 * pages; the ratio is median(explorer) ÷ median(bare). After the renders, a
 * scripted pan and zoom on each page gives frame times (panZoomFrames), and
 * the same view moved by the mouse through Chromium's input gives the time a
 * hand waits (gestureFrames).
 * Optionally the same again with Cytoscape's WebGL renderer on both pages.
 *
 * With `explorerUrl`, the explorer side is that running page (e.g. the app's
 * `/` under `next start`), which exposes the same `window.__steppeRender`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementDefinition } from 'cytoscape';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { generateGraph } from '../generate';
import { median, summarize } from '../stats';
import { egoElements, largeViewElements } from './elements';
import { GESTURE_STEPS, type RenderTiming } from './protocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Frame intervals (requestAnimationFrame timestamps, ms) over the scripted pan and zoom, and how many frames Cytoscape drew. */
export interface FrameTimes {
  frames: number;
  draws: number;
  p50: number;
  p95: number;
  max: number;
}

/** One renderer's numbers for a view: medians of the render runs, the ratio explorer ÷ bare, pan/zoom frames. */
export interface RendererResult {
  bare: RenderTiming;
  explorer: RenderTiming;
  /** explorer.totalMs ÷ bare.totalMs (medians). */
  ratio: number;
  panZoom: { bare: FrameTimes; explorer: FrameTimes };
  /** The same view moved by a hand (gestureFrames); absent in runs recorded before it was measured. */
  gesture?: { bare: GestureTimes; explorer: GestureTimes };
}

export interface RenderSizeResult {
  elements: number;
  nodes: number;
  runs: number;
  /** The canvas renderer (Cytoscape's default, and the explorer's), kept at the top level as earlier runs recorded it. */
  bare: RenderTiming;
  explorer: RenderTiming;
  /** explorer.totalMs ÷ bare.totalMs (medians). */
  ratio: number;
  /** Absent in runs recorded before frames were measured. */
  panZoom?: RendererResult['panZoom'];
  gesture?: RendererResult['gesture'];
  /** Both pages again with Cytoscape's WebGL renderer, when measured (`--render-large`). */
  webgl?: RendererResult;
}

export interface RenderResult {
  /** `bundled GraphCanvas`, or the explorer URL measured. */
  explorer: string;
  chromium: string;
  /** The WebGL implementation Chromium reported when WebGL was measured (with --disable-gpu: SwiftShader, on the CPU). */
  webglRenderer?: string;
  sizes: RenderSizeResult[];
}

/**
 * A view the render phase draws: an ego cut of `elements` nodes + edges (egoElements), or a large view of
 * exactly `nodes` actors and `edges` relationships (largeViewElements).
 */
export type RenderView = { kind: 'ego'; elements: number } | { kind: 'large'; nodes: number; edges: number };

export const DEFAULT_VIEWS: readonly RenderView[] = [
  { kind: 'ego', elements: 1000 },
  { kind: 'ego', elements: 5000 },
];
/** The large view of issue 20: 10 000 nodes and 20 000 edges. */
export const LARGE_VIEW: RenderView = { kind: 'large', nodes: 10_000, edges: 20_000 };

/** Runs per page and size: more for small graphs, whose times are noisier. */
const RUNS: Record<number, number> = { 1000: 9, 5000: 5 };

/** Animation frames of the scripted pan and zoom: a third panning, a third zooming in, a third zooming out. */
const PAN_ZOOM_FRAMES = 90;

export async function bundlePages(outDir: string, minify = true): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { bare: path.join(HERE, 'bare-page.ts'), app: path.join(HERE, 'app-page.tsx') },
    outdir: outDir,
    bundle: true,
    minify,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
}

const html = (script: string, body: string, css = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">${css ? `<link rel="stylesheet" href="${css}">` : ''}<style>html,body{margin:0;height:100%}</style></head>` +
  `<body>${body}<script src="${script}"></script></body></html>`;

export async function servePages(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const pages: Record<string, [string, () => Promise<string | Buffer>]> = {
    '/bare.html': ['text/html', async () => html('/bare.js', '<div id="cy" style="position:fixed;inset:0"></div>')],
    '/app.html': ['text/html', async () => html('/app.js', '<div id="root"></div>', '/app.css')],
    '/bare.js': ['text/javascript', () => readFile(path.join(outDir, 'bare.js'))],
    '/app.js': ['text/javascript', () => readFile(path.join(outDir, 'app.js'))],
    '/app.css': ['text/css', () => readFile(path.join(outDir, 'app.css')).catch(() => '')],
  };
  const server = createServer((req, res) => {
    const page = pages[(req.url ?? '').split('?')[0]];
    if (!page) {
      res.statusCode = 404;
      return void res.end();
    }
    page[1]().then(
      (body) => {
        res.setHeader('content-type', page[0]);
        res.end(body);
      },
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Same seeded Math.random in every page; `__reseed` restarts it before each render. */
export const SEEDED_RANDOM = `(() => {
  let a = 1;
  window.__reseed = (s) => { a = s >>> 0; };
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();`;

export type Hook = '__bareRender' | '__steppeRender';

export async function renderOnce(page: Page, hook: Hook, elements: ElementDefinition[]): Promise<RenderTiming> {
  // Only the front tab gets animation frames at full rate (Chromium throttles background tabs to about one a second).
  await page.bringToFront();
  return page.evaluate(
    async ([name, els]) => {
      const w = window as unknown as Record<string, unknown> & { __reseed(s: number): void };
      w.__reseed(12345);
      const fn = w[name] as (e: unknown[], o: { layout: string }) => Promise<RenderTiming>;
      return fn(els, { layout: 'fcose' });
    },
    [hook, elements] as const,
  );
}

function medianTiming(runs: RenderTiming[]): RenderTiming {
  const m = (k: keyof RenderTiming) => median(runs.map((r) => r[k]));
  return { elements: runs[0].elements, addMs: m('addMs'), layoutMs: m('layoutMs'), drawMs: m('drawMs'), totalMs: m('totalMs') };
}

/**
 * After a render: pans, then zooms in and out about the centre (cy.panBy / cy.zoom, one step per animation
 * frame, the steps a drag or wheel makes), and records the interval between consecutive frames.
 */
export async function panZoomFrames(page: Page, frames = PAN_ZOOM_FRAMES): Promise<FrameTimes> {
  await page.bringToFront();
  const { intervals, draws } = await page.evaluate(async (n) => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    // Cytoscape counts its draws on the renderer (not in its type definitions).
    const renderer = (cy as unknown as { renderer(): { redrawCount?: number } }).renderer();
    const drawsBefore = renderer.redrawCount ?? 0;
    const intervals: number[] = [];
    // A plain loop over awaited frames (no named inner functions: this source is serialised into the page).
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < n; i++) {
      const centre = { x: cy.width() / 2, y: cy.height() / 2 };
      const third = Math.floor((i * 3) / n);
      if (third === 0) cy.panBy({ x: 7, y: 4 });
      else cy.zoom({ level: cy.zoom() * (third === 1 ? 1.03 : 1 / 1.03), renderedPosition: centre });
      const t = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      intervals.push(t - last);
      last = t;
    }
    return { intervals, draws: (renderer.redrawCount ?? 0) - drawsBefore };
  }, frames);
  return frameTimes(intervals, draws);
}

/** Frame-time summary of recorded animation-frame intervals. */
function frameTimes(intervals: number[], draws: number): FrameTimes {
  const s = summarize(intervals);
  return { frames: intervals.length, draws, p50: s.p50, p95: s.p95, max: s.max };
}

/** A user's pan and zoom with the real mouse, from the first wheel step until the full redraw after the drag. */
export interface GestureTimes extends FrameTimes {
  /** Wall time of the whole gesture, settling included (ms): what the hand waits for. */
  wallMs: number;
}

/** In the page during a gesture: animation-frame timestamps, whether to keep recording, Cytoscape's draw count at the start. */
type GestureRecorder = { stamps: number[]; on: boolean; draws: number };

/**
 * After a render: the same pan and zoom a hand makes, through Chromium's input pipeline (Playwright's mouse),
 * so Cytoscape's gesture-only drawing (`textureOnViewport`, `hideEdgesOnViewport`) takes part, which
 * panZoomFrames's scripted cy.zoom/cy.panBy never trigger. Wheel at the centre, then a drag from a corner
 * (background: both pages fit the graph with padding, so a drag there pans rather than moving a node).
 * Frame times are requestAnimationFrame intervals from the first wheel step until Cytoscape has redrawn
 * at full quality after the drag.
 */
export async function gestureFrames(page: Page): Promise<GestureTimes> {
  await page.bringToFront();
  const box = await page.evaluate(() => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const rect = cy.container()!.getBoundingClientRect();
    const w = window as unknown as { __gesture: GestureRecorder };
    const renderer = (cy as unknown as { renderer(): { redrawCount?: number } }).renderer();
    const g: GestureRecorder = (w.__gesture = { stamps: [], on: true, draws: renderer.redrawCount ?? 0 });
    // Anonymous async loop (no named inner functions: this source is serialised into the page).
    void (async () => {
      while (g.on) g.stamps.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
    })();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  const t0 = Date.now();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < GESTURE_STEPS.wheel; i++) await page.mouse.wheel(0, i < GESTURE_STEPS.wheel / 2 ? -100 : 100);
  const corner = { x: box.x + 12, y: box.y + 12 };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  for (let i = 1; i <= GESTURE_STEPS.drag; i++) await page.mouse.move(corner.x + i * 10, corner.y + i * 6);
  await page.mouse.up();
  const { intervals, draws } = await page.evaluate(async () => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const renderer = (cy as unknown as { renderer(): { redrawCount?: number; data: { wheelZooming?: boolean }; hoverData: { dragging?: boolean } } }).renderer();
    // Cytoscape redraws at full quality 150 ms after the last wheel step and on release; wait for that frame.
    while (renderer.data.wheelZooming || renderer.hoverData.dragging) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const g = (window as unknown as { __gesture: GestureRecorder }).__gesture;
    g.on = false;
    return { intervals: g.stamps.slice(1).map((t, i) => t - g.stamps[i]), draws: (renderer.redrawCount ?? 0) - g.draws };
  });
  return { ...frameTimes(intervals, draws), wallMs: Date.now() - t0 };
}

/** Label of a view in tables: "1000 elements" or "10000 nodes + 20000 edges". */
export function viewLabel(view: RenderView): string {
  return view.kind === 'ego' ? `${view.elements} elements` : `${view.nodes} nodes + ${view.edges} edges`;
}

type Pages = Record<'bare' | 'explorer', Page>;

/** Renders `elements` on both pages (one warm-up each, then `runs` alternating), then pans and zooms each by script, then by hand. */
async function measureRenderer(pages: Pages, elements: ElementDefinition[], runs: number): Promise<Required<RendererResult>> {
  const bareRuns: RenderTiming[] = [];
  const appRuns: RenderTiming[] = [];
  // One unmeasured render each warms the JIT; then alternate so drift hits both pages alike.
  await renderOnce(pages.bare, '__bareRender', elements);
  await renderOnce(pages.explorer, '__steppeRender', elements);
  for (let i = 0; i < runs; i++) {
    bareRuns.push(await renderOnce(pages.bare, '__bareRender', elements));
    appRuns.push(await renderOnce(pages.explorer, '__steppeRender', elements));
  }
  const bare = medianTiming(bareRuns);
  const explorer = medianTiming(appRuns);
  const panZoom = { bare: await panZoomFrames(pages.bare), explorer: await panZoomFrames(pages.explorer) };
  // The scripted steps end about where they started (the zoom comes back; the pan leaves the top-left corner clear).
  const gesture = { bare: await gestureFrames(pages.bare), explorer: await gestureFrames(pages.explorer) };
  return { bare, explorer, ratio: explorer.totalMs / bare.totalMs, panZoom, gesture };
}

async function openPages(context: BrowserContext, bareUrl: string, explorerUrl: string): Promise<Pages> {
  const bare = await context.newPage();
  const explorer = await context.newPage();
  await bare.goto(bareUrl);
  await explorer.goto(explorerUrl);
  await bare.waitForFunction(() => '__bareRender' in window, undefined, { timeout: 30_000 });
  await explorer.waitForFunction(() => '__steppeRender' in window, undefined, { timeout: 60_000 });
  return { bare, explorer };
}

/**
 * `webgl`: also measure both pages with Cytoscape's WebGL renderer (the explorer side then needs the bundled
 * canvas or an explorer URL that honours `?webgl=1`).
 */
export async function measureRender(options: {
  workDir: string;
  views?: readonly RenderView[];
  webgl?: boolean;
  /** With `webgl`: the largest view (elements) WebGL is measured at; default every view. */
  webglMaxElements?: number;
  explorerUrl?: string;
  /** Progress lines (a large view takes minutes). */
  log?: (message: string) => void;
}): Promise<RenderResult> {
  const log = options.log ?? (() => undefined);
  const views = options.views ?? DEFAULT_VIEWS;
  const outDir = path.join(options.workDir, 'render');
  await bundlePages(outDir);
  const server = await servePages(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(SEEDED_RANDOM);
    const explorerUrl = options.explorerUrl ?? `${server.url}/app.html`;
    const canvas = await openPages(context, `${server.url}/bare.html`, explorerUrl);
    const webgl = options.webgl ? await openPages(context, `${server.url}/bare.html?webgl=1`, withQuery(explorerUrl, 'webgl=1')) : null;
    const webglRenderer = webgl ? await webglRendererName(webgl.bare) : undefined;
    const egoGraph = generateGraph({ actors: 10_000, seed: 3 });
    const results: RenderSizeResult[] = [];
    for (const view of views) {
      const elements = view.kind === 'ego' ? egoElements(egoGraph, view.elements) : largeViewElements(generateGraph({ actors: 2 * view.nodes, seed: 3 }), view.nodes, view.edges);
      const runs = RUNS[elements.length] ?? 3;
      log(`render ${viewLabel(view)}: canvas, ${runs} runs per page…`);
      const c = await measureRenderer(canvas, elements, runs);
      log(`render ${viewLabel(view)}: canvas ${c.ratio.toFixed(2)}× (explorer ${Math.round(c.explorer.totalMs)} ms, bare ${Math.round(c.bare.totalMs)} ms); frame p95 explorer ${c.panZoom.explorer.p95.toFixed(1)} ms, bare ${c.panZoom.bare.p95.toFixed(1)} ms; gesture by hand explorer ${gestureLine(c.gesture.explorer)}, bare ${gestureLine(c.gesture.bare)}`);
      // Each page keeps only the view it is measuring: free the canvas pages' copy before the WebGL pages draw theirs.
      await Promise.all([canvas.bare, canvas.explorer].map((p) => p.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.elements().remove())));
      const g = webgl && elements.length <= (options.webglMaxElements ?? Infinity) ? await measureRenderer(webgl, elements, runs) : undefined;
      if (g) log(`render ${viewLabel(view)}: WebGL ${g.ratio.toFixed(2)}× (explorer ${Math.round(g.explorer.totalMs)} ms, bare ${Math.round(g.bare.totalMs)} ms); frame p95 explorer ${g.panZoom.explorer.p95.toFixed(1)} ms, bare ${g.panZoom.bare.p95.toFixed(1)} ms`);
      if (g && webgl) await Promise.all([webgl.bare, webgl.explorer].map((p) => p.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.elements().remove())));
      results.push({
        elements: elements.length,
        nodes: elements.filter((x) => x.group === 'nodes').length,
        runs,
        bare: c.bare,
        explorer: c.explorer,
        ratio: c.ratio,
        panZoom: c.panZoom,
        gesture: c.gesture,
        ...(g ? { webgl: g } : {}),
      });
    }
    return { explorer: options.explorerUrl ?? 'bundled GraphCanvas', chromium: browser.version(), ...(webglRenderer ? { webglRenderer } : {}), sizes: results };
  } finally {
    await browser.close();
    await server.close();
  }
}

function gestureLine(g: GestureTimes): string {
  return `${Math.round(g.wallMs)} ms (frame p95 ${g.p95.toFixed(1)} ms)`;
}

function withQuery(url: string, query: string): string {
  return url + (url.includes('?') ? '&' : '?') + query;
}

/** What Chromium says draws WebGL here (the unmasked renderer string). */
async function webglRendererName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL 2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}
