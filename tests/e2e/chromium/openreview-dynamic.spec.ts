import { expect, test, type Page } from '@playwright/test';
import { launchChromium, openAnnotated, waitForEntries, type ChromiumSession } from '../support/chromium';
import { fixturePage } from '../../fixtures/manifest';

// OpenReview renders a venue's tabs and pages by script: the capture holds the first page of the Accept (Oral)
// tab; here the page's own kind of DOM updates (a tab filled, a page of the list replaced) must be picked up.
const VENUE = 'openreview/group-iclr-2025-conference.html';

/** Notes in today's markup (li > div.note), as openreview-web's NoteList renders them. */
function notesHtml(papers: { id: string; title: string; authors: string[] }[]): string {
  return papers
    .map(
      (p) =>
        `<li><div class="note  undefined"><h4><a href="/forum?id=${p.id}">${p.title}</a> ` +
        `<a href="/pdf?id=${p.id}" class="pdf-link" title="Download PDF" target="_blank"><img src="/images/pdf_icon_blue.svg" alt="pdf icon"/></a></h4>` +
        `<div class="note-authors"><span>${p.authors
          .map((a) => `<a title="~${a.replace(/ /g, '_')}1" href="/profile?id=~${a.replace(/ /g, '_')}1">${a}</a>`)
          .join(', ')} </span></div>` +
        `<ul class="note-meta-info list-inline"><li>Published: 22 Jan 2025, Last Modified: 01 Mar 2025</li>` +
        `<li>ICLR 2025 Spotlight<!-- --> </li><li class="readers">Readers: Everyone</li></ul></div></li>`,
    )
    .join('');
}

const SPOTLIGHTS = [
  {
    id: 'Sp0tL1ght1',
    title: 'Planning with Latent Diffusion for Long-Horizon Control',
    authors: ['Ada Byron', 'Kurt Gödel'],
  },
  { id: 'Sp0tL1ght2', title: 'Retrieval Heads in Long-Context Language Models', authors: ['Mira Okafor'] },
  { id: 'Sp0tL1ght3', title: 'Tokenizer-Free Language Modeling at Scale', authors: ['Jonas Weber', 'Lena Hartmann'] },
];
const PAGE_TWO = [
  { id: 'PageTw0aa1', title: 'Equivariant Transformers for Crystal Generation', authors: ['Rosa Jiménez'] },
  {
    id: 'PageTw0aa2',
    title: 'Bandits with Delayed and Aggregated Feedback',
    authors: ['Henrik Larsen', 'Nora Svensson'],
  },
];

function markedIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-paperlight-entry]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-entry') ?? ''));
}

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

test('OpenReview venue page: notes the site renders later (another tab, another page) are detected', async () => {
  session = await launchChromium();
  const venue = fixturePage(VENUE);
  const page = await openAnnotated(session.context, venue.url, venue.entries);
  const first = await markedIds(page);
  expect(first).toHaveLength(20);
  expect(first.every((id) => id.startsWith('openreview:'))).toBe(true);

  // Switching to the Accept (Spotlight) tab: the site fills that tab's pane; the Oral pane stays in the DOM.
  await page.evaluate((html) => {
    const pane = document.getElementById('accept-spotlight')!;
    const list = document.createElement('ul');
    list.className = 'list-unstyled submissions-list';
    pane.append(list);
    list.innerHTML = html; // one insertion, then nothing: the orchestrator must not wait for more
    document.getElementById('accept-oral')!.classList.remove('active', 'in');
    pane.classList.add('active', 'in');
  }, notesHtml(SPOTLIGHTS));
  await waitForEntries(page, 20 + SPOTLIGHTS.length);
  const afterTab = await markedIds(page);
  for (const p of SPOTLIGHTS) expect(afterTab).toContain(`openreview:${p.id}`);
  // What was done stays done: the first 20 are still marked, once each.
  expect(afterTab.filter((id) => first.includes(id))).toEqual(first);

  // Paging inside the Spotlight tab: the site replaces the list's items with the next page's.
  await page.evaluate((html) => {
    const list = document.querySelector('#accept-spotlight ul.submissions-list')!;
    list.replaceChildren();
    list.insertAdjacentHTML('beforeend', html);
  }, notesHtml(PAGE_TWO));
  await waitForEntries(page, 20 + PAGE_TWO.length);
  const afterPaging = await markedIds(page);
  for (const p of PAGE_TWO) expect(afterPaging).toContain(`openreview:${p.id}`);
  for (const p of SPOTLIGHTS) expect(afterPaging).not.toContain(`openreview:${p.id}`);

  // A note added by itself, as the legacy webfields did (li.note with data-id), is picked up too.
  await page.evaluate(() => {
    const li = document.createElement('li');
    li.className = 'note';
    li.dataset.id = 'LegacyNote';
    li.innerHTML =
      '<h4><a href="/forum?id=LegacyNote">A Legacy Note</a></h4><div class="note-authors"><a href="/profile?id=~A_B1">A B</a></div>';
    document.querySelector('#accept-spotlight ul.submissions-list')!.append(li);
  });
  await waitForEntries(page, 20 + PAGE_TWO.length + 1);
  await expect(page.locator('li.note[data-paperlight-entry="openreview:LegacyNote"]')).toHaveCount(1);
});
