/**
 * Evidence intake in the browser, against the production server and the
 * bundled dataset: add a document naming two known actors with "appointed",
 * accept the proposal on the review page, and find the new edge with its
 * quote in the explorer. Also: writes without the admin token are refused
 * with a clear message, rejecting hides a proposal, a bad upload says why,
 * and the pages pass the axe scan. Everything written is deleted afterwards,
 * so the other specs see the bundled dataset unchanged.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_TOKEN, DATASET, expectNoSeriousAxeViolations, graphql, graphqlData } from './helpers';

const SMAILOV = 'alikhan-smailov';
/** A true statement (Smailov became prime minister on 11 January 2022), naming two actors of the bundled dataset. */
const SENTENCE = 'On 11 January 2022, Tokayev appointed Alikhan Smailov as prime minister.';

const created = new Set<string>();

test.afterAll(async ({ request }) => {
  for (const id of created) {
    const { source } = await graphqlData<{ source: { relationships: { nodes: { id: string }[] } } | null }>(
      request,
      'query($id: ID!) { source(id: $id) { relationships(first: 100) { nodes { id } } } }',
      { id },
    );
    for (const rel of source?.relationships.nodes ?? []) await graphql(request, 'mutation($id: ID!) { deleteRelationship(id: $id) }', { id: rel.id }, { admin: true });
    await graphql(request, 'mutation($id: ID!) { deleteSource(id: $id) }', { id }, { admin: true });
  }
});

async function useToken(page: Page): Promise<void> {
  await page.getByTestId('admin-token-input').first().fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Use token' }).first().click();
  await expect(page.getByTestId('admin-token-status').first()).toBeVisible();
}

/** Adds a source with text through the API (for the specs that start on the review page). */
async function addSourceViaApi(request: APIRequestContext, id: string, text: string): Promise<void> {
  created.add(id);
  await graphqlData(request, 'mutation($input: SourceInput!, $text: SourceTextInput!) { addSource(input: $input, text: $text) { length } }', { input: { id, title: `E2E ${id}` }, text: { text } }, { admin: true });
}

test('add a document, accept the “appointed” proposal, find the edge and its quote in the explorer', async ({ page }) => {
  await page.goto('/intake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evidence intake');
  await expect(page.getByRole('link', { name: 'Intake' })).toHaveAttribute('aria-current', 'page');
  await useToken(page);

  const form = page.getByTestId('add-source-form');
  await form.getByLabel('Title', { exact: true }).fill('E2E intake note on the prime minister');
  await expect(form.getByLabel(/^Id/)).toHaveValue('e2e-intake-note-on-the-prime-minister');
  created.add('e2e-intake-note-on-the-prime-minister');
  await form.getByLabel(/^Publisher/).fill('E2E Desk');
  await form.getByLabel(/^Published/).fill('2022-01');
  await form.getByLabel('Full text').fill(`${SENTENCE}\n\nThe rest of this note names nobody.`);
  await form.getByRole('button', { name: 'Add and review' }).click();

  await expect(page).toHaveURL(/\/intake\/e2e-intake-note-on-the-prime-minister$/);
  const card = page.locator('[data-testid="proposal"][data-type="APPOINTED"]').filter({ hasText: 'Alikhan Smailov' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { level: 3 })).toContainText('Kassym-Jomart Tokayev');
  await expect(card.getByRole('heading', { level: 3 })).toContainText('Alikhan Smailov');
  // The sentence is shown with both mentions and the cue highlighted.
  await expect(card.locator('blockquote')).toHaveText(SENTENCE);
  await expect(card.locator('blockquote mark')).toHaveText(['Tokayev', 'appointed', 'Alikhan Smailov']);
  // Why it was proposed, at a glance: the words read as source, cue and target, and the rule.
  const why = card.getByTestId('proposal-why');
  await expect(why.locator('mark')).toHaveText(['Tokayev', 'appointed', 'Alikhan Smailov']);
  await expect(why).toContainText('subject and object of the verb');
  await expectNoSeriousAxeViolations(page);

  await card.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(card).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('review-announcement')).toContainText('Accepted');

  const href = await card.getByRole('link', { name: 'Show in explorer' }).getAttribute('href');
  const relId = decodeURIComponent(/sel=rel(?::|%3A)([^&]+)/.exec(href ?? '')![1]);

  // The explorer's first screen (Tokayev's network) now has the new edge; tapping it shows its quote.
  await page.goto('/');
  await page.waitForFunction((id) => !!window.cy && window.cy.getElementById(id).length > 0, relId);
  const edge = await page.evaluate((id) => {
    const e = window.cy!.getElementById(id);
    return { type: e.data('type') as string, source: e.source().id(), target: e.target().id() };
  }, relId);
  expect(edge).toEqual({ type: 'APPOINTED', source: DATASET.tokayev, target: SMAILOV });
  await page.evaluate((id) => void window.cy!.getElementById(id).emit('tap'), relId);
  const panel = page.getByTestId('side-panel');
  await expect(panel).toHaveAttribute('data-panel', 'relationship');
  await expect(panel.locator('blockquote').filter({ hasText: SENTENCE })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'E2E intake note on the prime minister' })).toBeVisible();

  // The review page's own link opens the explorer on the same edge.
  await page.goto(href!);
  await expect(page.getByTestId('side-panel')).toHaveAttribute('data-panel', 'relationship');
  await expect(page.getByTestId('side-panel').locator('blockquote').filter({ hasText: SENTENCE })).toBeVisible();
});

