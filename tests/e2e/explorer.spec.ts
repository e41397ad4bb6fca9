/**
 * The explorer at `/`, against the production server and the bundled dataset.
 * Assertions read the Cytoscape model through `window.cy` (what is drawn and
 * what is hidden) and the DOM (panel, legend, URL), never pixels.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { inForceAsOf } from '../../graph/core/model';
import { expectNoSeriousAxeViolations, findPaths, graphql, graphqlData, openExplorer, waitForGraph } from './helpers';

const TOKAYEV = 'kassym-jomart-tokayev';
const NAZARBAYEV = 'nursultan-nazarbayev';
const RUSSIA = 'russia';
const KAZAKHSTAN = 'kazakhstan';
const CSTO = 'collective-security-treaty-organization';

const nodeIds = (page: Page) => page.evaluate(() => window.cy!.nodes().map((n) => n.id()).sort());
const focusId = (page: Page) => page.evaluate(() => window.cy!.nodes('.focus').map((n) => n.id()));
/** Visible records on the canvas, without the hub-paging "N more" controls (ids `more:…`), which are not records. */
const visibleIds = (page: Page, selector: string) =>
  page.evaluate((sel) => window.cy!.$(sel).filter((e) => e.visible() && !e.id().startsWith('more:')).map((e) => e.id()).sort(), selector);

/**
 * Centres the node in the viewport (clear of floating controls) and returns page coordinates a few
 * pixels off its centre: Cytoscape's point-in-polygon test misses a diamond's exact vertical centre line.
 */
async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = window.cy!;
    const node = cy.getElementById(nodeId);
    cy.center(node);
    const p = node.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x + 3, y: box.top + p.y + 2 };
  }, id);
}


