/**
 * The main journeys on a phone (390×844, touch): the graph stays in view while the details, the path finder
 * and the filters live in a bottom sheet over it; exports are labelled; every top-nav page is reachable.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, findPaths, openExplorer, waitForGraph } from './helpers';

const TOKAYEV = 'kassym-jomart-tokayev';
const NAZARBAYEV = 'nursultan-nazarbayev';
const CSTO = 'collective-security-treaty-organization';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ timeout: 90_000 });

/** Taps a node where it is drawn (a real touch, not an event emitted on the graph). */
async function tapNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = window.cy!;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.touchscreen.tap(point.x, point.y);
}

/** The top of the sheet and the node's drawn box, in page pixels. */
function layoutOf(page: Page, id: string) {
  return page.evaluate((nodeId) => {
    const cy = window.cy!;
    const box = cy.container()!.getBoundingClientRect();
    const b = cy.getElementById(nodeId).renderedBoundingBox({ includeLabels: false });
    const handle = document.querySelector('[data-testid="sheet-handle"]')!.getBoundingClientRect();
    return { sheetTop: handle.top, canvasTop: box.top, nodeTop: box.top + b.y1, nodeBottom: box.top + b.y2, scrollWidth: document.documentElement.scrollWidth };
  }, id);
}

test('search focuses an actor; a tapped node opens its details in the sheet with the node still in view; a relationship shows its quotes and source', async ({ page }) => {
  await openExplorer(page, `focus=${TOKAYEV}`);
  const handle = page.getByTestId('sheet-handle');
  await expect(handle).toHaveAttribute('data-state', 'peek');
  await expect(handle).toBeInViewport();

  const search = page.getByRole('combobox', { name: 'Search actors' });
  await search.fill('Nazarbayev');
  await page.getByRole('option', { name: /Nursultan Nazarbayev/ }).click();
  await expect(page).toHaveURL(new RegExp(`focus=${NAZARBAYEV}`));
  await waitForGraph(page);
  await expect(handle).toContainText('Nursultan Nazarbayev');

  await tapNode(page, TOKAYEV);
  await expect(page).toHaveURL(new RegExp(`sel=actor:${TOKAYEV}`));
  await expect(handle).toHaveAttribute('data-state', 'half');
  await expect(handle).toHaveAttribute('aria-expanded', 'true');
  const heading = page.getByRole('heading', { level: 2, name: 'Kassym-Jomart Tokayev' });
  await expect(heading).toBeInViewport();
  // The graph is still there above the sheet, with the tapped node in it.
  await expect
    .poll(async () => {
      const l = await layoutOf(page, TOKAYEV);
      return l.nodeTop >= l.canvasTop && l.nodeBottom <= l.sheetTop && l.sheetTop - l.canvasTop >= 200;
    })
    .toBe(true);
  const first = await layoutOf(page, TOKAYEV);
  console.log(`phone: sheet top at ${Math.round(first.sheetTop)} px, ${Math.round(first.sheetTop - first.canvasTop)} px of graph above it; node at ${Math.round(first.nodeTop)}–${Math.round(first.nodeBottom)} px`);
  expect(first.scrollWidth).toBeLessThanOrEqual(390);

  // A relationship's details: quotes with their source link, inside the sheet.
  const details = page.getByTestId('side-panel').locator('[data-opens-details]').first();
  await details.scrollIntoViewIfNeeded();
  await details.click();
  await expect(page.getByTestId('side-panel')).toHaveAttribute('data-panel', 'relationship');
  const quote = page.getByTestId('side-panel').getByTestId('citation').first();
  await expect(quote.locator('blockquote')).toBeInViewport();
  const source = quote.locator('a[href^="/sources/"]').first();
  await source.scrollIntoViewIfNeeded();
  await expect(source).toBeInViewport();
  await source.click();
  await expect(page).toHaveURL(/\/sources\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the sheet steps peek → half → full from its handle; Escape lowers it and returns focus to the handle', async ({ page }) => {
  await openExplorer(page, `focus=${TOKAYEV}`);
  const handle = page.getByTestId('sheet-handle');
  const height = () => page.evaluate(() => document.querySelector('[data-testid="sheet-handle"]')!.parentElement!.parentElement!.getBoundingClientRect().height);
  const peek = await height();
  await handle.click();
  await expect(handle).toHaveAttribute('data-state', 'half');
  const half = await height();
  await handle.click();
  await expect(handle).toHaveAttribute('data-state', 'full');
  const full = await height();
  expect(peek).toBeLessThan(80);
  expect(half).toBeGreaterThan(300);
  expect(full).toBeGreaterThan(half + 200);
  await page.getByRole('tab', { name: 'Insights' }).focus();
  await page.keyboard.press('Escape');
  await expect(handle).toHaveAttribute('data-state', 'peek');
  await expect(handle).toBeFocused();
  await handle.click();
  await expect(handle).toHaveAttribute('data-state', 'half');
  await expectNoSeriousAxeViolations(page);
});

test('the path finder in the sheet finds paths between two actors and lowers the sheet to show them on the graph', async ({ page }) => {
  await openExplorer(page, `focus=${TOKAYEV}`);
  await page.getByTestId('sheet-tools').click();
  const handle = page.getByTestId('sheet-handle');
  await expect(handle).toHaveAttribute('data-state', 'half');
  await expect(page.getByRole('combobox', { name: 'From', exact: true })).toBeInViewport();
  await findPaths(page, { type: 'Nazarbayev', pick: /Nursultan Nazarbayev/ }, { type: 'Collective Security', pick: /Collective Security Treaty Organization/ });
  await expect(page).toHaveURL(new RegExp(`path=${NAZARBAYEV}~${CSTO}`));
  await expect(handle).toHaveAttribute('data-state', 'peek');
  await expect(handle).toContainText(/paths?: Nursultan Nazarbayev → Collective Security Treaty Organization/);
  await expect.poll(() => page.evaluate(() => window.cy!.elements('.path').length)).toBeGreaterThan(2);
  // The steps are one tap away.
  await handle.click();
  await expect(page.getByTestId('path-details')).toBeInViewport();
});

test('exports are labelled buttons in view, and download', async ({ page }) => {
  await openExplorer(page, `focus=${TOKAYEV}`);
  for (const [id, text] of [
    ['export-png', 'PNG'],
    ['export-svg', 'SVG'],
    ['export-json', 'JSON'],
  ] as const) {
    const button = page.getByTestId(id);
    await expect(button).toBeInViewport();
    await expect(button).toHaveText(text);
  }
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
});

test('every top-nav page is reachable from the menu, with no sideways scrolling', async ({ page }) => {
  await openExplorer(page, `focus=${TOKAYEV}`);
  for (const [name, url] of [
    ['Maps', /\/maps$/],
    ['Sources', /\/sources$/],
    ['Intake', /\/intake$/],
    ['API playground', /\/playground$/],
    // The explorer restores the last view in its link.
    ['Explorer', /:\d+\/(\?.*)?$/],
  ] as const) {
    const menu = page.getByTestId('nav-menu');
    await expect(menu).toBeInViewport();
    await menu.click();
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    await expect(link).toBeInViewport();
    await link.click();
    await expect(page).toHaveURL(url);
    await expect(link).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  }
});
