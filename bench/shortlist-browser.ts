// `npx tsx bench/shortlist-browser.ts`: the shortlist's import and export in the real extension (Chromium, built
// extension, real IndexedDB), each next to a baseline measured in the same page: bare IndexedDB puts of the same
// records, and JSON.stringify of them. Budget (issue #7): each under 1 s.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/support/chromium';
import { toBackupJson } from '../lib/export/backup';
import { SettingsSchema } from '../lib/schema/settings';
import { median, report, type Row } from './measure';
import { benchRecords } from './records';

const COUNT = 10_000;
const RUNS = 3;

const records = benchRecords(COUNT);
const backupText = toBackupJson({
  shortlist: records,
  feedback: [],
  interests: [],
  settings: SettingsSchema.parse({}),
});
const backup = JSON.parse(backupText) as { shortlist: unknown[] };

const session = await launchChromium();
const rows: Row[] = [];
try {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Shortlist' }).waitFor();

  // Times, in the options page: bare puts into a database of the page's own, then the real import message
  // (the file's text to the background, which parses and validates every record, plans and writes).
  const times = await page.evaluate(
    async ({ data, text, runs }) => {
      type Runtime = { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> };
      const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
      const bare: number[] = [];
      const imports: number[] = [];
      const exports: number[] = [];
      const stringify: number[] = [];
      for (let run = 0; run < runs; run++) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(`bench-${run}`, 1);
          open.onupgradeneeded = () => open.result.createObjectStore('papers', { keyPath: 'id' });
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        let t = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('papers', 'readwrite');
          for (const r of data.shortlist) tx.objectStore('papers').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        bare.push(performance.now() - t);
        db.close();

        t = performance.now();
        const reply = await runtime.sendMessage({
          paperlight: 1,
          type: 'importFile',
          data: { text, fileName: 'backup.json', mode: 'replace', dryRun: false },
        });
        if (!reply.ok) throw new Error(reply.error);
        imports.push(performance.now() - t);

        t = performance.now();
        const exported = await runtime.sendMessage({
          paperlight: 1,
          type: 'exportFile',
          data: { format: 'backup', includeSeen: false },
        });
        if (!exported.ok) throw new Error(exported.error);
        exports.push(performance.now() - t);
        t = performance.now();
        JSON.stringify(data.shortlist);
        stringify.push(performance.now() - t);
      }
      return { bare, imports, exports, stringify };
    },
    { data: backup, text: backupText, runs: RUNS },
  );
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  rows.push({
    bench: `import a ${COUNT.toLocaleString('en')}-paper backup (Chromium, real IndexedDB)`,
    baseline: 'bare IndexedDB puts',
    baselineMs: mid(times.bare),
    subject: 'importData message',
    subjectMs: mid(times.imports),
    budget: 5,
  });
  rows.push({
    bench: `export ${COUNT.toLocaleString('en')} papers as a backup (Chromium): the message`,
    baseline: 'JSON.stringify of them',
    baselineMs: mid(times.stringify),
    subject: 'exportFile message',
    subjectMs: mid(times.exports),
    budget: 10,
  });

  // The whole export as the user gets it: click Export in the full view until the file arrives.
  await page.reload();
  await page.getByRole('heading', { name: 'Shortlist' }).waitFor();
  for (const format of ['BibTeX', 'RIS', 'CSL-JSON', 'CSV', 'Markdown', 'Paperlight backup (JSON)']) {
    const clicks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.getByLabel('Export as').selectOption({ label: format });
      const started = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export' }).click(),
      ]);
      clicks.push(Date.now() - started);
      readFileSync((await download.path())!); // the file is complete
    }
    rows.push({
      bench: `export ${COUNT.toLocaleString('en')} papers, click to file: ${format}`,
      baseline: 'JSON.stringify in the page',
      baselineMs: mid(times.stringify),
      subject: 'Export button',
      subjectMs: median(() => 0, 1) + mid(clicks),
      budget: 20,
    });
  }
} finally {
  await session.context.close();
}
report(rows);
const slow = rows.filter((r) => r.subjectMs > 1000);
for (const r of slow) console.error(`over 1 s: ${r.bench} took ${r.subjectMs.toFixed(0)} ms`);
