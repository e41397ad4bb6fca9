/**
 * Curated maps against the production server and the bundled dataset (with
 * its two example maps): saving from the explorer with a dragged node and a
 * note, the map page with and without JavaScript, the embed route and its
 * framing headers, hub paging ("N more"), deleted elements on an old map,
 * exports, and axe scans.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { ADMIN_TOKEN, expectNoSeriousAxeViolations, graphql, graphqlData, waitForGraph } from './helpers';

const TOKAYEV = 'kassym-jomart-tokayev';
const NAZARBAYEV = 'nursultan-nazarbayev';
const KAZAKHSTAN = 'kazakhstan';
const EXAMPLE = 'fall-of-the-nazarbayev-circle-2022';

async function waitForMap(page: Page): Promise<void> {
  await expect(page.getByTestId('map-stage')).toHaveAttribute('data-ready', 'true');
}

/** Page coordinates of a node's centre (a few px off: Cytoscape's hit test misses a diamond's exact centre line). */
async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = window.cy!;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x + 2, y: box.top + p.y + 2 };
  }, id);
}

const modelPosition = (page: Page, id: string) => page.evaluate((nodeId) => ({ ...window.cy!.getElementById(nodeId).position() }), id);

const MAP_QUERY = `query M($id: ID!) { map(id: $id) { id deletedCount nodes { actorId x y deleted } edges { relationshipId deleted } annotations { id text target targetId } } }`;
type MapData = {
  map: {
    id: string;
    deletedCount: number;
    nodes: { actorId: string; x: number; y: number; deleted: boolean }[];
    edges: { relationshipId: string; deleted: boolean }[];
    annotations: { id: string; text: string; target: string; targetId: string | null }[];
  } | null;
};

