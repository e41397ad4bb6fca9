/**
 * Edits that cannot silently overwrite, in the browser: two editors open the
 * same source's review page in separate browser contexts; the first replaces
 * the text (and the record's title is changed meanwhile); the second, still
 * on the version it loaded, is refused: an alert takes focus, says nothing
 * was saved and lists each changed field (loaded vs now), and the draft stays.
 * "Load the current version" lets the second editor save on top of what is
 * there now. The source is deleted afterwards.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_TOKEN, expectNoSeriousAxeViolations, graphql, graphqlData } from './helpers';

const SOURCE = 'e2e-version-conflict';
const FIRST_TEXT = 'The first text of this note. It names nobody.';
const THEIR_TEXT = 'Another editor replaced the text of this note first.';
const MY_DRAFT = 'My draft: the text as I corrected it, from the version I loaded.';

test.afterAll(async ({ request }) => {
  await graphql(request, 'mutation($id: ID!) { deleteSource(id: $id) }', { id: SOURCE }, { admin: true });
});

/** A review page of the source, in its own browser context (its own storage: a second person), with the token entered. */
async function editor(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(`/intake/${SOURCE}`);
  await page.getByTestId('admin-token-input').first().fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Use token' }).first().click();
  await expect(page.getByTestId('admin-token-status').first()).toBeVisible();
  // Entering the token reloads the proposals; wait for the board before opening the form.
  await expect(page.getByTestId('proposal-counts')).toBeVisible();
  await page.getByText('Replace the text', { exact: true }).click();
  await expect(page.getByText('Editing version 1 of this source.')).toBeVisible();
  return page;
}

// Two browser contexts and a dozen round trips on a busy machine: more than the default 30 s.
test.setTimeout(120_000);

test('a save based on an old version is refused with what changed; the draft stays; loading the current version lets it through', async ({ browser, request, baseURL }) => {
  await graphqlData(request, 'mutation($input: SourceInput!, $text: SourceTextInput!) { addSource(input: $input, text: $text) { length } }', { input: { id: SOURCE, title: 'E2E conflict note', publisher: 'E2E Desk' }, text: { text: FIRST_TEXT } }, { admin: true });

  const theirs = await editor(browser, baseURL);
  const mine = await editor(browser, baseURL);

  // The other editor replaces the text, and the title is changed too (by a third hand, through the API).
  await theirs.getByLabel('Corrected full text').fill(THEIR_TEXT);
  await theirs.getByRole('button', { name: 'Replace text' }).click();
  await expect(theirs.getByTestId('review-announcement')).toContainText(`Text replaced (${THEIR_TEXT.length} characters)`);
  await graphqlData(request, `mutation { upsertSource(input: { id: "${SOURCE}", title: "E2E conflict note, retitled", publisher: "E2E Desk" }, expectedVersion: 2) { version } }`, {}, { admin: true });

  // I still have version 1 open: my save is refused, and nothing of mine is written.
  await mine.getByLabel('Corrected full text').fill(MY_DRAFT);
  await mine.getByRole('button', { name: 'Replace text' }).click();
  const alert = mine.getByTestId('version-conflict');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toBeFocused();
  await expect(alert).toContainText('Not saved: this source changed while you were editing');
  await expect(alert).toContainText('You loaded version 1; someone has since saved version 3.');
  const rows = alert.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(alert.locator('tr[data-field="title"]')).toContainText(['Title', 'E2E conflict note', 'E2E conflict note, retitled'].join(''));
  const textRow = alert.locator('tr[data-field="text"]');
  await expect(textRow.locator('td').nth(0)).toContainText(`${FIRST_TEXT.length} characters, saved`);
  await expect(textRow.locator('td').nth(1)).toContainText(`${THEIR_TEXT.length} characters, saved`);
  await expect(mine.getByLabel('Corrected full text')).toHaveValue(MY_DRAFT);
  const stored = await graphqlData<{ source: { version: number; textLength: number } }>(request, `{ source(id: "${SOURCE}") { version textLength } }`);
  expect(stored.source).toEqual({ version: 3, textLength: THEIR_TEXT.length });
  await expectNoSeriousAxeViolations(mine);
  await mine.screenshot({ path: 'test-results/version-conflict.png', fullPage: true });

  // Loading the current version keeps my draft; saving now replaces the current text, knowingly.
  await alert.getByRole('button', { name: 'Load the current version' }).click();
  await expect(alert).toBeHidden();
  await expect(mine.getByLabel('Corrected full text')).toBeFocused();
  await expect(mine.getByLabel('Corrected full text')).toHaveValue(MY_DRAFT);
  await expect(mine.getByText('Editing version 3 of this source.')).toBeVisible();
  await mine.getByRole('button', { name: 'Replace text' }).click();
  await expect(mine.getByTestId('review-announcement')).toContainText(`Text replaced (${MY_DRAFT.length} characters)`);
  const after = await graphqlData<{ source: { version: number; textLength: number } }>(request, `{ source(id: "${SOURCE}") { version textLength } }`);
  expect(after.source).toEqual({ version: 4, textLength: MY_DRAFT.length });

  await theirs.context().close();
  await mine.context().close();
});