test('the review page refuses writes without the admin token, and rejecting hides a proposal', async ({ page, request }) => {
  await addSourceViaApi(request, 'e2e-review-no-token', `${SENTENCE} Karim Massimov was detained on suspicion of treason.`);
  await page.goto('/intake/e2e-review-no-token');
  const card = page.locator('[data-testid="proposal"][data-type="APPOINTED"]');
  await expect(card).toBeVisible();

  // No token in this tab: accepting explains what is missing and writes nothing.
  await card.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(card.getByRole('alert')).toContainText('admin token');
  await expect(page.getByTestId('review-announcement')).toContainText('admin token');
  const { source } = await graphqlData<{ source: { relationships: { totalCount: number } } }>(request, '{ source(id: "e2e-review-no-token") { relationships { totalCount } } }');
  expect(source.relationships.totalCount).toBe(0);
  await expect(card).toHaveAttribute('data-status', 'open');

  // Reject hides it; "Show rejected" brings it back for a change of mind.
  const before = await page.getByTestId('proposal').count();
  await card.getByRole('button', { name: 'Reject' }).click();
  await expect(page.locator('[data-testid="proposal"][data-type="APPOINTED"]')).toHaveCount(0);
  await expect(page.getByTestId('proposal')).toHaveCount(before - 1);
  await expect(page.getByTestId('proposal-counts')).toContainText('1 rejected');
  await page.getByLabel('Show rejected').check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('[data-testid="proposal"][data-type="APPOINTED"]')).toHaveAttribute('data-status', 'open');
});

test('after the text is edited, the review page flags the quotes that no longer match', async ({ page, request }) => {
  await addSourceViaApi(request, 'e2e-edited-text', SENTENCE);
  await graphqlData(
    request,
    'mutation($input: RelationshipInput!) { createRelationship(input: $input) { id } }',
    { input: { type: 'APPOINTED', source: DATASET.tokayev, target: SMAILOV, citations: [{ sourceId: 'e2e-edited-text', excerpt: SENTENCE }] } },
    { admin: true },
  );
  await graphqlData(request, 'mutation($t: SourceTextInput!) { setSourceText(sourceId: "e2e-edited-text", text: $t) { length } }', { t: { text: SENTENCE.replace('appointed', 'named') } }, { admin: true });
  await page.goto('/intake/e2e-edited-text');
  const stale = page.getByTestId('stale-citations');
  await expect(stale.getByRole('heading')).toHaveText('1 quote no longer matches the text');
  await expect(stale.locator('blockquote')).toHaveText(SENTENCE);
  await expect(stale).toContainText('words changed or removed');
  await expect(stale.getByRole('link', { name: 'Open in explorer' })).toHaveAttribute('href', new RegExp(`sel=rel:appointed--${DATASET.tokayev}--${SMAILOV}`));
});

test('a bad upload shows a clear error and adds nothing', async ({ page, request }) => {
  await page.goto('/intake');
  await useToken(page);
  const form = page.getByTestId('add-source-form');
  await form.getByLabel('Title', { exact: true }).fill('E2E binary upload');
  await form.getByText('Upload a file').click();
  await expect(form.getByLabel('Upload a file')).toBeChecked();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await form.getByLabel('File', { exact: true }).setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
  await form.getByRole('button', { name: 'Add and review' }).click();
  await expect(page.getByTestId('add-source-status')).toContainText('binary file (PNG image)');
  await expect(page).toHaveURL(/\/intake$/);
  const lookup = await graphql<{ source: { id: string } | null }>(request, '{ source(id: "e2e-binary-upload") { id } }');
  expect(lookup.data?.source).toBeNull();
  expect(lookup.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  await expectNoSeriousAxeViolations(page);
});
