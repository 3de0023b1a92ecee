// The learned ranker's speed budget (issue 4): training on 1,000 shortlisted + 10,000 other papers under a second,
// ranking 2,000 papers under 50 ms. Real arXiv papers from ../shared/eval when present, else synthetic ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../lib/scoring/ranker/linear';
import { compileRanker, scorePapers, trainRanker, type RankerDoc } from '../lib/scoring/ranker';
import { median, type Row } from './measure';

const EVAL_PAPERS = join(import.meta.dirname, '../../shared/eval/papers.jsonl');
const POSITIVES = 1000;
const OTHERS = 10_000;
const RANKED = 2000;

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

/** Times training and ranking; rows compare each median with its budget (ratio ≤ 1 is within budget). */
export function runRankerBench(): Row[] {
  const { papers, source } = loadPapers(POSITIVES + OTHERS + RANKED);
  const set = { positives: papers.slice(0, POSITIVES), unlabeled: papers.slice(POSITIVES, POSITIVES + OTHERS) };
  const ranked = papers.slice(POSITIVES + OTHERS);
  const model = trainRanker(set);
  if (!model) throw new Error('the ranker stayed silent with 1,000 positives');
  const train = median(() => trainRanker(set), 5, 1);
  // A fresh model reads every spelling for the first time; later pages reuse what it looked up.
  const rank = median(() => scorePapers(compileRanker(model), ranked), 15, 3);
  const compiled = compileRanker(model);
  const rankAgain = median(() => scorePapers(compiled, ranked), 15, 3);
  const size = JSON.stringify(model).length;
  console.log(`ranker (${source}): model of ${model.terms.length} features, ${(size / 1024).toFixed(0)} KiB as JSON`);
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
  report(runRankerBench());
}
