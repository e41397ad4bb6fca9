/**
 * The explorer's Insights, Changes and Timeline tabs against the production
 * server and the bundled dataset: sizes and colours read from the Cytoscape
 * model (`window.cy`), lists and URL from the DOM.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, openExplorer, waitForGraph } from './helpers';

const TOKAYEV = 'kassym-jomart-tokayev';
const KAZAKHSTAN = 'kazakhstan';

/** Clicks a node (centred first, a few pixels off its centre: a diamond's exact centre line can miss). */
async function tapNode(page: Page, id: string): Promise<void> {
  // The view's own fit animation (after a layout) would move the node under the pointer.
  await page.waitForFunction(() => !window.cy!.animated());
  const point = await page.evaluate((nodeId) => {
    const cy = window.cy!;
    const node = cy.getElementById(nodeId);
    cy.center(node);
    const p = node.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x + 3, y: box.top + p.y + 2 };
  }, id);
  await page.mouse.click(point.x, point.y);
}

const layoutRuns = (page: Page) => page.getByTestId('graph-canvas').evaluate((el) => Number((el as HTMLElement).dataset.layoutRuns ?? 0));

/** Waits for a layout started after `before` runs to finish (a new focus lays the graph out again, animated). */
async function waitForNewLayout(page: Page, before: number): Promise<void> {
  await expect.poll(() => layoutRuns(page)).toBeGreaterThan(before);
  await waitForGraph(page);
}

const nodeWidths = (page: Page) => page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), n.width()])));
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

