// `npm run bench`: each number is reported next to a baseline measured in the same run, as a ratio.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileInterests, queryTerms, scorePaper } from '../lib/scoring/keyword-scorer';
import type { Interest } from '../lib/schema/interest';
import { arxiv } from '../lib/sites/arxiv';
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

// Scoring: 2,000 papers against 50 interests, next to a naive `includes` over lower-cased text.
const papers = arxiv
  .detect(parseCapture(bigArxivListing(2000), 'https://arxiv.org/list/cs.CL/pastweek'), new URL('https://arxiv.org/'))
  .map((e) => e.paper);
const WORDS = [
  'agent',
  'reasoning',
  'diffusion',
  'reward model',
  'retrieval',
  'benchmark',
  'speech',
  'translation',
  'multilingual',
  'hallucination',
  'alignment',
  'tool use',
  'summarization',
  'knowledge graph',
  'low-resource',
];
const interests: Interest[] = Array.from({ length: 50 }, (_, i) => ({
  id: `i${i}`,
  name: `Interest ${i}`,
  query: [WORDS[i % WORDS.length], WORDS[(i * 7 + 3) % WORDS.length], `term${i}`].join(', '),
  color: '#7c3aed',
  weight: 1,
  enabled: true,
}));
const naiveTerms = interests.map((i) => queryTerms(i.query).map((t) => t.toLowerCase()));
const naive = median(() => {
  let hits = 0;
  for (const p of papers) {
    const text = `${p.title} ${p.abstract ?? ''}`.toLowerCase();
    for (const terms of naiveTerms) for (const t of terms) if (text.includes(t)) hits++;
  }
  return hits;
});
const compiled = compileInterests(interests);
const scored = median(() => papers.map((p) => scorePaper(p, compiled)));
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
