import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { compileQuery, matchPaper, parseQuery } from '../../../lib/scoring/query/index';
import { compileInterests, scorePaper } from '../../../lib/scoring/score';
import type { Interest } from '../../../lib/schema/interest';
import type { PaperEntry } from '../../../lib/schema/paper';
import { DEFAULT_INTERESTS } from '../../../lib/storage/default-interests';
import { fixturePage } from '../../fixtures/manifest';
import {
  launchChromium,
  openAnnotated,
  sendFromExtensionPage,
  tabIdOf,
  type ChromiumSession,
} from '../support/chromium';
import { readAnnotations } from '../support/closed-shadow';
import { countColorPixels } from '../support/pixels';

// The Interests view of the real built popup (and the options page), against a captured arXiv listing whose
// annotations show what each change does to the page.

const ARXIV_NEW = 'arxiv/new-cs.AI-2026-02-24.html';
/** "DREAM: Deep Research Evaluation with Agentic Metrics": tagged LLM agents and Reasoning by the starters. */
const DREAM = '2602.18940';

function expectedEntries(file: string): PaperEntry[] {
  const path = fixturePage(file).path.replace(/\.html$/, '.expected.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { entries: PaperEntry[] }).entries;
}

/** How many of the listing's papers a query matches, computed here as the background should. */
function matching(query: string): number {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  const compiled = compileQuery(parsed.ast);
  return expectedEntries(ARXIV_NEW).filter((p) => matchPaper(compiled, p).matched).length;
}

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

/** Chromium with the arXiv listing open and annotated. */
async function start(): Promise<{ session: ChromiumSession; page: Page }> {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  return { session, page };
}

/** The popup, popup-sized, on its Interests view, speaking about `forPage`'s tab. */
async function openInterests(s: ChromiumSession, forPage: Page): Promise<Page> {
  const tabId = await tabIdOf(s, forPage);
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}#interests`);
  await expect(popup.getByRole('tab', { name: 'Interests' })).toHaveAttribute('aria-selected', 'true');
  await expect(rows(popup).first()).toBeVisible();
  return popup;
}

const list = (popup: Page) => popup.getByRole('list', { name: 'Your interests' });
const rows = (popup: Page) => list(popup).getByRole('listitem');
const row = (popup: Page, name: string) => rows(popup).filter({ has: popup.locator('.chip', { hasText: name }) });
const status = (popup: Page) => popup.getByRole('status', { name: 'Interest changes' });
const stored = (popup: Page) => sendFromExtensionPage<Interest[]>(popup, 'listInterests', {});
const names = async (popup: Page) => (await stored(popup)).map((i) => i.name);
const chipsOf = async (page: Page, id: string) => (await readAnnotations(page)).find((a) => a.id === id)?.chips;

/** Opens an interest's editor and returns the form. */
async function edit(popup: Page, name: string): Promise<Locator> {
  await popup.getByRole('button', { name: `Edit “${name}”` }).click();
  const form = popup.getByRole('form', { name: `Edit the interest “${name}”` });
  await expect(form).toBeVisible();
  return form;
}

/** How many pixels of a colour the user sees in an entry's annotation. */
async function tagPixels(page: Page, id: string, color: string): Promise<number> {
  const annotation = page.locator(`[data-paperlight-entry="${id}"] paperlight-annotation`);
  await annotation.scrollIntoViewIfNeeded();
  return countColorPixels(await annotation.screenshot(), color);
}

test('adds a keyword interest from the form, and the open page gets its tag', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  await popup.getByLabel('Keyword or phrase').fill('orchestration');
  await popup.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(row(popup, 'orchestration')).toContainText('orchestration');
  await expect(rows(popup)).toHaveCount(DEFAULT_INTERESTS.length + 1);
  await expect(status(popup)).toHaveText('Added “orchestration”.');
  await expect(popup.getByLabel('Keyword or phrase')).toHaveValue('');
  expect((await stored(popup)).at(-1)).toMatchObject({ name: 'orchestration', query: 'orchestration', enabled: true });
  // "Robust and Efficient Tool Orchestration via Layered Execution"
  await expect.poll(() => chipsOf(page, '2602.18968')).toContain('orchestration');
});

