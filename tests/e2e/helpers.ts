/**
 * Shared constants and helpers for the browser specs. The server under test is
 * started by playwright.config.ts with these values.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Port of the production server the specs run against. Env `STEPPE_E2E_PORT`, default 3310. */
export const E2E_PORT = Number(process.env.STEPPE_E2E_PORT || 3310);

/** Admin token the test server is started with; lets specs write through the API. */
export const ADMIN_TOKEN = 'e2e-admin-token-not-a-secret';

/** Well-known actors and sources of the bundled dataset. */
export const DATASET = {
  tokayev: 'kassym-jomart-tokayev',
} as const;

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL operation to /api/graphql; `admin` adds the bearer token. */
export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  options: { admin?: boolean } = {},
): Promise<GraphQLResponse<T>> {
  const response = await request.post('/api/graphql', {
    data: { query, variables },
    headers: {
      'content-type': 'application/json',
      ...(options.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}),
    },
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like `graphql` but fails with the server's error codes when the response has errors. */
export async function graphqlData<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  options: { admin?: boolean } = {},
): Promise<T> {
  const body = await graphql<T>(request, query, variables, options);
  if (body.errors?.length || !body.data) {
    const codes = (body.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ');
    throw new Error(`GraphQL request failed: ${codes || 'no data'}`);
  }
  return body.data;
}

/** Waits until the explorer's canvas holds a graph and no layout is running. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement | null;
    return !!window.cy && window.cy.nodes().length > 0 && el?.dataset.layoutState === 'idle' && Number(el.dataset.layoutRuns ?? 0) > 0;
  });
}

/** Opens the explorer with a query string (URL state) and waits for its graph. */
export async function openExplorer(page: Page, query = ''): Promise<void> {
  await page.goto(query ? `/?${query}` : '/');
  await waitForGraph(page);
}

/** Fills the path finder's ends (search text, then the option to pick) and asks for the paths. */
export async function findPaths(page: Page, from: { type: string; pick: RegExp }, to: { type: string; pick: RegExp }): Promise<void> {
  for (const [name, end] of [['From', from], ['To', to]] as const) {
    await page.getByRole('combobox', { name, exact: true }).fill(end.type);
    await page.getByRole('option', { name: end.pick }).click();
  }
  await page.getByRole('button', { name: 'Find paths' }).click();
}

/** The axe scan every view must pass: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, blocking.join('\n')).toEqual([]);
}

/** Every node's model position on the explorer's canvas. */
export function nodePositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])));
}

/** The largest distance a node moved between two position sets (Infinity when a node is missing from `b`). */
export function largestMove(a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>): number {
  let max = 0;
  for (const [id, p] of Object.entries(a)) {
    const q = b[id];
    max = Math.max(max, q ? Math.hypot(q.x - p.x, q.y - p.y) : Infinity);
  }
  return max;
}

/**
 * Pairs of visible nodes whose drawn labels overlap each other or the other node's body, at the current
 * zoom (labels below Cytoscape's min-zoomed font size are not drawn and do not count).
 */
export function labelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = window.cy!;
    const drawn = (n: { style(name: string): string }) => Number.parseFloat(n.style('font-size')) * cy.zoom() >= Number.parseFloat(n.style('min-zoomed-font-size') || '0');
    const boxes = cy
      .nodes()
      .filter((n) => n.visible())
      .map((n) => ({
        id: n.id(),
        label: drawn(n) ? n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) : null,
        body: n.boundingBox({ includeLabels: false, includeEdges: false }),
      }));
    type Box = { x1: number; x2: number; y1: number; y2: number; w: number };
    const hit = (a: Box | null, b: Box | null) => !!a && !!b && a.w > 0 && b.w > 0 && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (hit(a.label, b.label) || hit(a.label, b.body) || hit(b.label, a.body)) pairs.push(`${a.id} ~ ${b.id}`);
      }
    return pairs;
  });
}

/** Share of visible edges whose label is drawn at the current zoom. */
export function labelledEdgeShare(page: Page): Promise<{ labelled: number; total: number }> {
  return page.evaluate(() => {
    const edges = window.cy!.edges().filter((e) => e.visible());
    return { labelled: edges.filter((e) => e.style('label') !== '').length, total: edges.length };
  });
}

/**
 * Drawn edge labels that overlap each other (pairs) and that cover the body of a node other than their own
 * edge's ends (labels), at the current zoom.
 */
export function edgeLabelCrowding(page: Page): Promise<{ labels: number; overlappingPairs: number; overNodes: number }> {
  return page.evaluate(() => {
    const cy = window.cy!;
    type Box = { x1: number; x2: number; y1: number; y2: number };
    const hit = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const labels = cy
      .edges()
      .filter((e) => e.visible() && e.style('label') !== '')
      .map((e) => ({
        ends: [e.data('source') as string, e.data('target') as string],
        box: e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }),
      }))
      .filter((l) => l.box.x2 > l.box.x1);
    const bodies = cy
      .nodes()
      .filter((n) => n.visible())
      .map((n) => ({ id: n.id(), box: n.boundingBox({ includeLabels: false, includeOverlays: false }) }));
    let overlappingPairs = 0;
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (hit(labels[i].box, labels[j].box)) overlappingPairs++;
    const overNodes = labels.filter((l) => bodies.some((n) => !l.ends.includes(n.id) && hit(l.box, n.box))).length;
    return { labels: labels.length, overlappingPairs, overNodes };
  });
}
