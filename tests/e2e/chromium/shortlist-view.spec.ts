import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { benchRecords } from '../../../bench/records';
import { newRecord } from '../../../lib/db/records';
import { toBackupJson } from '../../../lib/export/backup';
import type { Interest } from '../../../lib/schema/interest';
import type { PaperEntry } from '../../../lib/schema/paper';
import { SettingsSchema } from '../../../lib/schema/settings';
import type { ShortlistRecord } from '../../../lib/schema/shortlist';
import { launchChromium, sendFromExtensionPage, type ChromiumSession } from '../support/chromium';

// The shortlist view in the real built popup (420 × 600, as Chrome shows it) and the full-page options view, with
// a shortlist seeded through the extension's own import.

const INTERESTS: Interest[] = [
  { id: 'rlhf', name: 'RLHF', query: 'reward', color: '#7c3aed', weight: 1, enabled: true },
  { id: 'diffusion', name: 'Diffusion', query: 'diffusion', color: '#0891b2', weight: 1, enabled: true },
];

interface Seed {
  paper: Omit<PaperEntry, 'authors'> & { authors?: string[] };
  tags?: string[];
  interestTags?: string[];
  score: number;
  read?: boolean;
  note?: string;
}

// Saved in this order, one second apart: the last is the newest.
const SEEDS: Seed[] = [
  {
    paper: {
      id: '2401.00001',
      source: 'arxiv',
      url: 'https://arxiv.org/abs/2401.00001',
      title: 'Reward models for preference alignment',
      abstract: 'We train reward models with a contrastive objective.',
      arxivId: '2401.00001',
    },
    tags: ['to read'],
    interestTags: ['RLHF'],
    score: 80,
  },
  {
    paper: {
      id: '2401.00002',
      source: 'huggingface',
      url: 'https://huggingface.co/papers/2401.00002',
      title: 'Diffusion transformers at scale',
      arxivId: '2401.00002',
    },
    interestTags: ['Diffusion'],
    score: 30,
    read: true,
  },
  {
    paper: {
      id: 'openreview:AbC123',
      source: 'openreview',
      url: 'https://openreview.net/forum?id=AbC123',
      title: 'Graph agents that plan',
    },
    tags: ['robotics'],
    score: 60,
    note: 'Compare with ReAct',
  },
  {
    paper: {
      id: '2401.00004',
      source: 'arxiv',
      url: 'https://arxiv.org/abs/2401.00004',
      title: 'Scaling laws for retrieval',
      authors: ['Grace Hopper'],
      arxivId: '2401.00004',
    },
    score: 95,
  },
  {
    paper: {
      id: 'doi:10.18653/v1/2024.acl-long.1',
      source: 'acl-anthology',
      url: 'https://aclanthology.org/2024.acl-long.1/',
      title: 'Multilingual evaluation',
    },
    score: 10,
    read: true,
  },
];
const [REWARD, DIFFUSION, GRAPH, SCALING, MULTI] = SEEDS.map((s) => s.paper);
const NEWEST_FIRST = [MULTI, SCALING, GRAPH, DIFFUSION, REWARD].map((p) => p!.id);
const q = (paper: { title: string } | undefined) => `“${paper!.title}”`;

function seedRecords(): ShortlistRecord[] {
  return SEEDS.map((s, i) => ({
    ...newRecord(
      { authors: ['Ada Lovelace', 'Alan Turing'], ...s.paper },
      { tags: s.tags, interestTags: s.interestTags, score: s.score },
      1_700_000_000_000 + i * 1000,
    ),
    readState: s.read ? 'read' : 'unread',
    note: s.note ?? '',
  }));
}

/** Makes the shortlist exactly these records (and the interests ours), through the extension's import. */
async function seed(session: ChromiumSession, records: ShortlistRecord[]): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const text = toBackupJson({
    shortlist: records,
    feedback: [],
    interests: INTERESTS,
    settings: SettingsSchema.parse({}),
  });
  await sendFromExtensionPage(page, 'importFile', { text, fileName: 'seed.json', mode: 'replace', dryRun: false });
  await page.close();
}