test.describe('curated maps', () => {
  test('saving from the explorer keeps a node moved by hand and a note pinned to it, across a reload', async ({ page, request }) => {
    await page.goto(`/?focus=${TOKAYEV}`);
    await waitForGraph(page);

    // Drag Nazarbayev by hand.
    const before = await modelPosition(page, NAZARBAYEV);
    const start = await nodePoint(page, NAZARBAYEV);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 30, { steps: 5 });
    await page.mouse.move(start.x + 90, start.y + 70, { steps: 5 });
    await page.mouse.up();
    const moved = await modelPosition(page, NAZARBAYEV);
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(40);

    // Select it and pin a note (markup in the text must stay text).
    const at = await nodePoint(page, NAZARBAYEV);
    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('side-panel')).toHaveAttribute('data-panel', 'actor');
    const noteText = `Moved by hand <b>& noted</b> ${Date.now()}`;
    await page.getByTestId('add-note').click();
    const noteDialog = page.getByTestId('note-dialog');
    await expect(noteDialog.getByRole('radio', { name: /Pinned to Nursultan Nazarbayev/ })).toBeChecked();
    await noteDialog.getByRole('textbox', { name: /Note/ }).fill(noteText);
    await noteDialog.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('map-note').filter({ hasText: noteText })).toBeVisible();

    // Save, entering the admin token in the dialog.
    await page.getByTestId('save-map').click();
    const dialog = page.getByTestId('save-dialog');
    await expect(dialog.getByTestId('save-map-submit')).toBeDisabled();
    await dialog.getByTestId('admin-token-input').fill(ADMIN_TOKEN);
    await dialog.getByRole('button', { name: 'Use token' }).click();
    const title = `E2E map ${Date.now()}`;
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('textbox', { name: /Description/ }).fill('Saved by the browser test.');
    await dialog.getByTestId('save-map-submit').click();
    const link = dialog.getByTestId('saved-map-link');
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href'))!;
    const id = decodeURIComponent(href.split('/').pop()!);

    // Stored as drawn: the dragged position (to 0.1 px) and the note on that node.
    const { map } = await graphqlData<MapData>(request, MAP_QUERY, { id });
    const saved = map!.nodes.find((n) => n.actorId === NAZARBAYEV)!;
    expect(Math.abs(saved.x - moved.x)).toBeLessThan(1);
    expect(Math.abs(saved.y - moved.y)).toBeLessThan(1);
    expect(map!.annotations).toEqual([expect.objectContaining({ text: noteText, target: 'NODE', targetId: NAZARBAYEV })]);
    const visible = await page.evaluate(() => window.cy!.nodes().filter((n) => n.visible() && !n.id().startsWith('more:')).length);
    expect(map!.nodes).toHaveLength(visible);

    await link.click();
    await expect(page).toHaveURL(new RegExp(`/maps/${id}$`));
    for (const pass of ['first load', 'reload']) {
      if (pass === 'reload') await page.reload();
      await waitForMap(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByTestId('map-notes').getByText(noteText)).toBeVisible();
      expect(await page.getByTestId('map-notes').locator('b').count()).toBe(0);
      await expect(page.getByTestId('map-note-marker')).toHaveCount(1);
      // The viewer spreads the map by one factor: saved positions, to a few px.
      const scale = Number(await page.getByTestId('map-stage').getAttribute('data-scale'));
      const drawn = await modelPosition(page, NAZARBAYEV);
      expect(Math.abs(drawn.x / scale - saved.x)).toBeLessThan(3);
      expect(Math.abs(drawn.y / scale - saved.y)).toBeLessThan(3);
      const tokayev = map!.nodes.find((n) => n.actorId === TOKAYEV)!;
      const drawnT = await modelPosition(page, TOKAYEV);
      expect(Math.abs((drawn.x - drawnT.x) / scale - (saved.x - tokayev.x))).toBeLessThan(3);
    }

    // The map is listed.
    await page.goto('/maps');
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
    await graphqlData(request, 'mutation D($id: ID!) { deleteMap(id: $id) }', { id }, { admin: true });
  });

  test('the map page works without JavaScript: the server-drawn SVG, the notes and the evidence', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`/maps/${EXAMPLE}`);
    expect(response!.status()).toBe(200);
    const svg = page.getByTestId('map-svg').locator('svg');
    await expect(svg).toBeVisible();
    await expect(svg.locator('text', { hasText: 'Nursultan' }).first()).toBeAttached();
    expect(await svg.locator('[data-node]').count()).toBeGreaterThan(5);
    expect(await svg.locator('[data-annotation]').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('map-notes').locator('li').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Relationships on this map' })).toBeVisible();
    await expect(page.locator('blockquote').first()).toBeVisible();
    // Sharing metadata.
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Nazarbayev circle/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    const preview = await page.request.get(image!);
    expect(preview.headers()['content-type']).toBe('image/png');
    const png = await preview.body();
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // "Explore from here" is a plain link into the explorer's URL state.
    await expect(page.getByTestId('explore-from-map')).toHaveAttribute('href', /^\/\?focus=[a-z0-9-]+/);
    // The SVG download works as a link too.
    const file = await page.request.get(`/maps/${EXAMPLE}/map.svg`);
    expect(file.headers()['content-type']).toContain('image/svg+xml');
    expect(await file.text()).toContain('SOURCES');
    await context.close();
  });

  test('the embed shows the map alone, may be framed by other sites (only it), and links back', async ({ page, request }) => {
    const embed = await request.get(`/maps/${EXAMPLE}/embed`);
    expect(embed.headers()['content-security-policy']).toContain('frame-ancestors https: http:');
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    expect(embed.headers()['x-content-type-options']).toBe('nosniff');
    for (const path of [`/maps/${EXAMPLE}`, '/', '/maps', `/maps/${EXAMPLE}/map.svg`]) {
      const r = await request.get(path);
      expect(r.headers()['x-frame-options'], path).toBe('DENY');
      expect(r.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }

    // Framed by a page of another origin: the embed loads, the full page is refused. Chromium's Local
    // Network Access would block any public page from framing this loopback server, whatever our headers
    // say, so this browser runs without that check (deployed, both sides are public).
    const origin = test.info().project.use.baseURL;
    const lnaOff = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessForNavigations,BlockInsecurePrivateNetworkRequests'],
    });
    const outside = await lnaOff.newPage();
    const refusals: string[] = [];
    outside.on('console', (m) => {
      if (/frame-ancestors|Framing/.test(m.text())) refusals.push(m.text());
    });
    await outside.route('http://embedder.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Embedder</title><iframe id="ok" src="${origin}/maps/${EXAMPLE}/embed" width="900" height="600"></iframe><iframe id="no" src="${origin}/maps/${EXAMPLE}" width="400" height="300"></iframe>`,
      }),
    );
    await outside.goto('http://embedder.test/');
    const framed = outside.frameLocator('#ok');
    await expect(framed.getByTestId('embed-view-on-steppe')).toBeVisible();
    await expect(framed.getByTestId('map-stage')).toHaveAttribute('data-ready', 'true');
    await expect(framed.locator('.topbar')).toBeHidden();
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await expect(outside.frameLocator('#no').getByRole('heading', { level: 1 })).toHaveCount(0);
    await lnaOff.close();

    // Opened on its own, the link leads back to the map page.
    await page.goto(`/maps/${EXAMPLE}/embed`);
    await waitForMap(page);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await page.getByTestId('embed-view-on-steppe').click();
    await expect(page).toHaveURL(new RegExp(`/maps/${EXAMPLE}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Nazarbayev circle/);
  });

  test('in an 800×600 frame the embed fits every control, shows a clicked relationship’s quotes and source, and lists its notes', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`/maps/${EXAMPLE}/embed`);
    await waitForMap(page);
    const outside = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role="slider"], [role="application"]')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) out.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30) || el.getAttribute('aria-label')} ${Math.round(r.bottom)}`);
      }
      return out;
    });
    expect(outside, outside.join('\n')).toEqual([]);
    const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(scroll.w).toBeLessThanOrEqual(800);
    expect(scroll.h).toBeLessThanOrEqual(600);
    await expect(page.getByRole('slider').first()).toBeInViewport();

    // A relationship: its quotes, each with its source link (and wording warning where the source has one).
    const edge = await page.evaluate(() => window.cy!.edges().filter((e) => !e.hasClass('deleted'))[0].id());
    await page.evaluate((id) => void window.cy!.getElementById(id).emit('tap'), edge);
    const evidence = page.getByTestId('embed-evidence');
    await expect(evidence.getByTestId('citation').first()).toBeInViewport();
    await expect(evidence.getByTestId('citation').first().locator('a[href^="/sources/"]')).toBeVisible();
    const citations = await graphqlData<{ relationship: { citations: { source: { wordingWarning: string | null } }[] } }>(
      page.request,
      'query R($id: ID!) { relationship(id: $id) { citations { source { wordingWarning } } } }',
      { id: edge },
    );
    expect(await evidence.getByTestId('citation').count()).toBe(citations.relationship.citations.length);
    const warned = citations.relationship.citations.filter((c) => c.source.wordingWarning).length;
    console.log(`embed: relationship ${edge} shows ${citations.relationship.citations.length} quote(s), ${warned} with a wording warning`);
    await evidence.getByRole('button', { name: 'Close details' }).click();
    await expect(evidence).toBeHidden();

    // The numbered notes the legend promises, inside the frame.
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('listed under Notes');
    await page.getByTestId('embed-notes-button').click();
    const notes = page.getByTestId('map-notes');
    await expect(notes).toBeInViewport();
    const { map } = await graphqlData<MapData>(page.request, MAP_QUERY, { id: EXAMPLE });
    await expect(notes.locator('li')).toHaveCount(map!.annotations.length);
    await expectNoSeriousAxeViolations(page);
  });

  test('a hub shows 25 ranked relationships and an "N more" node that pages through the rest, by keyboard', async ({ page, request }) => {
    const { actor } = await graphqlData<{ actor: { relationships: { totalCount: number } } }>(request, `query { actor(id: "${KAZAKHSTAN}") { relationships(first: 1) { totalCount } } }`);
    const total = actor.relationships.totalCount;
    expect(total).toBeGreaterThan(25);
    await page.goto(`/?focus=${KAZAKHSTAN}`);
    await waitForGraph(page);
    const hubEdges = () =>
      page.evaluate((hub) => window.cy!.getElementById(hub).connectedEdges().filter((e) => e.data('type') !== 'MORE').map((e) => e.id()), KAZAKHSTAN);
    const first = await hubEdges();
    expect(first).toHaveLength(25);
    // The first page is the RANKED order's first 25.
    const { actor: ranked } = await graphqlData<{ actor: { relationships: { nodes: { id: string }[] } } }>(
      request,
      `query { actor(id: "${KAZAKHSTAN}") { relationships(order: RANKED, first: 25) { nodes { id } } } }`,
    );
    expect([...first].sort()).toEqual(ranked.relationships.nodes.map((n) => n.id).sort());

    const more = page.getByTestId('hub-more');
    await expect(more).toHaveAttribute('data-remaining', String(total - 25));
    await expect(more).toHaveAccessibleName(new RegExp(`Show \\d+ more of Kazakhstan’s ${total - 25} remaining relationships`));
    expect(await page.evaluate((id) => window.cy!.getElementById(id).data('label'), `more:${KAZAKHSTAN}`)).toBe(`${total - 25} more`);

    // A failed page says so on the node and is retried by activating it again.
    // Reads are GETs (the document in the URL's `query`), longer ones POSTs.
    const api = /\/api\/graphql(\?|$)/;
    const operation = (request: { url(): string; postData(): string | null }) => new URL(request.url()).searchParams.get('query') ?? request.postData() ?? '';
    await page.route(api, (route) => (operation(route.request()).includes('query HubPage') ? route.abort() : route.fallback()));
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAccessibleName(/^Loading failed\. Try again: show/);
    expect(await page.evaluate((id) => window.cy!.getElementById(id).data('label'), `more:${KAZAKHSTAN}`)).toBe('Retry');
    expect(await hubEdges()).toHaveLength(25);
    await page.unroute(api);

    let shown = 25;
    while (shown < total) {
      await more.focus();
      await page.keyboard.press('Enter');
      shown = Math.min(total, shown + 25);
      await expect.poll(async () => (await hubEdges()).length).toBe(shown);
    }
    await expect(more).toHaveCount(0);
    expect(await page.evaluate((id) => window.cy!.getElementById(id).empty(), `more:${KAZAKHSTAN}`)).toBe(true);
  });

  test('an old map marks the actor and relationship deleted since it was saved', async ({ browser, page, request }) => {
    const actorId = 'e2e-map-deleted-person';
    const NOTE_WITH_MARKUP = 'Supported <script>window.__pwned=1</script><b>Tokayev</b> & "others"';
    await graphql(request, 'mutation R($id: ID!) { deleteActor(id: $id, cascade: true) }', { id: actorId }, { admin: true });
    // Cite an existing, verbatim quote.
    const { actor } = await graphqlData<{ actor: { relationships: { nodes: { id: string; citations: { excerpt: string; source: { id: string } }[] }[] } } }>(
      request,
      `query { actor(id: "${TOKAYEV}") { relationships(first: 5) { nodes { id citations { excerpt source { id } } } } } }`,
    );
    const cited = actor.relationships.nodes[0];
    const made = await graphqlData<{ createRelationship: { id: string } }>(
      request,
      'mutation M($actor: ActorInput!, $rel: RelationshipInput!) { createActor(input: $actor) { id } createRelationship(input: $rel) { id } }',
      {
        actor: { id: actorId, kind: 'PERSON', name: 'Temporary E2E Person' },
        rel: { type: 'SUPPORTED', source: actorId, target: TOKAYEV, citations: [{ sourceId: cited.citations[0].source.id, excerpt: cited.citations[0].excerpt }] },
      },
      { admin: true },
    );
    const { saveMap } = await graphqlData<{ saveMap: { id: string } }>(
      request,
      'mutation S($input: MapInput!) { saveMap(input: $input) { id } }',
      {
        input: {
          title: `E2E deleted marks ${Date.now()}`,
          nodes: [
            { actorId: TOKAYEV, x: 0, y: 0 },
            { actorId, x: 240, y: 80 },
          ],
          relationshipIds: [made.createRelationship.id],
          annotations: [{ id: 'about-the-person', text: NOTE_WITH_MARKUP, target: 'NODE', targetId: actorId }],
        },
      },
      { admin: true },
    );
    await graphqlData(request, 'mutation R($id: ID!) { deleteActor(id: $id, cascade: true) }', { id: actorId }, { admin: true });

    const { map } = await graphqlData<MapData>(request, MAP_QUERY, { id: saveMap.id });
    expect(map!.deletedCount).toBe(2);

    await page.goto(`/maps/${saveMap.id}`);
    await waitForMap(page);
    await expect(page.getByTestId('map-deleted-note')).toContainText('2 elements');
    await expect(page.getByTestId('map-deleted-list')).toContainText('Temporary E2E Person');
    const marks = await page.evaluate(
      ([a, r]) => ({ node: window.cy!.getElementById(a).hasClass('deleted'), edge: window.cy!.getElementById(r).hasClass('deleted'), label: window.cy!.getElementById(a).data('label') }),
      [actorId, made.createRelationship.id],
    );
    expect(marks).toEqual({ node: true, edge: true, label: 'Temporary E2E Person (deleted)' });
    const at = await nodePoint(page, actorId);
    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('deleted-details')).toContainText('Deleted from the graph');

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`/maps/${saveMap.id}`);
    await expect(plain.getByTestId('map-svg').locator('tspan', { hasText: '(deleted)' })).toBeAttached();
    // User text is escaped in the server-drawn SVG and in the notes list: shown as text, never as markup.
    expect(await plain.getByTestId('map-svg').locator('script, b').count()).toBe(0);
    await expect(plain.getByTestId('map-svg').locator('[data-annotation] title')).toHaveText(NOTE_WITH_MARKUP);
    await expect(plain.getByTestId('map-notes')).toContainText(NOTE_WITH_MARKUP);
    expect(await plain.getByTestId('map-notes').locator('script, b').count()).toBe(0);
    await noJs.close();
    await graphqlData(request, 'mutation D($id: ID!) { deleteMap(id: $id) }', { id: saveMap.id }, { admin: true });
  });

  test('exports: JSON that saves again as it is, and SVG/PNG with title, legend, notes and sources', async ({ page, request }) => {
    await page.goto(`/maps/${EXAMPLE}`);
    await waitForMap(page);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-json').click()]);
    const input = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
    const copyId = 'e2e-reimported-map';
    const saved = await graphql<{ saveMap: { id: string } }>(request, 'mutation S($input: MapInput!) { saveMap(input: $input) { id } }', { input: { ...input, id: copyId } }, { admin: true });
    expect(saved.errors).toBeUndefined();
    const { map } = await graphqlData<MapData>(request, MAP_QUERY, { id: copyId });
    expect(map!.nodes.map((n) => [n.actorId, n.x, n.y])).toEqual(input.nodes.map((n: { actorId: string; x: number; y: number }) => [n.actorId, n.x, n.y]));
    await graphqlData(request, 'mutation D($id: ID!) { deleteMap(id: $id) }', { id: copyId }, { admin: true });

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-svg').click()]);
    const text = Buffer.concat(await (await svg.createReadStream()).toArray()).toString('utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const part of ['The fall of the Nazarbayev circle, 2022', 'LEGEND', 'NOTES', 'SOURCES', 'Person', 'Prosecuted']) expect(text).toContain(part);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-png').click()]);
    const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000); // width, at 2×
  });

  for (const path of ['/maps', `/maps/${EXAMPLE}`]) {
    test(`${path} has no serious or critical axe violations`, async ({ page }) => {
      await page.goto(path);
      if (path !== '/maps') await waitForMap(page);
      await expectNoSeriousAxeViolations(page);
    });
  }
});
