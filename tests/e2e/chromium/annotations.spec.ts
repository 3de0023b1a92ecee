import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { compileInterests, scorePaper } from '../../../lib/scoring/score';
import { DEFAULT_INTERESTS } from '../../../lib/storage/default-interests';
import type { PaperEntry } from '../../../lib/schema/paper';
import { fixturePage } from '../../fixtures/manifest';
import { HOSTILE_TITLES, HOSTILE_URL, hostilePage } from '../../fixtures/written/hostile-page';
import {
  launchChromium,
  openAnnotated,
  openPopup,
  sendFromExtensionPage,
  type ChromiumSession,
} from '../support/chromium';
import { scoresDrawn } from '../support/annotations';
import { clickNode, readAnnotations, readControl } from '../support/closed-shadow';

const ARXIV_NEW = 'arxiv/new-cs.AI-2026-02-24.html';

function expectedEntries(file: string): PaperEntry[] {
  const path = fixturePage(file).path.replace(/\.html$/, '.expected.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { entries: PaperEntry[] }).entries;
}

/**
 * The site's own order of an arXiv listing: each child of the list as `dt:<id>` / `dd:<id>` for Paperlight's
 * entries and `other:<text>` for the rest (section headings, a cross-list's second listing).
 */
function listingOrder(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('dl#articles > *')).map((el) => {
      const dd = el.localName === 'dt' ? el.nextElementSibling : el;
      const id = dd?.getAttribute('data-paperlight-entry');
      return id ? `${el.localName}:${id}` : `other:${el.textContent?.trim().slice(0, 30)}`;
    }),
  );
}

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

test('arXiv /new: the expected entries get their tag chips and score, the others only a ☆', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  const interests = compileInterests(DEFAULT_INTERESTS);
  const expected = new Map(expectedEntries(ARXIV_NEW).map((p) => [p.id, scorePaper(p, interests)]));
  const seen = await readAnnotations(page);
  expect(seen.map((a) => a.id).sort()).toEqual([...expected.keys()].sort());
  for (const a of seen) {
    const want = expected.get(a.id)!;
    expect(a.chips, a.id).toEqual(want.score > 0 ? want.tags.map((t) => t.name) : []);
    expect(a.score, a.id).toBe(want.score > 0 ? `score ${want.score}` : '');
    expect(a.star).toBe('☆');
  }
  // A paper about agentic metrics for deep research: both starter tags, as a reader would expect.
  expect(seen.find((a) => a.id === '2602.18940')?.chips).toEqual(['LLM agents', 'Reasoning']);
  expect(seen.filter((a) => a.chips.length === 0).length).toBeGreaterThan(0);
  // First visit: every paper is new.
  expect(seen.every((a) => a.badges.includes('new'))).toBe(true);

  // "Why?" explains the match in words.
  const dream = seen.find((a) => a.id === '2602.18940')!;
  await clickNode(page, dream.buttons.why!);
  await expect
    .poll(async () => (await readAnnotations(page)).find((a) => a.id === dream.id)?.text)
    .toMatch(/LLM agents: “agent\w*” in the (title|abstract)/);

  // Second visit: nothing is new any more.
  await page.reload();
  await page.waitForFunction(scoresDrawn);
  const again = await readAnnotations(page);
  expect(again).toHaveLength(listing.entries);
  expect(again.filter((a) => a.chips.length > 0).length).toBe(seen.filter((a) => a.chips.length > 0).length);
  expect(again.some((a) => a.badges.includes('new'))).toBe(false);
});

test('a page script finds nothing of the user in the DOM: no score, tag, interest or colour', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  const popup = await openPopup(session, page);
  await sendFromExtensionPage(popup, 'addInterest', { name: 'Quokka-Zebra', query: 'agent', color: '#13579b' });
  await page.reload();
  await expect
    .poll(async () => (await readAnnotations(page)).filter((a) => a.chips.includes('Quokka-Zebra')).length)
    .toBeGreaterThan(3);
  const leak = await page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('paperlight-annotation'));
    const html = document.documentElement.outerHTML;
    return {
      html: /Quokka|13579b/i.test(html),
      text: /Quokka/.test(document.body.innerText),
      hostAttributes: hosts.reduce((n, h) => n + h.attributes.length, 0),
      shadowReadable: hosts.some((h) => h.shadowRoot !== null),
      // Matching and other entries' hosts have the same size: layout tells nothing either.
      heights: new Set(hosts.map((h) => Math.round(h.getBoundingClientRect().height))).size,
      styles: Array.from(document.querySelectorAll('[data-paperlight-entry]')).filter((e) => e.hasAttribute('style'))
        .length,
      hosts: hosts.length,
    };
  });
  expect(leak).toEqual({
    html: false,
    text: false,
    hostAttributes: 0,
    shadowReadable: false,
    heights: 1,
    styles: 0,
    hosts: listing.entries,
  });
});

