import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test } from '@playwright/test';
import { fixturePage } from '../../fixtures/manifest';
import { launchChromium, openAnnotated, openPopup, type ChromiumSession } from '../support/chromium';
import { clickNode, readAnnotations } from '../support/closed-shadow';

let sessions: ChromiumSession[] = [];
test.afterEach(async () => {
  await Promise.all(sessions.map((s) => s.context.close()));
  sessions = [];
});

test('export from the real popup, import into a fresh profile: the same shortlist', async () => {
  const first = await launchChromium();
  sessions.push(first);
  const collection = fixturePage('huggingface/collection-llm-foundations.html');
  const page = await openAnnotated(first.context, collection.url, collection.entries);
  const entries = await readAnnotations(page);
  const picked = entries.slice(0, 3);
  for (const a of picked) await clickNode(page, a.buttons.star!);
  await expect.poll(async () => (await readAnnotations(page)).filter((a) => a.star === '★').length).toBe(3);

  const popup = await openPopup(first, page);
  await popup.getByRole('tab', { name: 'Shortlist' }).click();
  await expect(popup.getByRole('list', { name: 'Your shortlist' }).getByRole('listitem')).toHaveCount(3);
  const save = async (format: string) => {
    await popup.getByLabel('Export as').selectOption({ label: format });
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export' }).click(),
    ]);
    const file = join(tmpdir(), `paperlight-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    return { name: download.suggestedFilename(), file, text: readFileSync(file, 'utf8') };
  };
  const bib = await save('BibTeX');
  expect(bib.name).toMatch(/^paperlight-shortlist-\d{4}-\d{2}-\d{2}\.bib$/);
  expect(bib.text.match(/^@\w+\{/gm)).toHaveLength(3);
  for (const a of picked) if (/^\d{4}\.\d{4,5}$/.test(a.id)) expect(bib.text).toContain(`eprint = {${a.id}}`);
  const backup = await save('Paperlight backup (JSON)');
  expect(backup.name).toMatch(/^paperlight-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = (JSON.parse(backup.text) as { shortlist: { id: string }[] }).shortlist.map((r) => r.id).sort();
  expect(saved).toEqual(picked.map((a) => a.id).sort());

  // A fresh profile: nothing saved, then the backup brings everything back.
  const second = await launchChromium();
  sessions.push(second);
  const options = await second.context.newPage();
  await options.goto(`chrome-extension://${second.extensionId}/options.html`);
  await expect(options.getByText('Nothing saved yet')).toBeVisible();
  await options.getByLabel(/Import a file/).setInputFiles(backup.file);
  await expect(options.getByLabel('Import preview')).toContainText('3 added, 0 updated, 0 unchanged, 0 removed');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toContainText('3 added');
  await expect(options.getByRole('list', { name: 'Your shortlist' }).getByRole('listitem')).toHaveCount(3);

  // And the imported papers show ★ on the page.
  const again = await openAnnotated(second.context, collection.url, collection.entries);
  await expect
    .poll(async () =>
      (await readAnnotations(again))
        .filter((a) => a.star === '★')
        .map((a) => a.id)
        .sort(),
    )
    .toEqual(saved);

  // A broken file is refused with the reason, and changes nothing.
  await options.getByLabel(/Import a file/).setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup.text.slice(0, backup.text.length / 2)),
  });
  await expect(options.getByRole('alert')).toContainText('broken.json');
  await expect(options.getByRole('list', { name: 'Your shortlist' }).getByRole('listitem')).toHaveCount(3);
});