test('edits an interest’s name and query in place', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const form = await edit(popup, 'Diffusion');
  await expect(form.getByLabel('Name')).toBeFocused();
  await form.getByLabel('Name').fill('Retrieval');
  await form.getByLabel('Query', { exact: true }).fill('"retrieval augmented", RAG');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Edit “Retrieval”' })).toBeFocused();
  await expect(row(popup, 'Retrieval')).toContainText('"retrieval augmented", RAG');
  await expect(status(popup)).toHaveText('Saved “Retrieval”.');
  expect((await stored(popup))[3]).toMatchObject({
    id: 'starter-diffusion',
    name: 'Retrieval',
    query: '"retrieval augmented", RAG',
  });
  // "Rethinking Retrieval-Augmented Generation as a Cooperative Decision-Making Problem"
  await expect.poll(() => chipsOf(page, '2602.18734')).toContain('Retrieval');

  // Escape closes the editor without saving.
  const again = await edit(popup, 'Retrieval');
  await again.getByLabel('Name').fill('Something else');
  await again.getByLabel('Name').press('Escape');
  await expect(again).toHaveCount(0);
  expect((await stored(popup))[3]?.name).toBe('Retrieval');
});

test('reorders with the keyboard: Move up/down keep focus, and the order persists after reopening', async () => {
  const { session, page } = await start();
  let popup = await openInterests(session, page);
  const up = popup.getByRole('button', { name: 'Move “Diffusion” up' });
  await up.focus();
  await popup.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await popup.keyboard.press('Space');
  await expect(status(popup)).toHaveText('Moved “Diffusion” to position 2 of 4.');
  await popup.keyboard.press('Enter');
  // At the top its ↑ is disabled: focus moved to its ↓.
  await expect(up).toBeDisabled();
  await expect(popup.getByRole('button', { name: 'Move “Diffusion” down' })).toBeFocused();
  const order = ['Diffusion', 'LLM agents', 'Reasoning', 'Reinforcement learning'];
  await expect.poll(() => names(popup)).toEqual(order);
  await popup.keyboard.press('Enter');
  const moved = ['LLM agents', 'Diffusion', 'Reasoning', 'Reinforcement learning'];
  await expect.poll(() => names(popup)).toEqual(moved);

  await popup.close();
  popup = await openInterests(session, page);
  await expect(rows(popup).locator('.chip')).toHaveText(moved);
});

test('drags an interest to another place with the mouse', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  await row(popup, 'Diffusion')
    .locator('.drag-handle')
    .dragTo(row(popup, 'LLM agents'), {
      targetPosition: { x: 100, y: 2 },
    });
  await expect.poll(() => names(popup)).toEqual(['Diffusion', 'LLM agents', 'Reasoning', 'Reinforcement learning']);
});

test('changes an interest’s colour: its chip in the list and its tag on the page', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const form = await edit(popup, 'LLM agents');
  await form.getByLabel('Colour').fill('#0f766e');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row(popup, 'LLM agents').locator('.chip')).toHaveCSS('background-color', 'rgb(15, 118, 110)');
  expect((await stored(popup))[0]?.color).toBe('#0f766e');
  await expect.poll(() => tagPixels(page, DREAM, '#0f766e')).toBeGreaterThan(200);
  expect(await tagPixels(page, DREAM, '#7c3aed')).toBe(0);
});

test('changes an interest’s weight: the page’s scores follow', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const form = await edit(popup, 'Reasoning');
  await form.getByLabel('Weight').fill('0.5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row(popup, 'Reasoning')).toContainText('×0.5');
  const weighted = DEFAULT_INTERESTS.map((i) => (i.name === 'Reasoning' ? { ...i, weight: 0.5 } : i));
  const compiled = compileInterests(weighted);
  const before = compileInterests(DEFAULT_INTERESTS);
  const want = Object.fromEntries(
    expectedEntries(ARXIV_NEW).map((p) => {
      const s = scorePaper(p, compiled).score;
      return [p.id, s > 0 ? `score ${s}` : ''];
    }),
  );
  // The change shows: at least one paper scores differently.
  expect(expectedEntries(ARXIV_NEW).some((p) => scorePaper(p, compiled).score !== scorePaper(p, before).score)).toBe(
    true,
  );
  await expect
    .poll(async () => Object.fromEntries((await readAnnotations(page)).map((a) => [a.id, a.score])))
    .toEqual(want);
});

