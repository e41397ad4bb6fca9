/**
 * Maps you can keep working on: a saved map opened in the explorer (from its
 * page and from the list) with its actors, relationships, positions and
 * notes; changed (an actor taken off, another actor's network added, a node
 * moved, a note's text edited, a note removed and one added); saved as the
 * same map and as a copy. And the Save dialog, open over the canvas, leaves
 * the graph drawn (issue 17: it was seen blanking it at 1440×900).
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_TOKEN, expectNoSeriousAxeViolations, graphqlData, waitForGraph } from './helpers';

const EXAMPLE = 'fall-of-the-nazarbayev-circle-2022';
const TOKAYEV = 'kassym-jomart-tokayev';

const MAP_QUERY = `query M($id: ID!) { map(id: $id) { id title description asOf version nodes { actorId x y deleted } edges { relationshipId savedSource savedTarget deleted } annotations { id text target targetId x y } } }`;
type MapData = {
  map: {
    id: string;
    title: string;
    description: string | null;
    asOf: string | null;
    version: number;
    nodes: { actorId: string; x: number; y: number; deleted: boolean }[];
    edges: { relationshipId: string; savedSource: string; savedTarget: string; deleted: boolean }[];
    annotations: { id: string; text: string; target: string; targetId: string | null; x: number | null; y: number | null }[];
  } | null;
};
const SAVE = 'mutation S($input: MapInput!) { saveMap(input: $input) { id } }';
const DELETE = 'mutation D($id: ID!) { deleteMap(id: $id) }';

/** Page coordinates of an element's centre (a node's, a few px off the exact centre line; an edge's midpoint). */
async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((eleId) => {
    const cy = window.cy!;
    const ele = cy.getElementById(eleId);
    const p = ele.isNode() ? ele.renderedPosition() : (ele as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x + (ele.isNode() ? 2 : 0), y: box.top + p.y + (ele.isNode() ? 2 : 0) };
  }, id);
}

/** Selects an actor as a tap on it does (the map's notes may cover it for a mouse click). */
async function tapOn(page: Page, id: string): Promise<void> {
  await page.evaluate((eleId) => window.cy!.getElementById(eleId).emit('tap'), id);
  await expect(page.getByTestId('side-panel').locator(`[data-actor-id="${id}"]`)).toBeVisible();
}

const canvasNodeIds = (page: Page) => page.evaluate(() => window.cy!.nodes().filter((n) => n.visible() && !n.id().startsWith('more:')).map((n) => n.id()).sort());
const modelPositions = (page: Page) => page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])));

/** Pixels Cytoscape has drawn (any layer), and how many nodes it shows. */
function drawn(page: Page): Promise<{ pixels: number; nodes: number }> {
  return page.evaluate(() => {
    let pixels = 0;
    for (const c of window.cy!.container()!.querySelectorAll('canvas')) {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) pixels++;
    }
    return { pixels, nodes: window.cy!.nodes().filter((n) => n.visible()).length };
  });
}

/** Distinct colours in a screenshot of the canvas: a blank region has one or two. */
async function coloursInCanvas(page: Page): Promise<number> {
  const png = await page.getByTestId('graph-canvas').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 16) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

async function enterToken(page: Page): Promise<void> {
  const dialog = page.getByTestId('save-dialog');
  const input = dialog.getByTestId('admin-token-input');
  if (await input.isVisible()) {
    await input.fill(ADMIN_TOKEN);
    await dialog.getByRole('button', { name: 'Use token' }).click();
  }
}

