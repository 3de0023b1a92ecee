// `npm run bench`: each number is reported next to a baseline measured in the same run, as a ratio.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileInterests, scorePaper } from '../lib/scoring/score';
import type { PaperEntry } from '../lib/schema/paper';
import { BENCH_QUERIES, benchPapers, runQueryBench } from './query';
import type { Interest } from '../lib/schema/interest';
import { findAdapter } from '../lib/sites/find-adapter';
import { runBrowserDetectBench } from './detect-browser';
import { median, report, type Row } from './measure';
import { bigArxivListing, bigHfDaily, parseCapture } from './pages';

const rows: Row[] = [];

// Detection: the floor is finding the entry roots and reading each one's text, the least any detector does.
const DETECT_CASES = [
  {
    name: 'arXiv listing, 2,000 entries',
    html: bigArxivListing(2000),
    url: 'https://arxiv.org/list/cs.CL/pastweek?show=2000',
    rootSelector: 'dl#articles > dd',
    expected: 2000,
  },
  {
    name: 'HF daily, 504 entries',
    html: bigHfDaily(500),
    url: 'https://huggingface.co/papers',
    rootSelector: 'article',
    expected: 504,
  },
];
for (const c of DETECT_CASES) {
  const doc = parseCapture(c.html, c.url);
  const adapter = findAdapter(c.url);
  if (!adapter) throw new Error(`${c.name}: no adapter for ${c.url}`);
  const found = adapter.detect(doc, new URL(c.url)).length;
  if (found !== c.expected) throw new Error(`${c.name}: detect() found ${found}, expected ${c.expected}`);
  const floor = median(() => {
    let chars = 0;
    for (const root of Array.from(doc.querySelectorAll(c.rootSelector))) chars += root.textContent?.length ?? 0;
    return chars;
  });
  const detect = median(() => adapter.detect(doc, new URL(c.url)));
  rows.push({
    bench: `detect (happy-dom): ${c.name}`,
    baseline: 'qSA + textContent',
    baselineMs: floor,
    subject: 'detect()',
    subjectMs: detect,
    budget: 2,
  });
}
rows.push(...(await runBrowserDetectBench(DETECT_CASES)));

// Scoring: 2,000 papers × 50 interests — the query matcher, then the whole scorer (points, reasons, spans),
// each next to a naive `includes` over the lower-cased text of every interest's terms.
rows.push(...runQueryBench());
const papers = benchPapers().map((p, i) => ({ ...p, id: `bench-${i}`, source: 'bench', url: '' }) as PaperEntry);
const interests: Interest[] = BENCH_QUERIES.map((query, i) => ({
  id: `i${i}`,
  name: `Interest ${i}`,
  query,
  color: '#7c3aed',
  weight: 1,
  enabled: true,
}));
const naiveTerms = BENCH_QUERIES.map((q) => q.toLowerCase().match(/[a-z][a-z-]+/g) ?? []);
const naive = median(() => {
  let hits = 0;
  for (const p of papers) {
    const text = `${p.title} ${p.abstract ?? ''}`.toLowerCase();
    for (const terms of naiveTerms) for (const t of terms) if (text.includes(t)) hits++;
  }
  return hits;
}, 7);
const compiled = compileInterests(interests);
const scored = median(() => papers.map((p) => scorePaper(p, compiled)), 7);
rows.push({
  bench: 'score: 2,000 papers × 50 interests',
  baseline: 'naive includes',
  baselineMs: naive,
  subject: 'scorePaper()',
  subjectMs: scored,
  budget: 1,
});

report(rows);
const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
console.log(`Wrote ${join(out, 'latest.json')}`);

// Each in a process of its own, so that one bench's heap (the 2,000-entry pages above hold hundreds of MB) does
// not slow the next one's garbage collection: the learned ranker (#4), the shortlist's export and import (#7) as
// pure functions and in the real extension, the on-page annotation in real Chromium (#5), and the shortlist view's
// first paint and search with 10,000 papers.
const separate = [
  ['ranker-only.ts'],
  ['export.ts'],
  ['shortlist-browser.ts'],
  ['annotate.ts', '--runs', '5'],
  ['popup-shortlist.ts'],
];
for (const [script, ...args] of separate) {
  console.log(`\n== bench/${script} ${args.join(' ')}`);
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script!), ...args], {
      stdio: 'inherit',
    });
  } catch {
    // Its own report says what was over budget; the next bench still runs.
    process.exitCode = 1;
  }
}
