#!/usr/bin/env node
/**
 * Saves product screenshots to docs/screenshots/ from a running Steppe server.
 * Starts nothing itself: run `npm run explore` (or `next dev`) first.
 *
 *   node scripts/screenshots.mjs [baseURL] [--path-from=<id>] [--path-to=<id>]
 *
 * baseURL defaults to http://localhost:3000. Uses Debian's Chromium.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const args = process.argv.slice(2);
const flag = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const baseURL = (args.find((a) => !a.startsWith('--')) ?? 'http://localhost:3000').replace(/\/$/, '');
const FOCUS = 'kassym-jomart-tokayev';
const pathFrom = flag('path-from', 'xi-jinping');
const pathTo = flag('path-to', 'nursultan-nazarbayev');
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');

async function graphql(query, variables = {}) {
  const res = await fetch(`${baseURL}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** Waits until the explorer's canvas has drawn nodes and its layout has settled. */
async function waitForCanvas(page) {
  await page.waitForFunction(() => window.cy && window.cy.nodes().length > 0, null, { timeout: 30_000 });
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const snapshot = () => JSON.stringify(window.cy.nodes().map((n) => n.position()));
        const before = snapshot();
        setTimeout(() => resolve(snapshot() === before), 400);
      }),
    null,
    { timeout: 30_000, polling: 500 },
  );
}

const { actor } = await graphql('query($id: ID!) { actor(id: $id) { neighbors(limit: 2) { id } } }', { id: FOCUS });
if (!actor) throw new Error(`No actor "${FOCUS}" at ${baseURL}`);
const expand = actor.neighbors.map((n) => n.id).join(',');

const shots = [
  { file: 'explorer-tokayev.png', url: `/?focus=${FOCUS}`, canvas: true },
  // A selected actor: its relationships say what they are on the canvas ("appointed · Jan 2022").
  { file: 'explorer-selected.png', url: `/?focus=${FOCUS}&sel=actor:nursultan-nazarbayev`, canvas: true },
  { file: 'explorer-phone.png', url: `/?focus=${FOCUS}`, canvas: true, viewport: { width: 390, height: 844 } },
  // A node tapped on a phone: its details in the bottom sheet, the graph still in view above it.
  { file: 'explorer-phone-sheet.png', url: `/?focus=${FOCUS}`, canvas: true, viewport: { width: 390, height: 844 }, tap: 'nursultan-nazarbayev' },
  // A relationship clicked in a map embedded at 800×600: its quotes and sources over the map.
  { file: 'map-embed-evidence.png', url: '/maps/fall-of-the-nazarbayev-circle-2022/embed', viewport: { width: 800, height: 600 }, desktopLike: true, tapEdge: true },
  // The explorer's own PNG export (title, legend, sources), saved as downloaded.
  { file: 'explorer-export.png', url: `/?focus=${FOCUS}&hideTypes=SUPPORTED&asOf=2022-06`, canvas: true, download: 'export-png' },
  { file: 'explorer-expanded.png', url: `/?focus=${FOCUS}&expand=${expand}&sel=actor:${FOCUS}`, canvas: true },
  { file: 'path-finder.png', url: `/?focus=${pathFrom}&path=${pathFrom}~${pathTo}`, canvas: true },
  { file: 'actor-page.png', url: `/actors/${FOCUS}`, canvas: false },
  { file: 'explorer-insights.png', url: `/?focus=${FOCUS}&tab=insights&size=pagerank&colour=community`, canvas: true },
  { file: 'explorer-changes.png', url: `/?focus=${FOCUS}&tab=changes`, canvas: true },
  { file: 'explorer-timeline.png', url: `/?focus=${FOCUS}&tab=timeline&asOf=2022-01-06`, canvas: true },
];

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const desktop = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  for (const shot of shots) {
    const context = shot.viewport
      ? await browser.newContext(shot.desktopLike ? { viewport: shot.viewport, deviceScaleFactor: 1 } : { viewport: shot.viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
      : desktop;
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${baseURL}${shot.url}`, { waitUntil: 'networkidle' });
    if (shot.canvas) await waitForCanvas(page);
    if (shot.tap) {
      const point = await page.evaluate((id) => {
        const p = window.cy.getElementById(id).renderedPosition();
        const box = window.cy.container().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      }, shot.tap);
      await page.touchscreen.tap(point.x, point.y);
      await page.waitForTimeout(800);
    }
    if (shot.tapEdge) {
      await page.waitForSelector('[data-testid="map-stage"][data-ready="true"]');
      // The first "prosecuted" relationship: a quote with a source link.
      await page.evaluate(() => void window.cy.edges('[type = "PROSECUTED"]')[0].emit('tap'));
      await page.waitForTimeout(600);
    }
    if (shot.download) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(shot.download).click()]);
      await file.saveAs(path.join(outDir, shot.file));
    } else await page.screenshot({ path: path.join(outDir, shot.file) });
    console.log(`saved docs/screenshots/${shot.file}${errors.length ? `  (page errors: ${errors.join(' | ')})` : ''}`);
    await page.close();
    if (context !== desktop) await context.close();
  }
} finally {
  await browser.close();
}