test('matched terms are marked with the CSS Custom Highlight API, without touching the page’s text', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  const titleHtml = await page.locator('dd[data-paperlight-entry="2602.18940"] .list-title').innerHTML();
  expect(titleHtml).not.toContain('<mark');
  // What a page script can see of the marks (reported in the README): the registry is shared with the page.
  const visible = await page.waitForFunction(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const names = [...reg.keys()];
    const ranges = names.flatMap((n) => [...reg.get(n)!]).map((r) => r.toString());
    return ranges.length > 0 ? { names, ranges } : null;
  });
  const { names, ranges } = (await visible.jsonValue())!;
  expect(names.every((n) => /^paperlight-\d+$/.test(n))).toBe(true);
  expect(ranges.map((r) => r.toLowerCase())).toContain('agentic');
});

test('☆ saves a paper, the popup’s shortlist shows it, and the same paper on another site shows ★', async () => {
  session = await launchChromium();
  const collection = fixturePage('huggingface/collection-llm-foundations.html');
  const page = await openAnnotated(session.context, collection.url, collection.entries);
  const rag = (await readAnnotations(page)).find((a) => a.id === '2005.11401')!;
  expect(rag.star).toBe('☆');
  await clickNode(page, rag.buttons.star!);
  await expect.poll(async () => (await readAnnotations(page)).find((a) => a.id === '2005.11401')?.star).toBe('★');
  expect((await readAnnotations(page)).find((a) => a.id === '2005.11401')?.badges).toContain('saved');

  const popup = await openPopup(session, page, 'shortlist');
  const saved = popup.getByRole('list', { name: 'Your shortlist' }).getByRole('listitem');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Retrieval-Augmented Generation');

  // dblp lists the same arXiv paper (CoRR abs/2005.11401): it is the same paper, already saved.
  const dblp = fixturePage('dblp/search-retrieval-augmented-generation.html');
  const other = await openAnnotated(session.context, dblp.url, dblp.entries);
  const same = (await readAnnotations(other)).find((a) => a.id === '2005.11401');
  expect(same?.star).toBe('★');
  expect(same?.badges).toContain('saved');

  // Removed in the popup: both open pages show ☆ again, without a reload.
  await popup.reload();
  await popup.getByRole('button', { name: /^Remove “Retrieval-Augmented Generation/ }).click();
  await expect(saved).toHaveCount(0);
  for (const p of [page, other]) {
    await expect.poll(async () => (await readAnnotations(p)).find((a) => a.id === '2005.11401')?.star).toBe('☆');
  }
});

test('the view toggle puts matches first, shows only matches, and restores the exact original order', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  await expect.poll(async () => (await readControl(page))?.text ?? '').toMatch(/\d+ of 12 match/);
  const original = await listingOrder(page);
  const originalHtml = await page.evaluate(() => document.querySelector('dl#articles')!.outerHTML);
  const seen = await readAnnotations(page);
  const scoreOf = (id: string) => Number(seen.find((a) => a.id === id)?.score.replace('score ', '') || 0);

  const control = (await readControl(page))!;
  await clickNode(page, control.buttons.get('Matches first')!);
  await expect.poll(() => listingOrder(page)).not.toEqual(original);
  const sorted = await listingOrder(page);
  // Runs of entries between other elements (section headings, a cross-list's second listing) are sorted
  // separately: matches first, strongest first; a dt stays with its dd.
  const sections: string[][] = [[]];
  for (const item of sorted) {
    if (item.startsWith('other:')) sections.push([]);
    else sections[sections.length - 1]!.push(item);
  }
  for (const section of sections) {
    const ids = section.filter((x) => x.startsWith('dt:')).map((x) => x.slice(3));
    const scores = ids.map(scoreOf);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (let i = 0; i < section.length; i += 2) expect(section[i + 1]).toBe(`dd:${section[i]!.slice(3)}`);
  }

  await clickNode(page, control.buttons.get('Matches only')!);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          Array.from(document.querySelectorAll('dd[data-paperlight-entry]')).filter(
            (d) => getComputedStyle(d).display === 'none',
          ).length,
      ),
    )
    .toBe(seen.filter((a) => a.chips.length === 0).length);

  await clickNode(page, control.buttons.get('Original')!);
  await expect.poll(() => listingOrder(page)).toEqual(original);
  expect(await page.evaluate(() => document.querySelector('dl#articles')!.outerHTML)).toBe(originalHtml);
});