/** The popup at Chrome's popup size, on the Shortlist tab; or the full view (which opens on it). */
async function openShortlist(session: ChromiumSession, where: 'popup' | 'options' = 'popup'): Promise<Page> {
  const page = await session.context.newPage();
  if (where === 'popup') {
    await page.setViewportSize({ width: 420, height: 600 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.getByRole('tab', { name: 'Shortlist' }).click();
  } else {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  }
  await expect(page.getByRole('list', { name: 'Your shortlist' })).toBeVisible();
  await expect(page.getByText(/^Showing /)).toBeVisible();
  return page;
}

const list = (page: Page) => page.getByRole('list', { name: 'Your shortlist' });
/** The ids of the rows in the DOM, in list order. */
const shownIds = (page: Page) =>
  list(page)
    .locator(':scope > li[data-paper-id]')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
        .map((r) => r.getAttribute('data-paper-id')),
    );
const stored = (page: Page) => sendFromExtensionPage<ShortlistRecord[]>(page, 'listShortlistRecords', {});
const row = (page: Page, paper: { id: string } | undefined) => list(page).locator(`li[data-paper-id="${paper!.id}"]`);

let session: ChromiumSession;
test.beforeEach(async () => {
  session = await launchChromium(undefined, {
    extraPages: {
      'https://arxiv.org/abs/2401.00001': '<title>arXiv stand-in</title><p>arXiv</p>',
    },
  });
  await seed(session, seedRecords());
});
test.afterEach(async () => {
  await session.context.close();
});

test('sort: newest first by default, then oldest first, then best score first', async () => {
  const popup = await openShortlist(session);
  expect(await shownIds(popup)).toEqual(NEWEST_FIRST);
  await popup.getByLabel('Sort', { exact: true }).selectOption({ label: 'Oldest first' });
  await expect.poll(() => shownIds(popup)).toEqual([...NEWEST_FIRST].reverse());
  await popup.getByLabel('Sort', { exact: true }).selectOption({ label: 'Best score first' });
  await expect.poll(() => shownIds(popup)).toEqual([SCALING, REWARD, GRAPH, DIFFUSION, MULTI].map((p) => p!.id));
  await expect(list(popup).getByRole('listitem').first()).toHaveAttribute('aria-posinset', '1');
  await expect(list(popup).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '5');
});

test('search: title, authors, abstract and note, every word, and a way back from no match', async () => {
  const popup = await openShortlist(session);
  const search = popup.getByRole('searchbox', { name: 'Search the shortlist' });
  for (const [text, paper] of [
    ['contrastive', REWARD], // abstract
    ['HOPPER', SCALING], // author, any case
    ['react', GRAPH], // note
    ['transformers diffusion', DIFFUSION], // title, words in any order
  ] as const) {
    await search.fill(text);
    await expect.poll(() => shownIds(popup), text).toEqual([paper!.id]);
  }
  await expect(popup.getByText('Showing 1 of 5')).toBeVisible();
  await search.fill('contrastive nowhere');
  await expect(popup.getByText('No saved paper matches these filters.')).toBeVisible();
  await popup.getByRole('button', { name: 'Clear the search and filters' }).click();
  await expect.poll(() => shownIds(popup)).toEqual(NEWEST_FIRST);
  await expect(search).toBeFocused();
});

test('filter by tag: the user’s own tags and the interests a paper matched', async () => {
  const popup = await openShortlist(session);
  const tag = popup.getByLabel('Tag', { exact: true });
  await tag.selectOption({ label: 'to read (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([REWARD!.id]);
  await tag.selectOption({ label: 'robotics (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([GRAPH!.id]);
  await tag.selectOption({ label: 'Diffusion (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([DIFFUSION!.id]);
  await tag.selectOption({ label: 'Any tag' });
  await expect.poll(() => shownIds(popup)).toEqual(NEWEST_FIRST);
});

test('filter by the site a paper was saved from', async () => {
  const popup = await openShortlist(session);
  const site = popup.getByLabel('Site', { exact: true });
  await site.selectOption({ label: 'arXiv (2)' });
  await expect.poll(() => shownIds(popup)).toEqual([SCALING, REWARD].map((p) => p!.id));
  await site.selectOption({ label: 'OpenReview (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([GRAPH!.id]);
  await site.selectOption({ label: 'Hugging Face Papers (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([DIFFUSION!.id]);
});

test('filter by read or unread, with the other filters', async () => {
  const popup = await openShortlist(session);
  const show = popup.getByLabel('Show', { exact: true });
  await show.selectOption({ label: 'Unread only' });
  await expect.poll(() => shownIds(popup)).toEqual([SCALING, GRAPH, REWARD].map((p) => p!.id));
  await show.selectOption({ label: 'Read only' });
  await expect.poll(() => shownIds(popup)).toEqual([MULTI, DIFFUSION].map((p) => p!.id));
  await popup.getByLabel('Site', { exact: true }).selectOption({ label: 'Hugging Face Papers (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([DIFFUSION!.id]);
});

test('note: write one, save it, find it by search, and it is kept', async () => {
  const popup = await openShortlist(session);
  await popup.getByRole('button', { name: `Edit the note on ${q(SCALING)}` }).click();
  const field = popup.getByRole('textbox', { name: `Note on ${q(SCALING)}` });
  await expect(field).toBeFocused();
  await field.fill('Check the appendix\nfor the ablation');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(row(popup, SCALING)).toContainText('Check the appendix');
  await expect(popup.getByRole('button', { name: `Edit the note on ${q(SCALING)}` })).toBeFocused();
  await expect
    .poll(async () => (await stored(popup)).find((r) => r.id === SCALING!.id)?.note)
    .toBe('Check the appendix\nfor the ablation');
  await popup.getByRole('searchbox', { name: 'Search the shortlist' }).fill('ablation');
  await expect.poll(() => shownIds(popup)).toEqual([SCALING!.id]);
  // Cancel leaves the note as it was.
  await popup.getByRole('button', { name: `Edit the note on ${q(SCALING)}` }).click();
  await popup.getByRole('textbox', { name: `Note on ${q(SCALING)}` }).fill('discard me');
  await popup.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(row(popup, SCALING)).toContainText('Check the appendix');
  await popup.reload();
  await popup.getByRole('tab', { name: 'Shortlist' }).click();
  await expect(row(popup, SCALING)).toContainText('Check the appendix');
});

test('user tags: add one (then filter by it) and remove it', async () => {
  const popup = await openShortlist(session);
  await popup.getByRole('button', { name: `Add a tag to ${q(SCALING)}` }).click();
  // A text box with suggestions (the tags already in use): a combobox.
  const field = popup.getByRole('combobox', { name: `New tag for ${q(SCALING)}` });
  await field.fill('  benchmarks ');
  await field.press('Enter');
  const chip = popup.getByRole('button', { name: `Remove the tag “benchmarks” from ${q(SCALING)}` });
  await expect(chip).toBeVisible();
  await expect.poll(async () => (await stored(popup)).find((r) => r.id === SCALING!.id)?.tags).toEqual(['benchmarks']);
  await popup.getByLabel('Tag', { exact: true }).selectOption({ label: 'benchmarks (1)' });
  await expect.poll(() => shownIds(popup)).toEqual([SCALING!.id]);
  await chip.click();
  await expect(chip).toHaveCount(0);
  await expect.poll(async () => (await stored(popup)).find((r) => r.id === SCALING!.id)?.tags).toEqual([]);
  // The chosen filter stays (now matching nothing) until it is changed.
  await expect(popup.getByText('No saved paper matches these filters.')).toBeVisible();
});

test('read toggle: mark read and unread, kept, and the row leaves an "Unread only" list', async () => {
  const popup = await openShortlist(session);
  await popup.getByRole('button', { name: `Mark read: ${q(REWARD)}` }).click();
  await expect(popup.getByRole('button', { name: `Mark unread: ${q(REWARD)}` })).toBeVisible();
  await expect.poll(async () => (await stored(popup)).find((r) => r.id === REWARD!.id)?.readState).toBe('read');
  await popup.getByRole('button', { name: `Mark unread: ${q(REWARD)}` }).click();
  await expect.poll(async () => (await stored(popup)).find((r) => r.id === REWARD!.id)?.readState).toBe('unread');
  await popup.getByLabel('Show', { exact: true }).selectOption({ label: 'Unread only' });
  await popup.getByRole('button', { name: `Mark read: ${q(GRAPH)}` }).click();
  await expect.poll(() => shownIds(popup)).toEqual([SCALING, REWARD].map((p) => p!.id));
});

test('remove, then undo from the status line: the paper is back with its note and tags', async () => {
  const popup = await openShortlist(session);
  await popup.getByRole('button', { name: `Remove ${q(GRAPH)}` }).click();
  await expect.poll(() => shownIds(popup)).toEqual([MULTI, SCALING, DIFFUSION, REWARD].map((p) => p!.id));
  const status = popup.getByRole('status').filter({ hasText: 'Removed' });
  await expect(status).toHaveText(`Removed ${q(GRAPH)}. Undo`);
  expect((await stored(popup)).map((r) => r.id)).not.toContain(GRAPH!.id);
  // Focus moves on to the next paper's Remove, not to the top of the page.
  await expect(popup.getByRole('button', { name: `Remove ${q(DIFFUSION)}` })).toBeFocused();
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => shownIds(popup)).toEqual(NEWEST_FIRST);
  await expect(popup.getByRole('status').filter({ hasText: 'Put 1 paper back.' })).toBeVisible();
  await expect(popup.getByRole('button', { name: `Remove ${q(GRAPH)}` })).toBeFocused();
  const back = (await stored(popup)).find((r) => r.id === GRAPH!.id);
  expect(back).toMatchObject({ note: 'Compare with ReAct', tags: ['robotics'] });
});

test('links open the paper on arXiv, Hugging Face and the site it was saved from, in a new tab', async () => {
  const popup = await openShortlist(session);
  const arxiv = popup.getByRole('link', { name: `Open ${q(REWARD)} on arXiv` });
  await expect(arxiv).toHaveAttribute('href', 'https://arxiv.org/abs/2401.00001');
  await expect(arxiv).toHaveAttribute('target', '_blank');
  await expect(popup.getByRole('link', { name: `Open ${q(REWARD)} on Hugging Face` })).toHaveAttribute(
    'href',
    'https://huggingface.co/papers/2401.00001',
  );
  // Saved from OpenReview without an arXiv id: only its OpenReview page.
  await expect(popup.getByRole('link', { name: `Open ${q(GRAPH)} on OpenReview` })).toHaveAttribute(
    'href',
    'https://openreview.net/forum?id=AbC123',
  );
  await expect(row(popup, GRAPH).getByRole('link')).toHaveCount(1);
  await expect(popup.getByRole('link', { name: `Open ${q(MULTI)} on ACL Anthology` })).toHaveAttribute(
    'href',
    'https://aclanthology.org/2024.acl-long.1/',
  );
  const [opened] = await Promise.all([session.context.waitForEvent('page'), arxiv.click()]);
  await opened.waitForLoadState();
  expect(opened.url()).toBe('https://arxiv.org/abs/2401.00001');
  await expect(opened.getByText('arXiv')).toBeVisible();
});

test('select many, then export the selection: the file holds exactly those papers', async () => {
  const popup = await openShortlist(session);
  await popup.getByRole('checkbox', { name: `Select ${q(REWARD)}` }).check();
  await popup.getByRole('checkbox', { name: `Select ${q(GRAPH)}` }).check();
  await expect(popup.getByText('2 selected', { exact: true })).toBeVisible();
  await expect(popup.getByText('The 2 selected papers')).toBeVisible();
  const exportAs = async (format: string) => {
    await popup.getByLabel('Export as').selectOption({ label: format });
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    return readFileSync((await download.path())!, 'utf8');
  };
  const csl = JSON.parse(await exportAs('CSL-JSON')) as { title: string }[];
  expect(csl.map((e) => e.title).sort()).toEqual([GRAPH!.title, REWARD!.title].sort());
  await expect(popup.getByRole('status').filter({ hasText: 'Exported 2 papers' })).toBeVisible();

  // Select all shown under a filter: only the shown papers.
  await popup.getByRole('button', { name: 'Clear selection' }).click();
  await popup.getByLabel('Show', { exact: true }).selectOption({ label: 'Read only' });
  await expect.poll(() => shownIds(popup)).toEqual([MULTI, DIFFUSION].map((p) => p!.id));
  await popup.getByRole('checkbox', { name: 'Select all shown' }).check();
  const bib = await exportAs('BibTeX');
  expect(bib.match(/^@\w+\{/gm)).toHaveLength(2);
  expect(bib).toContain('Multilingual evaluation');
  expect(bib).toContain('Diffusion transformers at scale');
  // A backup is always everything.
  await popup.getByLabel('Export as').selectOption({ label: 'Paperlight backup (JSON)' });
  await expect(popup.getByText('Everything (a backup ignores the selection)')).toBeVisible();
});

test('select many, then remove the selection, and undo it', async () => {
  const popup = await openShortlist(session);
  await popup.getByLabel('Show', { exact: true }).selectOption({ label: 'Unread only' });
  await expect.poll(() => shownIds(popup)).toHaveLength(3);
  const all = popup.getByRole('checkbox', { name: 'Select all shown' });
  await all.check();
  await expect(popup.getByText('3 selected', { exact: true })).toBeVisible();
  // One unchecked: the select-all box is mixed.
  await popup.getByRole('checkbox', { name: `Select ${q(GRAPH)}` }).uncheck();
  expect(await all.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);
  await popup.getByRole('checkbox', { name: `Select ${q(GRAPH)}` }).check();
  await popup.getByRole('button', { name: 'Remove selected' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Removed 3 papers.' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Undo' })).toBeFocused();
  expect((await stored(popup)).map((r) => r.id).sort()).toEqual([DIFFUSION, MULTI].map((p) => p!.id).sort());
  await popup.getByLabel('Show', { exact: true }).selectOption({ label: 'Read and unread' });
  await expect.poll(() => shownIds(popup)).toEqual([MULTI, DIFFUSION].map((p) => p!.id));
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => shownIds(popup)).toEqual(NEWEST_FIRST);
  expect(await stored(popup)).toHaveLength(5);
});

test('10,000 papers: only the rows in view exist, and scrolling to the end shows the last paper', async () => {
  const records = benchRecords(10_000);
  await seed(session, records);
  const oldest = records.reduce((a, b) => (a.savedAt <= b.savedAt ? a : b));
  for (const where of ['options', 'popup'] as const) {
    const page = await openShortlist(session, where);
    await expect(page.getByText('Showing 10,000 of 10,000')).toBeVisible();
    const rows = list(page).getByRole('listitem');
    expect(await rows.count()).toBeLessThan(40);
    await expect(rows.first()).toHaveAttribute('aria-setsize', '10000');
    const scroller = page.locator('.sl-scroll');
    // Rows are measured as they appear, so the end moves a little: scroll until it stays put.
    await expect
      .poll(async () => {
        await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return list(page).locator('li[aria-posinset="10000"]').count();
      })
      .toBe(1);
    const last = list(page).locator('li[aria-posinset="10000"]');
    await expect(last).toHaveAttribute('data-paper-id', oldest.id);
    await expect(last).toContainText(oldest.paper.title);
    await expect(last).toBeInViewport();
    expect(await rows.count()).toBeLessThan(40);
    // Search and sort still answer over all of them (only paper 1234's title holds "1234").
    const search = page.getByRole('searchbox', { name: 'Search the shortlist' });
    await search.fill('1234');
    await expect(page.getByText('Showing 1 of 10,000')).toBeVisible();
    expect(await shownIds(page)).toEqual([records[1234]!.id]);
    await search.fill('');
    await page.getByLabel('Sort', { exact: true }).selectOption({ label: 'Oldest first' });
    await expect.poll(async () => (await shownIds(page))[0]).toBe(oldest.id);
    await page.close();
  }
});

test('keyboard: open and close the note editor, save with Ctrl+Enter, remove and undo without a mouse', async () => {
  const popup = await openShortlist(session);
  const noteButton = popup.getByRole('button', { name: `Edit the note on ${q(MULTI)}` });
  // From the search box, Tab reaches every control in order; the first row's Note button is among them.
  await popup.getByRole('searchbox', { name: 'Search the shortlist' }).focus();
  for (let i = 0; i < 30 && !(await noteButton.evaluate((el) => el === document.activeElement)); i++) {
    await popup.keyboard.press('Tab');
  }
  await expect(noteButton).toBeFocused();
  await popup.keyboard.press('Enter');
  const field = popup.getByRole('textbox', { name: `Note on ${q(MULTI)}` });
  await expect(field).toBeFocused();
  await popup.keyboard.type('dropped');
  await popup.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(noteButton).toBeFocused();
  await popup.keyboard.press('Enter');
  await popup.keyboard.type('kept');
  await popup.keyboard.press('Control+Enter');
  await expect(row(popup, MULTI)).toContainText('kept');
  await expect(noteButton).toBeFocused();
  // Tab on to Remove (past the links), Enter removes; Undo is reachable by keyboard too.
  const remove = popup.getByRole('button', { name: `Remove ${q(MULTI)}` });
  for (let i = 0; i < 10 && !(await remove.evaluate((el) => el === document.activeElement)); i++) {
    await popup.keyboard.press('Tab');
  }
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: `Remove ${q(SCALING)}` })).toBeFocused();
  await popup.getByRole('button', { name: 'Undo' }).focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => shownIds(popup)).toEqual(NEWEST_FIRST);
});

test('accessibility: no serious or critical axe violations in light and dark, and no sideways scroll', async () => {
  const serious = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  const popup = await openShortlist(session);
  // Some of everything on screen: a selection, an open editor, a status line.
  await popup.getByRole('checkbox', { name: `Select ${q(SCALING)}` }).check();
  await popup.getByRole('button', { name: `Remove ${q(MULTI)}` }).click();
  await popup.getByRole('button', { name: `Add a tag to ${q(SCALING)}` }).click();
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await serious(popup), scheme).toEqual([]);
  }
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);

  // The full view, dark through the Settings tab's theme.
  const options = await openShortlist(session, 'options');
  await options.getByRole('tab', { name: 'Settings' }).click();
  await options.getByRole('radio', { name: 'Dark' }).check();
  await options.getByRole('tab', { name: 'Shortlist' }).click();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  await options.getByRole('button', { name: `Edit the note on ${q(GRAPH)}` }).click();
  expect(await serious(options), 'options, dark').toEqual([]);
  await options.getByRole('tab', { name: 'Settings' }).click();
  await options.getByRole('radio', { name: 'Light' }).check();
  await options.getByRole('tab', { name: 'Shortlist' }).click();
  expect(await serious(options), 'options, light').toEqual([]);
});
