/**
 * Evidence a journalist can check: every quote shown links to its source's
 * original address (or says none is recorded), quotes from a paraphrased copy
 * carry a visible warning, and "as of" a date never draws an undated
 * relationship as in force. The ECFR seed is recorded as a paraphrased copy
 * with its original address in data/sources.jsonl.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DATASET, expectNoSeriousAxeViolations, graphqlData, openExplorer } from './helpers';

const ECFR = 'ecfr-steppe-change';

interface SourceFacts {
  id: string;
  url: string | null;
  textKind: string | null;
  wordingWarning: string | null;
}

async function sourceFacts(page: Page): Promise<Map<string, SourceFacts>> {
  const data = await graphqlData<{ sources: SourceFacts[] }>(page.request, '{ sources { id url textKind wordingWarning } }');
  return new Map(data.sources.map((s) => [s.id, s]));
}

/**
 * Every citation in `scope` shows its source's provenance: a link to the
 * original address when one is recorded (else a note that none is), and the
 * wording warning, visible and as a note, exactly when the source's text is
 * not the publisher's words. Read in one pass (hundreds of quotes); returns
 * how many citations, warnings and ECFR quotes were checked.
 */
async function expectProvenance(scope: Locator, sources: Map<string, SourceFacts>): Promise<{ citations: number; warnings: number; ecfr: number }> {
  const seen = await scope.locator('[data-testid="citation"]').evaluateAll((items) =>
    items.map((c) => {
      const warning = c.querySelector('[data-testid="wording-warning"]') as HTMLElement | null;
      return {
        sourceId: c.getAttribute('data-source-id') ?? '',
        quoteVisible: (c.querySelector('blockquote') as HTMLElement | null)?.checkVisibility() ?? false,
        href: c.querySelector('[data-testid="original-link"]')?.getAttribute('href') ?? null,
        noOriginal: !!c.querySelector('[data-testid="no-original"]'),
        warning: warning && warning.checkVisibility() && warning.getAttribute('role') === 'note' ? warning.textContent : null,
      };
    }),
  );
  let warnings = 0;
  let ecfr = 0;
  seen.forEach((c, i) => {
    const facts = sources.get(c.sourceId);
    expect(facts, `citation ${i} names source "${c.sourceId}"`).toBeDefined();
    expect(c.quoteVisible, `citation ${i} is shown`).toBe(true);
    if (facts!.url) expect(c.href, `citation ${i} (${c.sourceId}) links to the original`).toBe(facts!.url);
    else expect(c.noOriginal, `citation ${i} (${c.sourceId}) says no address is recorded`).toBe(true);
    expect(c.warning, `citation ${i} (${c.sourceId}) warning`).toBe(facts!.wordingWarning);
    if (c.warning) warnings++;
    if (c.sourceId === ECFR) ecfr++;
  });
  return { citations: seen.length, warnings, ecfr };
}

/** Folded quotes are in the page too (native <details>): open them all so every one is checked visible. */
async function openFoldedQuotes(page: Page): Promise<void> {
  await page.locator('details.more-citations').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

// A cold production server renders the first pages slowly on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('the ECFR source is recorded as a paraphrased copy with its original address', async ({ page }) => {
  const sources = await sourceFacts(page);
  const ecfr = sources.get(ECFR)!;
  expect(ecfr.textKind).toBe('PARAPHRASED_COPY');
  expect(ecfr.url).toMatch(/^https:\/\/ecfr\.eu\//);
  expect(ecfr.wordingWarning).toMatch(/not the publisher's/);
});

test('actor page: every quote links to its source address, and every ECFR quote carries the warning', async ({ page }) => {
  const sources = await sourceFacts(page);
  await page.goto(`/actors/${DATASET.tokayev}`);
  await openFoldedQuotes(page);
  const checked = await expectProvenance(page.locator('main'), sources);
  expect(checked.citations).toBeGreaterThan(10);
  expect(checked.ecfr).toBeGreaterThan(0);
  expect(checked.warnings).toBe(checked.ecfr);
});

test('source page of the ECFR copy warns once at the top and with every quote', async ({ page }) => {
  const sources = await sourceFacts(page);
  await page.goto(`/sources/${ECFR}`);
  await expect(page.locator('header [data-testid="wording-warning"]')).toBeVisible();
  await expect(page.getByTestId('text-kind')).toContainText('Paraphrased copy');
  await expect(page.getByRole('link', { name: /Read the original/ })).toHaveAttribute('href', sources.get(ECFR)!.url!);
  await openFoldedQuotes(page);
  const checked = await expectProvenance(page.locator('section.page-main'), sources);
  expect(checked.citations).toBeGreaterThan(5);
  expect(checked.warnings).toBe(checked.citations);
  await expectNoSeriousAxeViolations(page);
});

test('sources list shows what text each source is, flagging the paraphrased copy', async ({ page }) => {
  await page.goto('/sources');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /Steppe change/ }) });
  await expect(row.locator('.text-kind-warning')).toContainText('Paraphrased copy');
});