test('keys: j goes to the next match, s shortlists it; never while typing', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  await expect.poll(async () => (await readControl(page))?.text ?? '').toMatch(/match/);
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  const first = (await readAnnotations(page)).find((a) => a.chips.length > 0)!;
  await expect.poll(async () => (await readAnnotations(page)).find((a) => a.id === first.id)?.star).toBe('★');
  expect((await readAnnotations(page)).filter((a) => a.star === '★')).toHaveLength(1);
  // Typing in the page's own search box is left alone.
  await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('input'), { id: 'q' })));
  await page.locator('#q').focus();
  await page.keyboard.type('js');
  expect((await readAnnotations(page)).filter((a) => a.star === '★')).toHaveLength(1);
});

test('an interest added in the popup updates the open page live, without a reload', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  const target = (await readAnnotations(page)).find((a) => a.chips.length === 0)!;
  const paper = expectedEntries(ARXIV_NEW).find((p) => p.id === target.id)!;
  const word = paper.title
    .split(/\W+/)
    .filter((w) => w.length > 6)[0]!
    .toLowerCase();
  const popup = await openPopup(session, page, 'interests');
  await popup.getByLabel('Keyword or phrase').fill(word);
  await popup.getByRole('button', { name: 'Add' }).click();
  await expect
    .poll(async () => (await readAnnotations(page)).find((a) => a.id === target.id)?.chips.length ?? 0)
    .toBe(1);
  const markedAt = await page.evaluate(() => performance.getEntriesByType('navigation').length);
  expect(markedAt).toBe(1); // still the same document: no reload happened
});

test('turning Paperlight off on the site, or pausing it, removes every trace; turning it on brings it back', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  await expect.poll(async () => (await readControl(page))?.buttons.size ?? 0).toBeGreaterThan(3);
  const control = (await readControl(page))!;
  await clickNode(page, control.buttons.get('Matches first')!);
  await clickNode(page, control.buttons.get('Turn off on this site')!);
  const traces = () =>
    page.evaluate(
      () =>
        document.querySelectorAll(
          'paperlight-annotation, paperlight-control, [data-paperlight-entry], dd[style], dt[style]',
        ).length + [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].length,
    );
  await expect.poll(traces).toBe(0);
  const popup = await openPopup(session, page, 'settings');
  const onHere = popup.getByLabel('On for arxiv.org');
  await expect(onHere).not.toBeChecked();
  await onHere.click();
  await expect(onHere).toBeChecked();
  await expect.poll(async () => (await readAnnotations(page)).length).toBe(listing.entries);
  await popup.getByLabel('Pause Paperlight on every site').click();
  await expect.poll(traces).toBe(0);
});

test('hostile page text and interest names are shown as text and never run', async () => {
  session = await launchChromium(undefined, { extraPages: { [HOSTILE_URL]: hostilePage() } });
  const page = await openAnnotated(session.context, HOSTILE_URL, HOSTILE_TITLES.length);
  const popup = await openPopup(session, page);
  const hostileName = '<img src=x onerror="window.__pwned=9"></style>';
  await sendFromExtensionPage(popup, 'addInterest', { name: hostileName, query: 'agent' });
  await expect
    .poll(async () => (await readAnnotations(page)).filter((a) => a.chips.includes(hostileName)).length)
    .toBe(4);
  for (const a of await readAnnotations(page)) await clickNode(page, a.buttons.why!);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.images.length)).toBe(0);
  // The popup lists the hostile titles as plain text.
  const popup2 = await openPopup(session, page);
  const rows = popup2.getByRole('list', { name: 'Papers on this page' }).getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: '<img src=x onerror="window.__pwned=1">' })).toHaveCount(1);
  expect(await popup2.locator('img').count()).toBe(0);
});

test('the popup filters this page’s matches, and "Show" scrolls the page to one and marks it', async () => {
  session = await launchChromium();
  const listing = fixturePage(ARXIV_NEW);
  const page = await openAnnotated(session.context, listing.url, listing.entries);
  const popup = await openPopup(session, page);
  const rows = popup.getByRole('list', { name: 'Papers on this page' }).getByRole('listitem');
  await expect(popup.getByTestId('match-summary')).toHaveText(/^\d+ of 12 papers match$/);
  const all = await rows.count();
  expect(all).toBeGreaterThan(3);
  await popup.getByLabel('Filter this page’s papers').fill('reasoning');
  await expect.poll(() => rows.count()).toBeLessThan(all);
  for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain('reasoning');
  await popup.getByLabel('Filter this page’s papers').fill('');
  await expect(rows).toHaveCount(all);

  // The last match, below the fold: shown on the page.
  const last = rows.last();
  const id = (await last.getAttribute('data-paper-id'))!;
  await last.getByRole('button', { name: /^Show “/ }).click();
  await expect.poll(async () => (await readAnnotations(page)).find((a) => a.id === id)?.focused).toBe(true);
  await expect
    .poll(() =>
      page.evaluate((entry) => {
        const r = document.querySelector(`[data-paperlight-entry="${entry}"]`)!.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
      }, id),
    )
    .toBe(true);
});
