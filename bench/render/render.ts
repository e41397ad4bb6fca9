/**
 * The render benchmark: how much longer the explorer's canvas takes than bare
 * Cytoscape to add, lay out (fCoSE, the explorer's options) and draw the same
 * elements, in headless Chromium. Both pages are bundled here with esbuild and
 * served on loopback; Math.random is seeded identically before each render so
 * both layouts start from the same positions. Renders alternate between the
 * pages; the ratio is median(explorer) ÷ median(bare).
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
import { chromium, type Page } from 'playwright';
import { generateGraph } from '../generate';
import { median } from '../stats';
import { egoElements } from './elements';
import type { RenderTiming } from './protocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RenderSizeResult {
  elements: number;
  nodes: number;
  runs: number;
  bare: RenderTiming;
  explorer: RenderTiming;
  /** explorer.totalMs ÷ bare.totalMs (medians). */
  ratio: number;
}

export interface RenderResult {
  /** `bundled GraphCanvas`, or the explorer URL measured. */
  explorer: string;
  chromium: string;
  sizes: RenderSizeResult[];
}

/** Runs per page and size: more for small graphs, whose times are noisier. */
const RUNS: Record<number, number> = { 1000: 9, 5000: 5 };

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
    const page = pages[req.url ?? ''];
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

export async function measureRender(options: { workDir: string; sizes?: number[]; explorerUrl?: string }): Promise<RenderResult> {
  const sizes = options.sizes ?? [1000, 5000];
  const outDir = path.join(options.workDir, 'render');
  await bundlePages(outDir);
  const server = await servePages(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(SEEDED_RANDOM);
    const bare = await context.newPage();
    const app = await context.newPage();
    await bare.goto(`${server.url}/bare.html`);
    await app.goto(options.explorerUrl ?? `${server.url}/app.html`);
    await bare.waitForFunction(() => '__bareRender' in window, undefined, { timeout: 30_000 });
    await app.waitForFunction(() => '__steppeRender' in window, undefined, { timeout: 60_000 });
    const graph = generateGraph({ actors: 10_000, seed: 3 });
    const results: RenderSizeResult[] = [];
    for (const size of sizes) {
      const elements = egoElements(graph, size);
      const runs = RUNS[size] ?? 3;
      const bareRuns: RenderTiming[] = [];
      const appRuns: RenderTiming[] = [];
      // One unmeasured render each warms the JIT; then alternate so drift hits both pages alike.
      await renderOnce(bare, '__bareRender', elements);
      await renderOnce(app, '__steppeRender', elements);
      for (let i = 0; i < runs; i++) {
        bareRuns.push(await renderOnce(bare, '__bareRender', elements));
        appRuns.push(await renderOnce(app, '__steppeRender', elements));
      }
      const b = medianTiming(bareRuns);
      const e = medianTiming(appRuns);
      results.push({ elements: size, nodes: elements.filter((x) => x.group === 'nodes').length, runs, bare: b, explorer: e, ratio: e.totalMs / b.totalMs });
    }
    return { explorer: options.explorerUrl ?? 'bundled GraphCanvas', chromium: browser.version(), sizes: results };
  } finally {
    await browser.close();
    await server.close();
  }
}
