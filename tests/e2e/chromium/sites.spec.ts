import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixturePage, fixturePages } from '../../fixtures/manifest';
import { launchChromium, openPopup, tabIdOf, waitForEntries, type ChromiumSession } from '../support/chromium';

let session: ChromiumSession;
test.beforeAll(async () => {
  session = await launchChromium(undefined, {
    // The real monthly listing with its dt/dd markup renamed, as a site redesign would: a supported URL
    // whose entries the adapter can no longer see.
    extraPages: {
      'https://arxiv.org/list/math.CO/new': readFileSync(
        fixturePage('arxiv/list-cs.CL-2025-05-show50.html').path,
        'utf8',
      )
        .replace(/<dt>/g, '<div class="entry-head">')
        .replace(/<\/dt>/g, '</div>')
        .replace(/<dd>/g, '<div class="entry-body">')
        .replace(/<\/dd>/g, '</div>')
        .replace(/href ?="\/abs\//g, 'href="/paper/'),
    },
  });
});
test.afterAll(async () => {
  await session?.context.close();
});

for (const capture of fixturePages()) {
  test(`${capture.file}: the marked entries are exactly the expected papers`, async () => {
    const expected = JSON.parse(readFileSync(capture.path.replace(/\.html$/, '.expected.json'), 'utf8')) as {
      entries: { id: string }[];
    };
    const page = await session.context.newPage();
    await page.goto(capture.url);
    await waitForEntries(page, capture.entries);
    const ids = await page
      .locator('[data-paperlight-entry]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-entry')));
    expect(new Set(ids)).toEqual(new Set(expected.entries.map((e) => e.id)));
    await page.close();
  });
}

test('a supported page whose layout changed says so on the badge and in the popup', async () => {
  const page = await session.context.newPage();
  await page.goto('https://arxiv.org/list/math.CO/new');
  const tabId = await tabIdOf(session, page);
  const worker = session.context.serviceWorkers()[0]!;
  type Action = { getBadgeText(d: { tabId: number }): Promise<string> };
  await expect
    .poll(() =>
      worker.evaluate(
        (id) => (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    )
    .toBe('!');
  await expect(page.locator('[data-paperlight-entry]')).toHaveCount(0);
  const popup = await openPopup(session, page);
  await expect(popup.getByRole('status')).toHaveText(
    'Paperlight found no papers on this page; the site’s layout may have changed.',
  );
  await expect(popup.getByTestId('match-summary')).toHaveText('0 of 0 papers match');
});
