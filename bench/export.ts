// `npx tsx bench/export.ts`: export 10,000 saved papers to every format and import a 10,000-paper backup (into
// fake-indexeddb), each next to a baseline measured in the same run. Budget: every step under 1 s.
import 'fake-indexeddb/auto';
import { applyImport } from '../lib/db/backup';
import { openPaperlightDb } from '../lib/db/database';
import { toBackupJson } from '../lib/export/backup';
import { toBibtex } from '../lib/export/bibtex';
import { toCslJson } from '../lib/export/csl';
import { toCsv } from '../lib/export/csv';
import { toMarkdown } from '../lib/export/markdown';
import { toRis } from '../lib/export/ris';
import { parseBackup } from '../lib/import/backup';
import { parseBibtex } from '../lib/import/bibtex';
import { SettingsSchema } from '../lib/schema/settings';
import { median, report, type Row } from './measure';
import { benchRecords } from './records';

const COUNT = 10_000;
const BUDGET_MS = 1000;

/** Median wall time of an async `fn` over `runs` runs after one unmeasured run, in milliseconds. */
async function medianAsync(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const records = benchRecords(COUNT);
const rows: Row[] = [];
const stringify = median(() => JSON.stringify(records), 7);
const exports: [string, () => string][] = [
  ['BibTeX', () => toBibtex(records)],
  ['RIS', () => toRis(records)],
  ['CSL-JSON', () => toCslJson(records)],
  ['CSV', () => toCsv(records)],
  ['Markdown', () => toMarkdown(records)],
];
for (const [name, run] of exports) {
  rows.push({
    bench: `export ${COUNT.toLocaleString('en')} papers: ${name}`,
    baseline: 'JSON.stringify',
    baselineMs: stringify,
    subject: name,
    subjectMs: median(run, 7),
    budget: 10,
  });
}

const settings = SettingsSchema.parse({});
const backupText = toBackupJson({ shortlist: records, feedback: [], interests: [], settings });
rows.push({
  bench: `export ${COUNT.toLocaleString('en')} papers: JSON backup`,
  baseline: 'JSON.stringify',
  baselineMs: stringify,
  subject: 'toBackupJson',
  subjectMs: median(() => toBackupJson({ shortlist: records, feedback: [], interests: [], settings }), 7),
  budget: 2,
});

// Import: reading (parse + validate every record) next to a bare JSON.parse, then writing next to bare puts.
rows.push({
  bench: `import a ${COUNT.toLocaleString('en')}-paper backup: read + validate`,
  baseline: 'JSON.parse',
  baselineMs: median(() => JSON.parse(backupText), 7),
  subject: 'parseBackup',
  subjectMs: median(() => parseBackup(backupText), 7),
  budget: 10,
});
const backup = parseBackup(backupText);
let n = 0;
const freshDb = () => openPaperlightDb(`bench-export-${++n}`);
const barePuts = await medianAsync(async () => {
  const db = await freshDb();
  const tx = db.transaction('shortlist', 'readwrite');
  await Promise.all(backup.shortlist.map((r) => tx.store.put(r)));
  await tx.done;
  db.close();
});
const applied = await medianAsync(async () => {
  const db = await freshDb();
  await applyImport(db, backup, 'replace');
  db.close();
});
rows.push({
  bench: `import a ${COUNT.toLocaleString('en')}-paper backup: write (fake-indexeddb)`,
  baseline: 'bare puts, one transaction',
  baselineMs: barePuts,
  subject: 'applyImport',
  subjectMs: applied,
  budget: 3,
});
const bib = toBibtex(records);
rows.push({
  bench: `import ${COUNT.toLocaleString('en')} BibTeX entries`,
  baseline: 'JSON.parse of the backup',
  baselineMs: median(() => JSON.parse(backupText), 7),
  subject: 'parseBibtex',
  subjectMs: median(() => parseBibtex(bib), 5),
  budget: 20,
});

report(rows);
// The budget covers the exports and the backup import; the BibTeX import row is for information.
const slow = rows.filter((r) => r.subjectMs > BUDGET_MS && !r.bench.includes('BibTeX entries'));
for (const r of slow) console.error(`over the ${BUDGET_MS} ms budget: ${r.bench} took ${r.subjectMs.toFixed(0)} ms`);
console.log(slow.length ? `${slow.length} step(s) over budget` : `every step under ${BUDGET_MS} ms`);
process.exitCode = slow.length ? 1 : 0;
