/**
 * The server-rendered reference pages, the security headers and the
 * accessibility of the main views, against the production server.
 */
import { expect, test } from '@playwright/test';
import { DATASET, expectNoSeriousAxeViolations, graphql, graphqlData } from './helpers';

const ACTOR_PATH = `/actors/${DATASET.tokayev}`;
const MAP = 'fall-of-the-nazarbayev-circle-2022';
const scriptSrc = (csp: string) => csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';

test.describe('actor page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows relationships grouped by type, quoted citations, and source links that navigate', async ({ page }) => {
    const response = await page.goto(ACTOR_PATH);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kassym-Jomart Tokayev');
    await expect(page.locator('.kind-badge')).toHaveText(/person/i);

    const groups = page.locator('section.rel-group');
    expect(await groups.count()).toBeGreaterThan(1);
    const quotes = page.locator('.citation blockquote');
    expect(await quotes.count()).toBeGreaterThan(2);
    await expect(quotes.first()).toBeVisible();
    expect((await quotes.first().innerText()).trim().length).toBeGreaterThan(10);

    await expect(page.getByRole('link', { name: 'Open in explorer' })).toHaveAttribute('href', `/?focus=${DATASET.tokayev}`);

    // Counterparts link to their own actor pages.
    const counterpart = page.locator('.rel .rel-actor').first();
    await expect(counterpart).toHaveAttribute('href', /^\/actors\/[a-z0-9-]+$/);

    const sourceLink = page.locator('.citation-source a').first();
    const sourceTitle = (await sourceLink.innerText()).trim();
    await sourceLink.click();
    await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sourceTitle);
  });
});