test('turns an interest off and on: the page’s tags follow', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  expect(await chipsOf(page, DREAM)).toEqual(['LLM agents', 'Reasoning']);
  const use = popup.getByRole('checkbox', { name: 'Use “LLM agents”' });
  await expect(use).toBeChecked();
  await use.press('Space');
  await expect(use).not.toBeChecked();
  await expect(status(popup)).toHaveText('“LLM agents” is off.');
  await expect(row(popup, 'LLM agents')).toContainText('off');
  await expect.poll(() => chipsOf(page, DREAM)).toEqual(['Reasoning']);
  expect((await stored(popup))[0]?.enabled).toBe(false);
  await use.click();
  await expect.poll(() => chipsOf(page, DREAM)).toEqual(['LLM agents', 'Reasoning']);
});

test('deletes an interest, and Undo puts it back at its place', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const before = await stored(popup);
  await popup.getByRole('button', { name: 'Delete “Reasoning”' }).click();
  await expect(row(popup, 'Reasoning')).toHaveCount(0);
  await expect(status(popup)).toContainText('Deleted “Reasoning”.');
  const undo = popup.getByRole('button', { name: 'Undo deleting “Reasoning”' });
  await expect(undo).toBeFocused();
  await expect.poll(() => chipsOf(page, DREAM)).toEqual(['LLM agents']);
  await popup.keyboard.press('Enter');
  await expect(status(popup)).toHaveText('Restored “Reasoning”.');
  await expect(rows(popup).locator('.chip')).toHaveText(before.map((i) => i.name));
  expect(await stored(popup)).toEqual(before);
  await expect(popup.getByRole('button', { name: 'Delete “Reasoning”' })).toBeFocused();
  await expect.poll(() => chipsOf(page, DREAM)).toEqual(['LLM agents', 'Reasoning']);
});

test('a query that does not parse shows its error at its position, live, in the add form and the editor', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const field = popup.getByLabel('Keyword or phrase');
  await field.pressSequentially('agent AND (planning');
  const feedback = popup.locator(`#${await field.getAttribute('aria-describedby')}`);
  await expect(feedback).toContainText('Unclosed "(": add a closing ")" (at character 11)');
  await expect(feedback.locator('mark')).toHaveText('(^');
  await expect(feedback.locator('code')).toHaveText('agent AND (^planning');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.press('End');
  await field.pressSequentially(')');
  await expect(feedback).not.toContainText('Unclosed');
  await expect(field).toHaveAttribute('aria-invalid', 'false');

  const form = await edit(popup, 'Reasoning');
  const query = form.getByLabel('Query', { exact: true });
  await query.fill('reasoning OR');
  await expect(form).toContainText('"OR" has nothing after it (at character 11)');
  await expect(form.locator('mark')).toHaveText('O^');
  // Saving is refused while the query is wrong: focus goes to the field to fix it.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(query).toBeFocused();
  expect((await stored(popup))[1]?.query).toBe(DEFAULT_INTERESTS[1]!.query);
});

test('counts live how many papers on the current tab a draft query matches', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const field = popup.getByLabel('Keyword or phrase');
  await field.fill('agent');
  await expect(popup.getByTestId('match-count')).toHaveText(`Matches ${matching('agent')} of 12 papers on this page`);
  await field.fill('retrieval');
  await expect(popup.getByTestId('match-count')).toHaveText(
    `Matches ${matching('retrieval')} of 12 papers on this page`,
  );
  // The editor counts its draft query the same way.
  const form = await edit(popup, 'Diffusion');
  await form.getByLabel('Query', { exact: true }).fill('cat:cs.CL');
  await expect(form.getByTestId('match-count')).toHaveText(
    `Matches ${matching('cat:cs.CL')} of 12 papers on this page`,
  );

  // No tab to speak about (the popup's tab is gone): no count at all, the error check still works.
  const blank = await session.context.newPage();
  await blank.goto(`chrome-extension://${session.extensionId}/popup.html?tab=999999#interests`);
  await blank.getByLabel('Keyword or phrase').fill('agent OR');
  await expect(blank.locator('.query-error')).toContainText('"OR" has nothing after it');
  await blank.getByLabel('Keyword or phrase').fill('agent');
  await expect(blank.locator('.query-error')).toHaveCount(0);
  await expect(blank.getByTestId('match-count')).toHaveCount(0);
});

