import { expect, test } from '@playwright/test';
import { fixturePage } from '../../fixtures/manifest';
import { launchChromium, openAnnotated, waitForEntries, type ChromiumSession } from '../support/chromium';

const DAILY = 'huggingface/papers-daily-2026-09-28.html';

/** Papers the test adds as the site's own scripts would after load (date navigation, infinite scroll). */
const APPENDED = [
  { id: '2609.99901', title: 'Streaming Sparse Retrieval for Long-Context Agents' },
  { id: '2609.99902', title: 'A Benchmark for Multilingual Speech Translation in the Wild' },
];

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

test('Hugging Face: cards the site appends after load, with no embedded data, are detected too', async () => {
  session = await launchChromium();
  const daily = fixturePage(DAILY);
  const page = await openAnnotated(session.context, daily.url, daily.entries);

  // As Hugging Face's scripts do on date navigation: new cards rendered into the grid (here, clones of the first
  // card with another paper, left without Paperlight's marks) and the URL changed by pushState. `data-props` keeps
  // the first day's papers, so the new cards have no embedded data.
  await page.evaluate((papers) => {
    const template = document.querySelector('article')!;
    for (const { id, title } of papers) {
      const card = template.cloneNode(true) as Element;
      card.removeAttribute('data-paperlight-entry');
      card.querySelectorAll('paperlight-annotation').forEach((el) => el.remove());
      for (const a of Array.from(card.querySelectorAll('a[href]'))) {
        a.setAttribute('href', a.getAttribute('href')!.replace(/2609\.31620/g, id));
      }
      card.querySelector('h3 a')!.textContent = title;
      template.parentElement!.append(card);
    }
    history.pushState({}, '', '/papers/date/2026-09-25');
  }, APPENDED);

  await waitForEntries(page, daily.entries + APPENDED.length);
  for (const { id, title } of APPENDED) {
    const card = page.locator(`article[data-paperlight-entry="${id}"]`);
    await expect(card).toHaveCount(1);
    await expect(card.locator('h3')).toHaveText(title);
    await expect(card.locator('paperlight-annotation')).toHaveCount(1);
  }
  // What was there is not done twice: one annotation per entry.
  await expect(page.locator('[data-paperlight-entry="2609.31620"] paperlight-annotation')).toHaveCount(1);
  const ids = await page
    .locator('[data-paperlight-entry]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-entry')));
  expect(new Set(ids).size).toBe(daily.entries + APPENDED.length);
});

test('Hugging Face: navigating in the page to a page Paperlight does not support removes every trace', async () => {
  session = await launchChromium();
  const daily = fixturePage(DAILY);
  const page = await openAnnotated(session.context, daily.url, daily.entries);
  const traces = () =>
    page.evaluate(
      () =>
        document.querySelectorAll('paperlight-annotation, paperlight-control, [data-paperlight-entry]').length +
        (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size +
        document.adoptedStyleSheets.length,
    );
  await expect.poll(traces).toBeGreaterThan(daily.entries * 2);
  // As the site's router does when the user opens a model page: the URL changes, the list stays for a moment.
  await page.evaluate(() => history.pushState({}, '', '/meta-llama/Llama-3.1-8B'));
  await expect.poll(traces).toBe(0);
  // And back: the papers are annotated again.
  await page.evaluate(() => history.pushState({}, '', '/papers'));
  await expect.poll(() => page.locator('[data-paperlight-entry] paperlight-annotation').count()).toBe(daily.entries);
});