test('source page lists every relationship it supports with both actors linked', async ({ page, request }) => {
  const data = await graphqlData<{ sources: { id: string; title: string; relationships: { totalCount: number } }[] }>(
    request,
    '{ sources { id title relationships(first: 1) { totalCount } } }',
  );
  const busiest = [...data.sources].sort((a, b) => b.relationships.totalCount - a.relationships.totalCount)[0];
  expect(busiest.relationships.totalCount).toBeGreaterThan(0);

  await page.goto(`/sources/${busiest.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(busiest.title);
  const items = page.locator('.rel-list > li');
  await expect(items).toHaveCount(busiest.relationships.totalCount);
  const first = items.first();
  await expect(first.locator('a.rel-actor')).toHaveCount(2);
  await expect(first.locator('blockquote')).not.toHaveCount(0);
});

test('sources index lists sources with their relationship counts', async ({ page }) => {
  await page.goto('/sources');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sources');
  const rows = page.locator('table tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.first().locator('td.num')).toHaveText(/^\d+$/);
});

test('an unknown actor is a 404 page', async ({ page }) => {
  const response = await page.goto('/actors/no-such-actor-anywhere');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nothing here');
});

test('a malformed percent-escape in any route is a 400 with the security headers, not a bare 500', async ({ request }) => {
  for (const path of ['/actors/%ff', '/actors/%C0%AE%C0%AE', '/maps/%ff', '/maps/%ff/map.svg', '/maps/%ff/embed', '/sources/%ff', '/intake/%ff', '/%E0%A4%A']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(400);
    const headers = r.headers();
    expect(headers['content-security-policy'], path).toContain("default-src 'self'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(await r.text()).toMatch(/malformed percent-escape/);
  }
});

test('an unknown source is a 404 page', async ({ page }) => {
  const response = await page.goto('/sources/no-such-source-anywhere');
  expect(response?.status()).toBe(404);
});

test.describe('security headers', () => {
  const expectHeaders = (headers: Record<string, string>) => {
    const csp = headers['content-security-policy'];
    expect(csp).toBeTruthy();
    for (const directive of [
      "default-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("'unsafe-eval'");
    expect(scriptSrc(csp)).not.toContain("'unsafe-inline'");
    expect(scriptSrc(csp)).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  };

  test('on the explorer page', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    expectHeaders(response.headers());
  });

  test('on the GraphQL endpoint', async ({ request }) => {
    const response = await request.post('/api/graphql', {
      data: { query: '{ __typename }' },
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status()).toBe(200);
    expectHeaders(response.headers());
  });
});

/** Every page route (and the API and a malformed path): script-src without 'unsafe-inline', a fresh nonce each response. */
const ROUTES = [
  '/',
  ACTOR_PATH,
  '/sources',
  '/sources/no-such-source-anywhere',
  '/maps',
  `/maps/${MAP}`,
  `/maps/${MAP}/embed`,
  `/maps/${MAP}/map.svg`,
  '/intake',
  '/playground',
  '/no-such-page',
  '/actors/%ff',
  '/api/health',
];

test("every route's policy runs scripts by nonce only, a new nonce per response", async ({ request }) => {
  for (const path of ROUTES) {
    const [a, b] = [await request.get(path), await request.get(path)];
    const csp = a.headers()['content-security-policy'];
    expect(csp, path).toBeTruthy();
    expect(scriptSrc(csp), path).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(/'nonce-([^']+)'/.exec(b.headers()['content-security-policy'])?.[1], path).not.toBe(nonce);
    // Every script of an HTML page carries this response's nonce.
    if ((a.headers()['content-type'] ?? '').startsWith('text/html')) {
      const tags = (await a.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
});

test('pages hydrate under the policy with no violation or console error', async ({ page }) => {
  test.setTimeout(120_000); // eight page loads
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolations?: string[] }).__cspViolations ??= [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  // React marks the elements it has hydrated; a page whose scripts were blocked has none.
  const hydrated = () => page.waitForFunction(() => Object.keys(document.getElementById('main') ?? {}).some((k) => k.startsWith('__react')));
  for (const path of [ACTOR_PATH, '/sources', '/maps', `/maps/${MAP}`, `/maps/${MAP}/embed`, '/intake', '/playground']) {
    await page.goto(path);
    await hydrated();
    problems.push(...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).map((v) => `${path}: ${v}`));
  }
  // The playground works: Run sends the example query and shows the answer.
  await page.goto('/playground');
  await hydrated();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Response body')).toContainText('"data"');
  problems.push(...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])));
  expect(problems).toEqual([]);
});

test('the explorer draws its graph under the Content-Security-Policy without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolations?: string[] }).__cspViolations ??= [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`/?focus=${DATASET.tokayev}`);
  await page.waitForFunction(() => ((window as unknown as { cy?: { nodes(): { length: number } } }).cy?.nodes().length ?? 0) > 1);
  violations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])));
  expect(violations).toEqual([]);
});

test('markup planted in an actor is shown as text and never runs', async ({ page, request }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const suffix = Date.now().toString(36);
  const id = `planted-markup-${suffix}`;
  const otherId = `planted-counterpart-${suffix}`;
  const createActor = `mutation Plant($input: ActorInput!) { createActor(input: $input) { id } }`;
  const { sources } = await graphqlData<{ sources: { id: string }[] }>(request, '{ sources { id } }');
  try {
    await graphqlData(request, createActor, { input: { id, kind: 'PERSON', name: payload, aliases: [payload], summary: `Summary ${payload}` } }, { admin: true });
    await graphqlData(request, createActor, { input: { id: otherId, kind: 'PERSON', name: 'Planted counterpart' } }, { admin: true });
    // The same payload in a role and a citation excerpt, also shown on the source page.
    await graphqlData(
      request,
      `mutation Cite($input: RelationshipInput!) { createRelationship(input: $input) { id } }`,
      {
        input: {
          type: 'SUPPORTED',
          source: id,
          target: otherId,
          role: payload,
          citations: [{ sourceId: sources[0].id, excerpt: `Excerpt ${payload}` }],
        },
      },
      { admin: true },
    );

    await page.goto(`/actors/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(payload);
    await expect(page.locator('.lede')).toHaveText(`Summary ${payload}`);
    await expect(page.locator('.citation blockquote')).toHaveText(`Excerpt ${payload}`);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.goto(`/sources/${sources[0].id}`);
    await expect(page.getByText(`Excerpt ${payload}`, { exact: true })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  } finally {
    // Leave the bundled dataset as other specs expect it.
    for (const actorId of [id, otherId]) {
      await graphql(request, `mutation Remove($id: ID!) { deleteActor(id: $id, cascade: true) }`, { id: actorId }, { admin: true });
    }
  }
});

test.describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  const pages = [
    { name: 'explorer', path: `/?focus=${DATASET.tokayev}` },
    { name: 'actor page', path: ACTOR_PATH },
    { name: 'source page', path: null },
    { name: 'sources index', path: '/sources' },
  ];

  for (const target of pages) {
    test(`${target.name} has no serious or critical violations`, async ({ page, request }) => {
      let path = target.path;
      if (!path) {
        const { sources } = await graphqlData<{ sources: { id: string }[] }>(request, '{ sources { id } }');
        path = `/sources/${sources[0].id}`;
      }
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
      if (target.name === 'explorer') {
        await page.waitForFunction(() => (window as unknown as { cy?: { nodes(): { length: number } } }).cy?.nodes().length);
      }
      await expectNoSeriousAxeViolations(page);
    });
  }
});