test('adds a preset; presets already in the list show as added', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  await popup.getByText('Start from a preset').click();
  const presets = popup.locator('.interest-presets');
  // The starter "LLM agents" is the preset of that name.
  await expect(presets.getByRole('listitem').filter({ hasText: 'LLM agents' })).toContainText('Added');
  await expect(presets.getByRole('button', { name: 'Add “LLM agents”' })).toHaveCount(0);
  await presets.getByRole('button', { name: 'Add “cs.CL”' }).click();
  const added = presets.getByRole('listitem').filter({ hasText: 'cs.CL' }).locator('.preset-added');
  await expect(added).toBeFocused();
  await expect(added).toHaveText('✓ Added“cs.CL” is in your interests');
  await expect(row(popup, 'cs.CL')).toContainText('cat:cs.CL');
  expect((await stored(popup)).at(-1)).toMatchObject({ name: 'cs.CL', query: 'cat:cs.CL' });
  const clPapers = expectedEntries(ARXIV_NEW)
    .filter((p) => p.categories?.includes('cs.CL'))
    .map((p) => p.id)
    .sort();
  expect(clPapers.length).toBeGreaterThan(1);
  await expect
    .poll(async () =>
      (await readAnnotations(page))
        .filter((a) => a.chips.includes('cs.CL'))
        .map((a) => a.id)
        .sort(),
    )
    .toEqual(clPapers);

  // A mute preset comes with its mute.
  await presets.getByRole('button', { name: 'Add “Surveys (lowered)”' }).click();
  await expect(row(popup, 'Surveys (lowered)')).toContainText('lowers the score');
  expect((await stored(popup)).at(-1)).toMatchObject({ query: 'title:survey, title:"a review"', mute: 'lower' });
});

test('exports the interests as a file and imports it back, merging or replacing after a preview', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const exported = await stored(popup);
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export interests' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^paperlight-interests-\d{4}-\d\d-\d\d\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), 'paperlight-interests-')), download.suggestedFilename());
  await download.saveAs(file);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; schemaVersion: number; interests: unknown };
  expect(json).toMatchObject({ format: 'paperlight-interests', schemaVersion: 1, interests: exported });
  await expect(popup.getByText(`Exported 4 interests as ${download.suggestedFilename()}.`)).toBeVisible();

  // Merge: two deleted interests come back, the rest stay as they are.
  await popup.getByRole('button', { name: 'Delete “Reasoning”' }).click();
  await popup.getByRole('button', { name: 'Delete “Diffusion”' }).click();
  await expect(rows(popup)).toHaveCount(2);
  await popup.getByLabel('Import interests from a file').setInputFiles(file);
  await expect(popup.getByText(`“${download.suggestedFilename()}” holds 4 interests.`)).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Add the new ones to my interests' })).toBeChecked();
  await expect(popup.getByTestId('import-preview')).toHaveText(
    'New: 2 · already in your list: 2 · interests after the import: 4',
  );
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(popup.getByText(`Imported “${download.suggestedFilename()}”. You have 4 interests now.`)).toBeVisible();
  await expect.poll(() => names(popup)).toEqual(['LLM agents', 'Reinforcement learning', 'Reasoning', 'Diffusion']);

  // Replace: the list becomes exactly the file's, in its order.
  await popup.getByLabel('Keyword or phrase').fill('orchestration');
  await popup.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(rows(popup)).toHaveCount(5);
  await popup.getByLabel('Import interests from a file').setInputFiles(file);
  await popup.getByRole('radio', { name: 'Replace my interests with the file’s' }).check();
  await expect(popup.getByTestId('import-preview')).toHaveText(
    'Interests after the import: 4 (the file’s) · yours that are not in the file, removed: 1',
  );
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => stored(popup)).toEqual(exported);
  await expect(rows(popup).locator('.chip')).toHaveText(exported.map((i) => i.name));
  await expect.poll(() => chipsOf(page, '2602.18968')).not.toContain('orchestration');
});

