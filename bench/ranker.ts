// The learned ranker's speed budget (issue 4): training on 1,000 shortlisted + 10,000 other papers under a second,
// without blocking the background's messages meanwhile; ranking 2,000 papers under 50 ms. Real arXiv papers from
// ../shared/eval when present, else synthetic ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../lib/scoring/ranker/linear';
import {
  compileRanker,
  scorePapers,
  trainRanker,
  trainRankerInSlices,
  type RankerDoc,
  type RankerTrainingSet,
} from '../lib/scoring/ranker';
import { median, type Row } from './measure';

const EVAL_PAPERS = join(import.meta.dirname, '../../shared/eval/papers.jsonl');
const POSITIVES = 1000;
const OTHERS = 10_000;
const RANKED = 2000;
/** How often the simulated message loop sends a message while the ranker trains in slices. */
const PING_MS = 5;
/** The longest a slice of training may keep the worker busy: a message then waits about that long at most. */
const SLICE_BUDGET_MS = 16;
/** A message may wait this share of what it waited when training ran in one block. */
const WAIT_BUDGET = 0.05;

/** Synthetic papers: words drawn from a Zipf-like vocabulary, a few topic words per paper. */
function syntheticPapers(count: number): RankerDoc[] {
  const random = seededRandom(7);
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, () => ({
    title: text(10),
    abstract: text(170),
    authors: Array.from({ length: 5 }, () => `${word()} ${word()}`),
  }));
}

function loadPapers(count: number): { papers: RankerDoc[]; source: string } {
  if (existsSync(EVAL_PAPERS)) {
    const papers = readFileSync(EVAL_PAPERS, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as RankerDoc);
    if (papers.length >= count) {
      // A seeded shuffle: positives and the rest mix subjects, as a long-time user's papers would.
      const random = seededRandom(11);
      for (let i = papers.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [papers[i], papers[j]] = [papers[j]!, papers[i]!];
      }
      return { papers: papers.slice(0, count), source: 'arXiv papers' };
    }
  }
  return { papers: syntheticPapers(count), source: 'synthetic papers' };
}

interface SlicedRun {
  ms: number;
  longestSlice: number;
  longestWait: number;
  pings: number;
}

/**
 * Trains in slices while a simulated message loop sends a message every PING_MS: how long the training took, its
 * longest slice, and the longest a message waited past its time (the background's latency while it trains).
 */
async function trainWhilePinged(set: RankerTrainingSet): Promise<SlicedRun> {
  let longestSlice = 0;
  let longestWait = 0;
  let pings = 0;
  let due = performance.now() + PING_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    longestWait = Math.max(longestWait, now - due);
    due = now + PING_MS;
    pings++;
  }, PING_MS);
  const t0 = performance.now();
  await trainRankerInSlices(set, {}, { onSlice: (ms) => (longestSlice = Math.max(longestSlice, ms)) });
  const ms = performance.now() - t0;
  clearInterval(timer);
  // A message due while the last slice ran waits for it too.
  longestWait = Math.max(longestWait, performance.now() - due);
  return { ms, longestSlice, longestWait, pings };
}

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times training and ranking; rows compare each median with its budget (ratio ≤ 1 is within budget). */
export async function runRankerBench(): Promise<Row[]> {
  const { papers, source } = loadPapers(POSITIVES + OTHERS + RANKED);
  const set = { positives: papers.slice(0, POSITIVES), unlabeled: papers.slice(POSITIVES, POSITIVES + OTHERS) };
  const ranked = papers.slice(POSITIVES + OTHERS);
  const model = trainRanker(set);
  if (!model) throw new Error('the ranker stayed silent with 1,000 positives');
  // A fresh model includes building its tables (compileRanker), as when a new model arrives.
  const rank = median(() => scorePapers(compileRanker(model), ranked), 15, 3);
  const compiled = compileRanker(model);
  const rankAgain = median(() => scorePapers(compiled, ranked), 15, 3);
  const train = median(() => trainRanker(set), 5, 1);
  const sliced: SlicedRun[] = [];
  for (let run = 0; run < 6; run++) sliced.push(await trainWhilePinged(set));
  sliced.shift(); // warm-up
  const size = JSON.stringify(model).length;
  console.log(`ranker (${source}): model of ${model.terms.length} features, ${(size / 1024).toFixed(0)} KiB as JSON`);
  const worst = (key: keyof SlicedRun) => Math.max(...sliced.map((r) => r[key])).toFixed(1);
  console.log(
    `ranker: training in slices, ${middle(sliced.map((r) => r.pings))} messages answered meanwhile; worst of ` +
      `${sliced.length} runs: longest slice ${worst('longestSlice')} ms, longest wait ${worst('longestWait')} ms`,
  );
  return [
    {
      bench: `ranker: train on ${POSITIVES} + ${OTHERS} ${source}`,
      baseline: 'budget',
      baselineMs: 1000,
      subject: 'trainRanker()',
      subjectMs: train,
      budget: 1,
    },
    {
      bench: `ranker: train in slices, a message every ${PING_MS} ms`,
      baseline: 'budget',
      baselineMs: 1000,
      subject: 'trainRankerInSlices()',
      subjectMs: middle(sliced.map((r) => r.ms)),
      budget: 1,
    },
    {
      bench: 'ranker: longest wait of a message during training',
      baseline: 'trainRanker() in one block',
      baselineMs: train,
      subject: 'in slices',
      subjectMs: middle(sliced.map((r) => r.longestWait)),
      budget: WAIT_BUDGET,
    },
    {
      bench: 'ranker: longest slice of training',
      baseline: 'budget',
      baselineMs: SLICE_BUDGET_MS,
      subject: 'trainRankerInSlices()',
      subjectMs: middle(sliced.map((r) => r.longestSlice)),
      budget: 1,
    },
    {
      bench: `ranker: rank ${RANKED} ${source}, new model`,
      baseline: 'budget',
      baselineMs: 50,
      subject: 'compileRanker() + scorePapers()',
      subjectMs: rank,
      budget: 1,
    },
    {
      bench: `ranker: rank ${RANKED} ${source}, model in use`,
      baseline: 'budget',
      baselineMs: 50,
      subject: 'scorePapers()',
      subjectMs: rankAgain,
      budget: 1,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { report } = await import('./measure');
  report(await runRankerBench());
}