test.describe('explorer', () => {
  test('opens on Tokayev’s network by default, drawn with styles per kind and type', async ({ page }) => {
    await openExplorer(page);
    expect(await focusId(page)).toEqual([TOKAYEV]);
    const summary = await page.evaluate(() => {
      const cy = window.cy!;
      return {
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        shapes: Object.fromEntries(cy.nodes().map((n) => [n.data('kind'), n.style('shape')])),
        personLabel: cy.getElementById('kassym-jomart-tokayev').style('label'),
        edgeLabel: cy.edges()[0].style('label'),
        arrows: cy.edges('[type = "APPOINTED"]').map((e) => e.style('target-arrow-shape')),
      };
    });
    expect(summary.nodes).toBeGreaterThan(5);
    expect(summary.edges).toBeGreaterThan(5);
    expect(summary.shapes).toMatchObject({ PERSON: 'ellipse', STATE: 'diamond' });
    // The name wraps to two short lines on the canvas (the full name shows on hover).
    expect(summary.personLabel).toBe('Kassym-Jomart\nTokayev');
    // Edge labels only on hover.
    expect(summary.edgeLabel).toBe('');
    expect(summary.arrows.every((a) => a === 'triangle')).toBe(true);
    const hover = await page.evaluate(() => {
      const edge = window.cy!.edges()[0];
      edge.emit('mouseover');
      const shown = edge.style('label');
      edge.emit('mouseout');
      return { shown, label: edge.data('label') as string, after: edge.style('label') };
    });
    expect(hover.shown).toBe(hover.label);
    expect(hover.label.length).toBeGreaterThan(3);
    expect(hover.after).toBe('');
    await expect(page.getByTestId('side-panel').getByRole('heading', { level: 2 })).toHaveText('Kassym-Jomart Tokayev');
    await expect(page).toHaveURL(/focus=kassym-jomart-tokayev/);
  });

  test('search finds an actor by an alias typed without diacritics and focuses it', async ({ page }) => {
    await openExplorer(page, `focus=${RUSSIA}`);
    expect(await focusId(page)).toEqual([RUSSIA]);
    const box = page.getByRole('combobox', { name: 'Search actors' });
    await box.fill('tokaev');
    const option = page.getByRole('option', { name: /Kassym-Jomart Tokayev/ });
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(/focus=kassym-jomart-tokayev/);
    await waitForGraph(page);
    await expect.poll(() => focusId(page)).toEqual([TOKAYEV]);
    // "toqaev" matches the Kazakh transliteration "Qasym-Jomart Toqaev".
    await box.fill('toqaev');
    await expect(page.getByRole('option', { name: /Kassym-Jomart Tokayev/ })).toBeVisible();
  });

  test('an unmatched search says so', async ({ page }) => {
    await openExplorer(page);
    await page.getByRole('combobox', { name: 'Search actors' }).fill('zzqxv nobody');
    await expect(page.locator('[data-state="empty"]').filter({ hasText: 'No actors match “zzqxv nobody”' })).toBeVisible();
    await expect(page.getByRole('listbox', { name: /Search actors/ }).getByRole('option')).toHaveCount(0);
  });

  test('keyboard only: "/" focuses search, arrows choose, Enter focuses, Escape closes then clears', async ({ page }) => {
    await openExplorer(page);
    await page.locator('body').press('/');
    const box = page.getByRole('combobox', { name: 'Search actors' });
    await expect(box).toBeFocused();
    // The focus ring is visible on the input.
    expect(await box.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.type('nazarbaev');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`[id="${active}"]`)).toContainText('Nursultan Nazarbayev');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`focus=${NAZARBAYEV}`));
    await waitForGraph(page);
    expect(await focusId(page)).toEqual([NAZARBAYEV]);

    await page.keyboard.type('russ');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveValue('russ');
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');

    // Legend toggles are reachable and work from the keyboard.
    const stateToggle = page.locator('button[data-kind="STATE"]');
    await stateToggle.focus();
    await page.keyboard.press('Space');
    await expect(stateToggle).toHaveAttribute('aria-pressed', 'false');
    // The date slider moves with arrow keys.
    await page.locator('#as-of-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('as-of-value')).not.toHaveText('All dates');
  });

  test('the panel shows the actor’s relationships with quoted citations, and the source link opens the source page', async ({ page }) => {
    await openExplorer(page);
    // Click a node on the canvas.
    const p = await nodePoint(page, KAZAKHSTAN);
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('side-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Kazakhstan');
    await expect(page).toHaveURL(/sel=actor:kazakhstan/);
    expect(await page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()))).toEqual([KAZAKHSTAN]);
    await expect(panel.locator('[data-type]').first()).toBeVisible();
    const quotes = panel.locator('blockquote');
    await expect(quotes.first()).toBeVisible();
    expect(await quotes.count()).toBeGreaterThan(2);
    expect((await quotes.first().innerText()).length).toBeGreaterThan(10);

    // Clicking an edge shows that relationship and its citations.
    const edgeId = await page.evaluate(() => window.cy!.edges('[type = "HOLDS_POSITION"]')[0].id());
    await page.evaluate((id) => void window.cy!.getElementById(id).emit('tap'), edgeId);
    await expect(panel).toHaveAttribute('data-panel', 'relationship');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Holds position');
    await expect(panel.locator('blockquote').first()).toBeVisible();

    const link = panel.locator('a[href^="/sources/"]').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('double-click expands a node’s neighbours without moving placed nodes; collapse removes them', async ({ page }) => {
    await openExplorer(page);
    const before = await nodeIds(page);
    expect(before).toContain(RUSSIA);
    const p = await nodePoint(page, RUSSIA);
    const positions = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])));
    await page.mouse.dblclick(p.x, p.y);
    await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThan(before.length);
    await waitForGraph(page);
    await expect(page).toHaveURL(/expand=russia/);
    const after = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])));
    for (const id of before) {
      expect(Math.abs(after[id].x - positions[id].x), `${id} moved`).toBeLessThan(0.5);
      expect(Math.abs(after[id].y - positions[id].y), `${id} moved`).toBeLessThan(0.5);
    }
    // Every neighbour of Russia is now on the canvas.
    const russiaNeighbours = await page.evaluate(() => window.cy!.getElementById('russia').neighborhood('node').length);
    expect(russiaNeighbours).toBeGreaterThan(3);
    expect(await page.evaluate(() => window.cy!.getElementById('russia').hasClass('expanded'))).toBe(true);

    // Collapse with the button: the added neighbours go, the original network stays.
    await page.evaluate(() => void window.cy!.getElementById('russia').emit('tap'));
    await page.getByTestId('collapse-button').click();
    await expect.poll(() => nodeIds(page)).toEqual(before);
    await expect(page).not.toHaveURL(/expand=/);
  });

  test('the Expand button adds neighbours of the selected actor', async ({ page }) => {
    await openExplorer(page);
    const before = (await nodeIds(page)).length;
    await page.evaluate(() => void window.cy!.getElementById('nursultan-nazarbayev').emit('tap'));
    await page.getByTestId('expand-button').click();
    await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThan(before);
    await expect(page).toHaveURL(/expand=nursultan-nazarbayev/);
  });

  test('type and kind toggles in the legend hide exactly the matching elements', async ({ page }) => {
    await openExplorer(page);
    const allEdges = await visibleIds(page, 'edge');
    const appointed = await page.evaluate(() => window.cy!.edges('[type = "APPOINTED"]').map((e) => e.id()).sort());
    expect(appointed.length).toBeGreaterThan(0);

    const typeToggle = page.locator('button[data-type="APPOINTED"]');
    await typeToggle.click();
    await expect(typeToggle).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => visibleIds(page, 'edge')).toEqual(allEdges.filter((id) => !appointed.includes(id)));
    await expect(page).toHaveURL(/hideTypes=APPOINTED/);

    const kindToggle = page.locator('button[data-kind="STATE"]');
    await kindToggle.click();
    await expect(kindToggle).toHaveAttribute('aria-pressed', 'false');
    const hiddenNow = await page.evaluate(() => {
      const cy = window.cy!;
      const states = cy.nodes('[kind = "STATE"]');
      return {
        states: states.length,
        statesVisible: states.filter((n) => n.visible()).length,
        edgesTouchingStatesVisible: states.connectedEdges().filter((e) => e.visible()).length,
        othersVisible: cy.nodes('[kind != "STATE"]').filter((n) => n.visible()).length,
        others: cy.nodes('[kind != "STATE"]').length,
      };
    });
    expect(hiddenNow.states).toBeGreaterThan(0);
    expect(hiddenNow.statesVisible).toBe(0);
    expect(hiddenNow.edgesTouchingStatesVisible).toBe(0);
    expect(hiddenNow.othersVisible).toBe(hiddenNow.others);

    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => visibleIds(page, 'edge')).toEqual(allEdges);
    await expect(page).not.toHaveURL(/hideTypes=/);
  });

  test('the date slider shows the network as it stood on the chosen date', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&expand=${KAZAKHSTAN}`);
    const edges = await page.evaluate(() =>
      window.cy!.edges().filter((e) => !e.id().startsWith('more:')).map((e) => ({ id: e.id(), start: e.data('start') as string | null, end: e.data('end') as string | null })),
    );
    const dated = edges.filter((e) => e.start || e.end);
    expect(dated.length).toBeGreaterThan(3);
    const expectedVisible = (asOf: string) =>
      edges.filter((e) => inForceAsOf({ start: e.start ?? undefined, end: e.end ?? undefined }, asOf)).map((e) => e.id).sort();

    const slider = page.locator('#as-of-slider');
    // The slider spans the dated relationships in view; widen it to the dataset's span to reach 2023.
    const widen = page.getByRole('button', { name: 'Widen' });
    if (await widen.isVisible()) await widen.click();
    const dayNumber = (iso: string) => String(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));
    const seen = new Set<string>();
    for (const date of ['2018-06-01', '2022-01-07', '2022-03-01', '2023-06-01']) {
      await slider.fill(dayNumber(date));
      await expect(page.getByTestId('as-of-value')).not.toHaveText('All dates');
      await expect(page).toHaveURL(new RegExp(`asOf=${date}`));
      const want = expectedVisible(date);
      await expect.poll(() => visibleIds(page, 'edge'), { message: `edges as of ${date}` }).toEqual(want);
      seen.add(want.join(','));
    }
    // The dates chosen really change the picture.
    expect(seen.size).toBeGreaterThan(2);

    await page.getByRole('button', { name: 'All dates' }).click();
    await expect.poll(() => visibleIds(page, 'edge')).toEqual(edges.map((e) => e.id).sort());
    await expect(page).not.toHaveURL(/asOf=/);
  });

  test('play steps through time', async ({ page }) => {
    await openExplorer(page);
    await page.getByRole('button', { name: 'Play through time' }).click();
    const readout = page.getByTestId('as-of-value');
    await expect(readout).not.toHaveText('All dates');
    const first = await readout.innerText();
    await expect(readout).not.toHaveText(first, { timeout: 5000 });
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('the path finder highlights the shortest paths and lists each step with its citation', async ({ page }) => {
    await openExplorer(page);
    await findPaths(page, { type: 'Nazarbayev', pick: /Nursultan Nazarbayev/ }, { type: 'Collective Security', pick: /Collective Security Treaty Organization/ });

    await expect(page).toHaveURL(new RegExp(`path=${NAZARBAYEV}~${CSTO}`));
    await expect(page.getByTestId('path-status')).toContainText(/path/);
    const panel = page.getByTestId('side-panel');
    await expect(panel).toHaveAttribute('data-panel', 'paths');
    const steps = panel.locator('[data-relationship-id]');
    await expect(steps.first()).toBeVisible();
    expect(await panel.locator('[data-path-index="0"] blockquote').count()).toBeGreaterThanOrEqual(await panel.locator('[data-path-index="0"] [data-relationship-id]').count());

    const highlighted = await page.evaluate(() => {
      const cy = window.cy!;
      return {
        nodes: cy.nodes('.path').map((n) => n.id()),
        edges: cy.edges('.path').length,
        dimmed: cy.elements('.off-path').length,
      };
    });
    expect(highlighted.nodes).toEqual(expect.arrayContaining([NAZARBAYEV, CSTO]));
    expect(highlighted.edges).toBeGreaterThan(0);
    expect(highlighted.dimmed).toBeGreaterThan(0);
    // The first listed path is connected on the canvas, step by step.
    const stepIds = await panel.locator('[data-path-index="0"] [data-relationship-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-relationship-id')));
    const onCanvas = await page.evaluate((ids) => ids.every((id) => window.cy!.getElementById(id!).hasClass('path')), stepIds);
    expect(onCanvas).toBe(true);

    await page.getByRole('button', { name: 'Clear path' }).click();
    await expect.poll(() => page.evaluate(() => window.cy!.elements('.path').length)).toBe(0);
  });

  test('the URL restores focus, expansions, filters, date, layout and selection', async ({ page }) => {
    const query = `focus=${NAZARBAYEV}&expand=${KAZAKHSTAN}&hideTypes=MEMBER_OF&hideKinds=INSTITUTION&asOf=2022-01-10&layout=concentric&sel=actor:${KAZAKHSTAN}`;
    await openExplorer(page, query);
    const state = async () =>
      page.evaluate(() => {
        const cy = window.cy!;
        return {
          focus: cy.nodes('.focus').map((n) => n.id()),
          expanded: cy.nodes('.expanded').map((n) => n.id()),
          memberOfVisible: cy.edges('[type = "MEMBER_OF"]').filter((e) => e.visible()).length,
          institutionsVisible: cy.nodes('[kind = "INSTITUTION"]').filter((n) => n.visible()).length,
          selected: cy.$(':selected').map((e) => e.id()),
          nodes: cy.nodes().length,
          visibleEdges: cy.edges().filter((e) => e.visible()).map((e) => e.id()).sort(),
        };
      });
    const restored = await state();
    expect(restored.focus).toEqual([NAZARBAYEV]);
    expect(restored.expanded).toEqual([KAZAKHSTAN]);
    expect(restored.memberOfVisible).toBe(0);
    expect(restored.institutionsVisible).toBe(0);
    expect(restored.selected).toEqual([KAZAKHSTAN]);
    await expect(page.locator('#layout-select')).toHaveValue('concentric');
    await expect(page.getByTestId('as-of-value')).toHaveText('10 Jan 2022');
    await expect(page.locator('button[data-type="MEMBER_OF"]')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('side-panel').getByRole('heading', { level: 2 })).toHaveText('Kazakhstan');

    // Change the view through the UI, reload, and get the same view back.
    await page.locator('#layout-select').selectOption('breadthfirst');
    await page.locator('button[data-kind="STATE"]').click();
    await expect(page).toHaveURL(/layout=breadthfirst/);
    await expect(page).toHaveURL(/hideKinds=INSTITUTION,STATE/);
    const url = page.url();
    const beforeReload = await state();
    await page.reload();
    await waitForGraph(page);
    expect(page.url()).toBe(url);
    const afterReload = await state();
    expect(afterReload).toEqual(beforeReload);
    await expect(page.locator('#layout-select')).toHaveValue('breadthfirst');
  });

  test('Back and Forward move between focused actors', async ({ page }) => {
    await openExplorer(page);
    await page.getByRole('combobox', { name: 'Search actors' }).fill('Russia');
    await page.getByRole('option', { name: /^Russia/ }).first().click();
    await expect(page).toHaveURL(/focus=russia/);
    await expect.poll(() => focusId(page)).toEqual([RUSSIA]);
    await page.goBack();
    await expect(page).toHaveURL(/focus=kassym-jomart-tokayev/);
    await expect.poll(() => focusId(page)).toEqual([TOKAYEV]);
    await expect(page.getByTestId('side-panel').getByRole('heading', { level: 2 })).toHaveText('Kassym-Jomart Tokayev');
    await page.goForward();
    await expect.poll(() => focusId(page)).toEqual([RUSSIA]);
  });

  test('PNG and JSON exports download non-empty files of the current view', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&hideKinds=STATE`);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.length).toBeGreaterThan(2000);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const body = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
      actors: { id: string; kind: string }[];
      relationships: { id: string; citations: { sourceId: string; excerpt: string }[] }[];
      sources: { id: string }[];
    };
    const visible = await page.evaluate(() => ({
      nodes: window.cy!.nodes().filter((n) => n.visible() && !n.id().startsWith('more:')).map((n) => n.id()).sort(),
      edges: window.cy!.edges().filter((e) => e.visible() && !e.id().startsWith('more:')).map((e) => e.id()).sort(),
    }));
    expect(body.actors.map((a) => a.id).sort()).toEqual(visible.nodes);
    expect(body.relationships.map((r) => r.id).sort()).toEqual(visible.edges);
    expect(body.actors.some((a) => a.kind === 'STATE')).toBe(false);
    expect(body.relationships.every((r) => r.citations.length > 0)).toBe(true);
    const sourceIds = new Set(body.sources.map((s) => s.id));
    expect(body.relationships.every((r) => r.citations.every((c) => sourceIds.has(c.sourceId)))).toBe(true);
  });

  test('an API failure shows the error state, and retry recovers', async ({ page }) => {
    // The explorer's reads are GETs with the query in the URL, so the pattern must allow a query string.
    const api = /\/api\/graphql(\?|$)/;
    await page.route(api, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
    await page.goto('/');
    const error = page.locator('[data-state="error"]').filter({ hasText: 'Could not load the network' });
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('role', 'alert');
    expect(await page.evaluate(() => window.cy?.nodes().length ?? 0)).toBe(0);

    await page.unroute(api);
    await error.getByRole('button', { name: 'Try again' }).click();
    await waitForGraph(page);
    await expect(error).toHaveCount(0);
    expect(await focusId(page)).toEqual([TOKAYEV]);
  });

  test('an unknown actor in the link says so and offers a way back', async ({ page }) => {
    await page.goto('/?focus=no-such-actor-anywhere');
    const error = page.locator('[data-state="error"]').filter({ hasText: 'No such actor' });
    await expect(error).toBeVisible();
    await error.getByRole('button', { name: /Start from Kassym-Jomart Tokayev/ }).click();
    await waitForGraph(page);
    expect(await focusId(page)).toEqual([TOKAYEV]);
  });

  test('layouts: concentric puts the focus in the centre, breadth-first above its neighbours', async ({ page }) => {
    await openExplorer(page, 'layout=concentric');
    const centred = await page.evaluate(() => {
      const all = window.cy!.nodes().map((n) => ({ focus: n.hasClass('focus'), ...n.position() }));
      const f = all.find((n) => n.focus)!;
      const others = all.filter((n) => !n.focus);
      const cx = others.reduce((s, p) => s + p.x, 0) / others.length;
      const cy = others.reduce((s, p) => s + p.y, 0) / others.length;
      return Math.hypot(f.x - cx, f.y - cy);
    });
    expect(centred).toBeLessThan(60);
    await page.locator('#layout-select').selectOption('breadthfirst');
    await expect(page).toHaveURL(/layout=breadthfirst/);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const all = window.cy!.nodes().map((n) => ({ focus: n.hasClass('focus'), y: n.position().y }));
          const fy = all.find((n) => n.focus)!.y;
          return all.filter((n) => !n.focus).every((n) => n.y > fy);
        }),
      )
      .toBe(true);
  });

  test('names, summaries and excerpts render as text, never as HTML', async ({ page, request }) => {
    const id = 'e2e-markup-actor';
    const name = '<img src=x onerror="window.__pwned=1">Markup <b>Name</b>';
    const excerpt = '<script>window.__pwned=2</script><i>quoted</i> text';
    await graphql(request, 'mutation Remove($id: ID!) { deleteActor(id: $id, cascade: true) }', { id }, { admin: true });
    const { sources } = await graphqlData<{ sources: { id: string }[] }>(request, '{ sources { id } }');
    await graphqlData(
      request,
      `mutation Make($actor: ActorInput!, $rel: RelationshipInput!) { createActor(input: $actor) { id } createRelationship(input: $rel) { id } }`,
      {
        actor: { id, kind: 'PERSON', name, summary: '<a href="javascript:alert(1)">summary</a>', aliases: [] },
        rel: { type: 'SUPPORTED', source: id, target: TOKAYEV, citations: [{ sourceId: sources[0].id, excerpt }] },
      },
      { admin: true },
    );
    try {
      await openExplorer(page, `focus=${id}`);
      const panel = page.getByTestId('side-panel');
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
      await expect(panel.getByText('<a href="javascript:alert(1)">summary</a>')).toBeVisible();
      await expect(panel.locator('blockquote').first()).toHaveText(excerpt);
      expect(await panel.locator('img, b, i, script, a[href^="javascript"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate((nodeId) => window.cy!.getElementById(nodeId).data('label'), id)).toBe(name);
    } finally {
      await graphql(request, 'mutation Remove($id: ID!) { deleteActor(id: $id, cascade: true) }', { id }, { admin: true });
    }
  });

  test('has no serious or critical axe violations with a selection, a path and filters', async ({ page }) => {
    await openExplorer(page, `focus=${TOKAYEV}&hideTypes=MEMBER_OF&asOf=2022-02-01&path=${NAZARBAYEV}~${CSTO}&sel=actor:${RUSSIA}`);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousAxeViolations(page);
  });
});