test('a malformed interests file is refused with a clear error and changes nothing', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  const before = await stored(popup);
  const input = popup.getByLabel('Import interests from a file');
  const dir = mkdtempSync(join(tmpdir(), 'paperlight-bad-'));
  const cases: [string, string, string][] = [
    ['truncated.json', '{"format": "paperlight-interests", "schemaVersion": 1, "interests": [', 'is not a JSON file'],
    ['zotero.json', JSON.stringify({ items: [] }), 'is not a Paperlight interests file'],
    [
      'future.json',
      JSON.stringify({ format: 'paperlight-interests', schemaVersion: 9, interests: [] }),
      'was written by a newer Paperlight (file version 9)',
    ],
    [
      'colour.json',
      JSON.stringify({
        format: 'paperlight-interests',
        schemaVersion: 1,
        interests: [{ ...before[0], color: 'teal' }],
      }),
      'has an invalid interest: “LLM agents”, color:',
    ],
    [
      'query.json',
      JSON.stringify({
        format: 'paperlight-interests',
        schemaVersion: 1,
        interests: [{ ...before[0], id: 'x', name: 'Broken', query: '"unclosed' }],
      }),
      'the query of “Broken” does not parse (Unclosed quote: add a closing " (at character 1))',
    ],
  ];
  for (const [name, text, message] of cases) {
    const path = join(dir, name);
    writeFileSync(path, text);
    await input.setInputFiles(path);
    const alert = popup.getByRole('alert');
    await expect(alert, name).toContainText(`“${name}”`);
    await expect(alert, name).toContainText(message);
    await expect(alert, name).toContainText('Nothing was imported.');
    await expect(popup.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  }
  expect(await stored(popup)).toEqual(before);
});

test('the view passes axe in light and dark, with the editor, an error and the presets open, and fits the popup', async () => {
  const { session, page } = await start();
  const popup = await openInterests(session, page);
  await popup.getByText('Start from a preset').click();
  await popup.getByLabel('Keyword or phrase').fill('agent AND (');
  await expect(popup.locator('mark')).toHaveCount(1);
  const form = await edit(popup, 'LLM agents');
  await expect(form.getByTestId('match-count')).toBeVisible();
  await popup.getByRole('button', { name: 'Delete “Diffusion”' }).click();
  await expect(popup.getByRole('button', { name: 'Undo deleting “Diffusion”' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page: popup }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, colorScheme).toEqual([]);
  }
  // 420 px wide, no horizontal scroll.
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  expect(await popup.locator('.app').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
});

test('on the options page the view is wide, with the list beside the forms, and works the same', async () => {
  session = await launchChromium();
  const options = await session.context.newPage();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.goto(`chrome-extension://${session.extensionId}/options.html#interests`);
  await expect(rows(options)).toHaveCount(DEFAULT_INTERESTS.length);
  const listBox = (await list(options).boundingBox())!;
  const addBox = (await options.getByLabel('Keyword or phrase').boundingBox())!;
  expect(listBox.width).toBeGreaterThan(420);
  expect(addBox.x).toBeGreaterThan(listBox.x + listBox.width);
  await options.getByLabel('Keyword or phrase').fill('world model');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(row(options, 'world model')).toBeVisible();
  const form = await edit(options, 'world model');
  await form.getByLabel('When a paper matches').selectOption({ label: 'Hide it' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row(options, 'world model')).toContainText('hides the paper');
  expect((await stored(options)).at(-1)).toMatchObject({ name: 'world model', mute: 'hide' });
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page: options }).analyze();
    expect(
      result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      colorScheme,
    ).toEqual([]);
  }
});