test('explorer side panel: every quote links to its source address; ECFR quotes carry the warning', async ({ page }) => {
  const sources = await sourceFacts(page);
  await openExplorer(page, `focus=${DATASET.tokayev}&sel=actor:${DATASET.tokayev}`);
  const panel = page.getByTestId('side-panel');
  await expect(panel.locator('[data-testid="citation"]').first()).toBeVisible();
  const checked = await expectProvenance(panel, sources);
  expect(checked.citations).toBeGreaterThan(10);
  expect(checked.ecfr).toBeGreaterThan(0);
  expect(checked.warnings).toBe(checked.ecfr);
});

test('as of 1991-01-01, Tokayev\'s view draws no undated relationship as in force; the switch draws them as undated', async ({ page }) => {
  // The view holds undated relationships at all, or this test could not fail.
  const rels = await graphqlData<{ actor: { relationships: { nodes: { id: string; start: string | null }[] } } }>(
    page.request,
    `query ($id: ID!) { actor(id: $id) { relationships(first: 500) { nodes { id start } } } }`,
    { id: DATASET.tokayev },
  );
  const undatedIds = rels.actor.relationships.nodes.filter((r) => !r.start).map((r) => r.id);
  expect(undatedIds.length).toBeGreaterThan(0);

  await openExplorer(page, `focus=${DATASET.tokayev}&asOf=1991-01-01`);
  const drawn = () =>
    page.evaluate(() =>
      window
        .cy!.edges()
        .filter((e) => !e.hasClass('filtered') && !e.id().startsWith('more:'))
        .map((e) => ({ id: e.id() as string, start: (e.data('start') as string | null) ?? null, undated: e.hasClass('undated') })),
    );
  const inForce = await drawn();
  expect(inForce.filter((e) => !e.start), 'undated relationships drawn under 1991-01-01').toEqual([]);
  for (const e of inForce) expect(e.start! <= '1991-01-01', `${e.id} starts ${e.start}`).toBe(true);

  await page.getByTestId('show-undated').check();
  await expect(page).toHaveURL(/undated=show/);
  const shown = await drawn();
  const shownUndated = shown.filter((e) => !e.start);
  expect(shownUndated.length).toBeGreaterThan(0);
  expect(shownUndated.every((e) => e.undated)).toBe(true);
  expect(shown.filter((e) => e.start).every((e) => !e.undated)).toBe(true);

  // The panel says so in words for an undated relationship.
  await page.goto(`/?focus=${DATASET.tokayev}&asOf=1991-01-01&sel=actor:${DATASET.tokayev}`);
  await expect(page.getByTestId('side-panel').getByTestId('undated-note').first()).toContainText('Start unknown', { timeout: 60_000 });
});

test('the slider spans the dated relationships in view, takes a typed date, steps by month and year, and plays from its start', async ({ page }) => {
  await openExplorer(page, `focus=${DATASET.tokayev}`);
  const span = await page.evaluate(() => {
    const days = window
      .cy!.edges()
      .filter((e) => !e.id().startsWith('more:'))
      .map((e) => [e.data('start'), e.data('end')])
      .flat()
      .filter((d): d is string => typeof d === 'string');
    return days.sort()[0];
  });
  const slider = page.getByRole('slider', { name: 'As of date' });
  const typed = page.getByTestId('as-of-typed');
  const value = page.getByTestId('as-of-value');

  await typed.fill('2021-01-05');
  await expect(value).toHaveText('5 Jan 2021');
  await expect(page).toHaveURL(/asOf=2021-01-05/);

  await slider.focus();
  await page.keyboard.press('PageUp');
  await expect(value).toHaveText('5 Feb 2021');
  await page.keyboard.press('Shift+PageUp');
  await expect(value).toHaveText('5 Feb 2022');
  await page.keyboard.press('ArrowLeft');
  await expect(value).toHaveText('4 Feb 2022');
  await page.keyboard.press('PageDown');
  await expect(value).toHaveText('4 Jan 2022');
  await page.keyboard.press('Shift+PageDown');
  await expect(value).toHaveText('4 Jan 2021');

  // Play starts at the range start: the earliest dated start or end in view.
  // Pause at once (a step takes 900 ms), then read where it started.
  await page.getByRole('button', { name: 'Play through time from the start' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  const [y, m = '01', d = '01'] = span.split('-');
  await expect(page).toHaveURL(new RegExp(`asOf=${y}-${m}-${d}`));
  // After a pause, Play resumes rather than starting over.
  await expect(page.getByRole('button', { name: 'Resume playing through time' })).toBeVisible();
});