test.describe('maps you can keep working on', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the Save and Note dialogs leave the graph drawn under them', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`/?focus=${TOKAYEV}`);
    await waitForGraph(page);
    const before = await drawn(page);
    const colours = await coloursInCanvas(page);
    expect(before.nodes).toBeGreaterThan(5);
    expect(before.pixels).toBeGreaterThan(10_000);

    for (const [button, dialogId] of [['save-map', 'save-dialog'], ['add-note', 'note-dialog']] as const) {
      await page.getByTestId(button).click();
      await expect(page.getByTestId(dialogId)).toBeVisible();
      await page.waitForTimeout(400); // a frame or two for anything the dialog set off
      const during = await drawn(page);
      expect(during.nodes, `${dialogId}: nodes shown`).toBe(before.nodes);
      expect(during.pixels, `${dialogId}: pixels drawn`).toBeGreaterThan(before.pixels * 0.9);
      // Under the dimmed backdrop the graph's colours are still on screen (a blank canvas has one or two).
      if (dialogId === 'save-dialog') expect(await coloursInCanvas(page), 'colours on screen').toBeGreaterThan(Math.min(40, colours / 2));
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(dialogId)).toBeHidden();
    }
    expect((await drawn(page)).pixels).toBeGreaterThan(before.pixels * 0.9);
  });

  test('open a saved map in the explorer, change it, save it as the same map and as a copy', async ({ page, request }) => {
    test.setTimeout(240_000);
    // A map of our own (a copy of the example), so the dataset's maps stay as they are.
    const id = `e2e-editable-${Date.now()}`;
    const { map: example } = await graphqlData<MapData>(request, MAP_QUERY, { id: EXAMPLE });
    const input = {
      id,
      title: 'E2E editable map',
      description: 'To be changed in the explorer.',
      asOf: example!.asOf,
      nodes: example!.nodes.filter((n) => !n.deleted).map(({ actorId, x, y }) => ({ actorId, x, y })),
      relationshipIds: example!.edges.filter((e) => !e.deleted).map((e) => e.relationshipId),
      annotations: example!.annotations.map((a) => (a.target === 'CANVAS' ? { id: a.id, text: a.text, target: a.target, x: a.x, y: a.y } : { id: a.id, text: a.text, target: a.target, targetId: a.targetId })),
    };
    expect(input.annotations.length).toBeGreaterThanOrEqual(2);
    await graphqlData(request, SAVE, { input }, { admin: true });
    const copies: string[] = [];

    try {
      // The list offers it; the map page opens it.
      await page.goto('/maps');
      await expect(page.getByRole('link', { name: `Open “${input.title}” in the explorer` })).toHaveAttribute('href', new RegExp(`map=${id}`));
      await page.goto(`/maps/${id}`);
      await page.getByTestId('open-map-in-explorer').click();
      await expect(page).toHaveURL(new RegExp(`map=${id}`));
      await waitForGraph(page);
      await expect(page.getByTestId('editing-map')).toContainText(input.title);

      // Exactly the map's actors, at its saved positions (relative to one another: the view is fitted), with its notes.
      expect(await canvasNodeIds(page)).toEqual(input.nodes.map((n) => n.actorId).sort());
      // All its relationships are loaded, those not in force on the map's date hidden by the slider.
      expect(await page.evaluate(() => window.cy!.edges().map((e) => e.id()).sort())).toEqual([...input.relationshipIds].sort());
      const pos = await modelPositions(page);
      const [a, b] = [input.nodes[0], input.nodes[input.nodes.length - 1]];
      expect(Math.abs(pos[b.actorId].x - pos[a.actorId].x - (b.x - a.x))).toBeLessThan(1);
      expect(Math.abs(pos[b.actorId].y - pos[a.actorId].y - (b.y - a.y))).toBeLessThan(1);
      // Every note whose actor or relationship is drawn on the map's date (the others wait for the slider).
      const drawnNotes = await page.evaluate(
        (notes) => notes.filter((n) => n.target === 'CANVAS' || window.cy!.getElementById(n.targetId!).visible()).map((n) => n.id),
        input.annotations,
      );
      expect(drawnNotes.length).toBeGreaterThanOrEqual(2);
      await expect(page.getByTestId('map-note')).toHaveCount(drawnNotes.length);
      await expectNoSeriousAxeViolations(page);

      // Take an actor off the map (one no note is pinned to, nor to its relationships): its relationships go with it.
      const pinned = new Set(input.annotations.map((n) => n.targetId));
      const edgesOf = (actorId: string) => example!.edges.filter((e) => e.savedSource === actorId || e.savedTarget === actorId).map((e) => e.relationshipId);
      const candidates = input.nodes.filter((n) => n.actorId !== TOKAYEV && !pinned.has(n.actorId) && !edgesOf(n.actorId).some((r) => pinned.has(r))).map((n) => n.actorId);
      // Not the National Security Committee: selecting it on this map at its date froze the page (reported to the lead).
      const gone = candidates.filter((c) => c !== 'national-security-committee')[0];
      expect(gone).toBeTruthy();
      await tapOn(page, gone);
      await expect(page.getByTestId('remove-from-map')).toBeEnabled();
      await page.getByTestId('remove-from-map').click();
      await expect.poll(() => canvasNodeIds(page)).not.toContain(gone);

      // Add Tokayev's network: new actors join, the ones already placed stay put.
      const placed = await modelPositions(page);
      await tapOn(page, TOKAYEV);
      await page.getByTestId('expand-button').click();
      await expect.poll(async () => (await canvasNodeIds(page)).length).toBeGreaterThan(input.nodes.length);
      await waitForGraph(page);
      const afterExpand = await modelPositions(page);
      for (const n of input.nodes.filter((x) => x.actorId !== gone)) {
        expect(Math.hypot(afterExpand[n.actorId].x - placed[n.actorId].x, afterExpand[n.actorId].y - placed[n.actorId].y), n.actorId).toBeLessThan(1);
      }
      const shown = await canvasNodeIds(page);

      // Move Tokayev by hand.
      const start = await pointOf(page, TOKAYEV);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + 30, start.y + 20, { steps: 4 });
      await page.mouse.move(start.x + 60, start.y + 45, { steps: 4 });
      await page.mouse.up();
      const moved = (await modelPositions(page))[TOKAYEV];

      // Notes: edit the first one's text, remove the second, add one on the canvas.
      const [first, second] = drawnNotes.map((noteId) => input.annotations.find((n) => n.id === noteId)!);
      await page.locator(`[data-testid="map-note"][data-annotation-id="${first.id}"]`).getByTestId('edit-note').click();
      const noteDialog = page.getByTestId('note-dialog');
      await expect(noteDialog.getByRole('heading', { name: 'Edit note' })).toBeVisible();
      await expect(noteDialog.getByRole('textbox', { name: /Note/ })).toHaveValue(first.text);
      const edited = `${first.text} (checked again)`;
      await noteDialog.getByRole('textbox', { name: /Note/ }).fill(edited);
      await noteDialog.getByRole('button', { name: 'Save note' }).click();
      await expect(page.locator(`[data-testid="map-note"][data-annotation-id="${first.id}"]`)).toContainText(edited);
      await page.locator(`[data-testid="map-note"][data-annotation-id="${second.id}"]`).getByRole('button', { name: /Remove note/ }).click();
      await page.getByTestId('add-note').click();
      await noteDialog.getByRole('textbox', { name: /Note/ }).fill('Added while editing.');
      await noteDialog.getByRole('radio', { name: /On the canvas/ }).check();
      await noteDialog.getByRole('button', { name: 'Add note' }).click();

      // Save as the same map: a new revision at the same address.
      await page.getByTestId('save-map').click();
      const dialog = page.getByTestId('save-dialog');
      await enterToken(page);
      await expect(dialog.getByTestId('save-as-same')).toBeChecked();
      await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(input.title);
      await dialog.getByRole('textbox', { name: 'Title' }).fill('E2E editable map, revised');
      await dialog.getByTestId('save-map-submit').click();
      await expect(dialog.getByTestId('saved-map-link')).toHaveAttribute('href', `/maps/${id}`);
      const { map: revised } = await graphqlData<MapData>(request, MAP_QUERY, { id });
      expect(revised!.title).toBe('E2E editable map, revised');
      expect(revised!.nodes.map((n) => n.actorId).sort()).toEqual(shown);
      expect(revised!.nodes.map((n) => n.actorId)).not.toContain(gone);
      expect(revised!.edges.some((e) => e.savedSource === gone || e.savedTarget === gone)).toBe(false);
      // Relationships the date hides are kept (the map keeps its date): every one not touching the removed actor.
      const kept = example!.edges.filter((e) => !e.deleted && e.savedSource !== gone && e.savedTarget !== gone).map((e) => e.relationshipId);
      expect(revised!.edges.map((e) => e.relationshipId)).toEqual(expect.arrayContaining(kept));
      expect(revised!.asOf).toBe(input.asOf);
      expect(revised!.version).toBe(2);
      const t = revised!.nodes.find((n) => n.actorId === TOKAYEV)!;
      expect(Math.hypot(t.x - moved.x, t.y - moved.y)).toBeLessThan(1);
      expect(revised!.annotations.map((n) => n.text).sort()).toEqual(
        ['Added while editing.', edited, ...input.annotations.filter((n) => n.id !== first.id && n.id !== second.id).map((n) => n.text)].sort(),
      );
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('editing-map')).toContainText('E2E editable map, revised');

      // Someone else saves the map meanwhile (revision 3): saving as the same map now would overwrite it, so the
      // dialog says so and offers a copy (or a reload); the copy is a new map and theirs stays as it is.
      const { map: theirs } = await graphqlData<{ map: MapData['map'] }>(
        request,
        'mutation S($input: MapInput!) { map: saveMap(input: $input) { id title description asOf version nodes { actorId x y deleted } edges { relationshipId savedSource savedTarget deleted } annotations { id text target targetId x y } } }',
        { input: { ...input, title: 'Changed by someone else', expectedVersion: 2 } },
        { admin: true },
      );
      expect(theirs!.version).toBe(3);
      await page.getByTestId('save-map').click();
      await enterToken(page);
      await expect(dialog.getByTestId('save-as-same')).toBeChecked();
      await dialog.getByTestId('save-map-submit').click();
      await expect(dialog.getByTestId('save-conflict')).toContainText('revision 3');
      await expect(dialog.getByTestId('save-conflict').getByRole('link', { name: /Reload the map/ })).toHaveAttribute('href', new RegExp(`map=${id}`));
      await dialog.getByTestId('conflict-save-copy').click();
      await expect(dialog.getByTestId('save-as-copy')).toBeChecked();
      await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('E2E editable map, revised (copy)');
      await dialog.getByTestId('save-map-submit').click();
      const href = (await dialog.getByTestId('saved-map-link').getAttribute('href'))!;
      const copyId = decodeURIComponent(href.split('/').pop()!);
      copies.push(copyId);
      expect(copyId).not.toBe(id);
      const { map: copy } = await graphqlData<MapData>(request, MAP_QUERY, { id: copyId });
      expect(copy!.title).toBe('E2E editable map, revised (copy)');
      expect(copy!.nodes.map((n) => n.actorId).sort()).toEqual(shown);
      const { map: original } = await graphqlData<MapData>(request, MAP_QUERY, { id });
      expect(original).toEqual(theirs);
      // From now on the explorer edits the copy (reloading keeps it open).
      await page.keyboard.press('Escape');
      await expect(page).toHaveURL(new RegExp(`map=${copyId}`));
      await expect(page.getByTestId('editing-map')).toContainText('(copy)');

      // The map page gives the revision.
      await page.goto(`/maps/${id}`);
      await expect(page.getByTestId('map-revision')).toHaveText(' · revision 3');
    } finally {
      for (const m of [id, ...copies]) await graphqlData(request, DELETE, { id: m }, { admin: true }).catch(() => undefined);
    }
  });

  test('a map that does not exist says so in the explorer', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/?map=no-such-map-anywhere');
    await expect(page.getByRole('alert').filter({ hasText: 'No such map' })).toBeVisible({ timeout: 60_000 });
  });
});
