/**
 * The production server with the Neo4j store (playwright.neo4j.config.ts loads the bundled
 * dataset with `npm run db:load` before `next start`): the explorer, an actor page and a
 * curated map, each drawn from what Neo4j returns.
 */
import { expect, test } from '@playwright/test';
import { DATASET, graphqlData, openExplorer } from '../e2e/helpers';

test('the API says it is served by Neo4j', async ({ request }) => {
  const data = await graphqlData<{ apiInfo: { store: string }; stats: { actors: number } }>(request, '{ apiInfo { store } stats { actors } }');
  expect(data.apiInfo.store).toBe('neo4j');
  expect(data.stats.actors).toBeGreaterThan(50);
});

test('the explorer opens on Tokayev’s network', async ({ page }) => {
  await openExplorer(page);
  const drawn = await page.evaluate(() => ({
    focus: window.cy!.nodes('.focus').map((n) => n.id()),
    nodes: window.cy!.nodes().length,
    edges: window.cy!.edges().length,
  }));
  expect(drawn.focus).toEqual([DATASET.tokayev]);
  expect(drawn.nodes).toBeGreaterThan(5);
  expect(drawn.edges).toBeGreaterThan(5);
});

test('an actor page shows relationships with quoted citations', async ({ page }) => {
  const response = await page.goto(`/actors/${DATASET.tokayev}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kassym-Jomart Tokayev');
  expect(await page.locator('section.rel-group').count()).toBeGreaterThan(1);
  expect((await page.locator('.citation blockquote').first().innerText()).trim().length).toBeGreaterThan(10);
});

test.describe('a curated map, server-drawn (without JavaScript)', () => {
  test.use({ javaScriptEnabled: false });

  test('draws its nodes, notes and evidence', async ({ page }) => {
    const response = await page.goto('/maps/fall-of-the-nazarbayev-circle-2022');
    expect(response?.status()).toBe(200);
    const svg = page.getByTestId('map-svg').locator('svg');
    await expect(svg).toBeVisible();
    expect(await svg.locator('[data-node]').count()).toBeGreaterThan(5);
    await expect(page.getByTestId('map-notes').locator('li').first()).toBeVisible();
    await expect(page.locator('blockquote').first()).toBeVisible();
  });
});