test.describe('explorer insights', () => {
  test('the side panel tabs work by keyboard, with tab roles', async ({ page }) => {
    await openExplorer(page);
    const details = page.getByRole('tab', { name: 'Details' });
    await expect(details).toHaveAttribute('aria-selected', 'true');
    await details.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Insights' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Insights' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-insights');
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Timeline' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Details' })).toBeFocused();
    await expect(page.getByTestId('side-panel')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param(page, 'tab')).toBe('timeline');
  });

  test('size by PageRank draws Kazakhstan larger than a leaf, and the choice is kept in the URL', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&tab=insights`);
    const before = await nodeWidths(page);
    await page.getByTestId('size-by').selectOption('pagerank');
    await expect.poll(() => param(page, 'size')).toBe('pagerank');
    await expect(page.getByTestId('size-key')).toContainText('PageRank');
    // Sizes arrive with the analysis.
    await expect.poll(async () => (await nodeWidths(page))[KAZAKHSTAN]).toBeGreaterThan(before[KAZAKHSTAN]);
    const widths = await nodeWidths(page);
    // Actor leaves only: a hub's "N more" paging node is not an actor.
    const leaves = await page.evaluate(() => window.cy!.nodes().filter((n) => n.degree(false) === 1 && !n.id().startsWith('more:')).map((n) => n.id()));
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) expect(widths[KAZAKHSTAN], leaf).toBeGreaterThan(widths[leaf] * 1.5);

    await page.reload();
    await waitForGraph(page);
    await expect(page.getByTestId('size-by')).toHaveValue('pagerank');
    await expect.poll(async () => (await nodeWidths(page))[KAZAKHSTAN]).toBe(widths[KAZAKHSTAN]);
  });

  test('colour by community fills nodes with community colours and shows a community legend', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&tab=insights`);
    const kindFill = await page.evaluate((id) => window.cy!.getElementById(id).style('background-color'), KAZAKHSTAN);
    await page.getByTestId('colour-by').selectOption('community');
    await expect.poll(() => param(page, 'colour')).toBe('community');
    const key = page.getByTestId('community-key');
    await expect(key).toBeVisible();
    await expect(key.locator('li').first()).toBeVisible();
    // The kind legend stops claiming colours: kinds are told apart by shape alone.
    await expect(page.getByText('Shape shows the kind; colour shows the community')).toBeVisible();
    // Each community in the key is named after its leader; the insights tab lists all of them.
    const communities = page.getByTestId('insights-panel').getByRole('heading', { name: /Communities/ });
    await expect(communities).toContainText('11');
    await expect.poll(() => page.evaluate((id) => window.cy!.getElementById(id).style('background-color'), KAZAKHSTAN)).not.toBe(kindFill);
    // Nodes of one community share a colour; the key has one swatch per community in view.
    const fills = await page.evaluate(() => new Set(window.cy!.nodes().map((n) => n.data('color') as string)).size);
    expect(fills).toBeGreaterThan(1);
    expect(await key.locator('li').count()).toBeGreaterThan(1);
  });

  test('the most central list is ranked by PageRank, and its first entry focuses that actor', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&tab=insights`);
    const list = page.getByTestId('central-list');
    await expect(list.getByRole('button')).toHaveCount(10);
    const names = await list.locator('[data-actor-id]').evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-actor-id')));
    expect(names).toEqual([KAZAKHSTAN, TOKAYEV, 'nursultan-nazarbayev', 'russia', 'european-union']);
    await expect(page.getByTestId('broker-list').getByRole('button').first()).toBeVisible();
    const runs = await layoutRuns(page);
    await list.getByRole('button').first().click();
    await expect.poll(() => param(page, 'focus')).toBe(KAZAKHSTAN);
    await expect.poll(() => page.evaluate(() => window.cy!.nodes('.focus').map((n) => n.id()))).toEqual([KAZAKHSTAN]);
    await waitForNewLayout(page, runs);

    // A tap on the graph from the Insights tab shows the tapped actor's details.
    await tapNode(page, KAZAKHSTAN);
    await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('side-panel').getByRole('heading', { level: 2 })).toHaveText('Kazakhstan');
  });

  test('the 2022 diff marks added and removed edges on the graph and lists the Massimov prosecution', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&tab=changes`);
    await expect(page.getByTestId('diff-from')).toHaveValue('2022-01-01');
    await expect(page.getByTestId('diff-to')).toHaveValue('2022-12-31');
    await expect(page.getByTestId('diff-summary')).toContainText('55 started, 20 ended');
    const started = page.getByTestId('diff-started');
    const massimov = started.locator('[data-relationship-id]').filter({ hasText: 'Karim Massimov' }).filter({ hasText: /prosecuted/i });
    await expect(massimov).toHaveCount(1);
    await expect(page.getByTestId('view-key')).toContainText('started in the range');

    const marked = () =>
      page.evaluate(() => ({
        added: window.cy!.edges('.diff-added').map((e) => e.id()),
        removed: window.cy!.edges('.diff-removed').map((e) => e.id()),
      }));
    await expect.poll(async () => (await marked()).added.length).toBeGreaterThan(0);
    const { added, removed } = await marked();
    expect(removed.length).toBeGreaterThan(0);
    // Drawn as added (green, solid) and removed (red, dashed).
    const looks = await page.evaluate(
      ([a, r]) => [window.cy!.getElementById(a), window.cy!.getElementById(r)].map((e) => ({ color: e.style('line-color'), line: e.style('line-style') })),
      [added[0], removed[0]],
    );
    expect(looks[0]).toEqual({ color: 'rgb(21,128,61)', line: 'solid' });
    expect(looks[1]).toEqual({ color: 'rgb(185,28,28)', line: 'dashed' });

    // A listed change on the graph selects it; one off the graph refocuses on its source actor and selects it.
    const onGraph = started.locator(`[data-relationship-id="${added[0]}"]`);
    await onGraph.click();
    await expect.poll(() => param(page, 'sel')).toBe(`rel:${added[0]}`);
    const massimovId = (await massimov.getAttribute('data-relationship-id'))!;
    const runs = await layoutRuns(page);
    await massimov.click();
    await expect.poll(() => param(page, 'sel')).toBe(`rel:${massimovId}`);
    await waitForNewLayout(page, runs);
    await expect.poll(() => page.evaluate((id) => window.cy!.getElementById(id).selected(), massimovId)).toBe(true);

    // A tap on the graph selects without leaving the tab, so the marks stay.
    const focus = (await param(page, 'focus'))!;
    await tapNode(page, focus);
    await expect.poll(() => param(page, 'sel')).toBe(`actor:${focus}`);
    await expect(page.getByRole('tab', { name: 'Changes' })).toHaveAttribute('aria-selected', 'true');
    expect((await marked()).added.length).toBeGreaterThan(0);

    // Leaving the tab clears the marks.
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(async () => (await marked()).added.length).toBe(0);
  });

  test('the timeline follows the slider, and choosing an event moves the slider and centres its actors', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&tab=timeline&asOf=2019-06-01`);
    const list = page.getByTestId('timeline-list');
    const current = list.locator('[aria-current="true"]');
    await expect(current).toHaveCount(1);
    const currentDate = await current.getAttribute('data-date');
    expect(currentDate! <= '2019-06-01').toBe(true);
    await expect(current).toBeInViewport();

    // Pick a 2022 event further down.
    const event = list.locator('[data-date^="2022-01-0"]').first();
    const date = (await event.getAttribute('data-date'))!;
    const relId = (await event.getAttribute('data-relationship-id'))!;
    await event.click();
    await expect.poll(() => param(page, 'asOf')).toBe(date);
    await expect(page.locator('#as-of-slider')).toHaveAttribute('aria-valuetext', /2022/);
    await expect(list.locator('[aria-current="true"]')).toHaveAttribute('data-date', date);
    await expect.poll(() => page.evaluate((id) => window.cy!.getElementById(id).selected(), relId)).toBe(true);
    // Both ends end up inside the viewport once the view has moved.
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const cy = window.cy!;
          const ext = cy.extent();
          const edge = cy.getElementById(id);
          return [edge.source(), edge.target()].every((n) => {
            const p = n.position();
            return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
          });
        }, relId),
      )
      .toBe(true);
  });

  for (const tab of ['insights', 'changes', 'timeline']) {
    test(`has no serious or critical axe violations with the ${tab} tab open`, async ({ page }) => {
      await openExplorer(page, `focus=${TOKAYEV}&tab=${tab}&size=pagerank&colour=community&asOf=2022-03-01`);
      await page.waitForLoadState('networkidle');
      await expect(page.getByTestId(`${tab}-panel`)).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });
  }
});
