import { trainSvmSteps, type LinearModel } from './linear';
import { linearScore, type RankerModel, type Unknown } from './model';
import { DEFAULT_RANKER_SETTINGS, type RankerSettings } from './settings';
import { ROWS_PER_STEP, runInSlices, runSteps, type SliceOptions, type Steps } from './steps';
import {
  countCorpusSteps,
  documentFrequenciesSteps,
  dotRow,
  selectColumnsSteps,
  TermTable,
  tfidfRowsSteps,
  termWeight,
  type Columns,
  type RankerDoc,
  type SparseRows,
  type TermCounts,
} from './vectorize';

/** What the ranker learns from: the shortlist, thumbs-down, and everything else the user has seen. */
export interface RankerTrainingSet {
  /** Shortlisted papers. */
  positives: readonly RankerDoc[];
  /** Papers the user gave a thumbs-down. */
  negatives?: readonly RankerDoc[];
  /** Papers seen but not saved (and any other papers known, e.g. the page being ranked): weak negatives. */
  unlabeled?: readonly RankerDoc[];
}

const POSITIVE = 1;
const NEGATIVE = -1;

/** Steps that fit the SVM with both classes weighing the same in total (a shortlist of 5 against 3,000 seen papers). */
function fitBalanced(
  rows: SparseRows,
  labels: Int8Array,
  weights: Float64Array,
  s: RankerSettings,
): Steps<LinearModel> {
  let positive = 0;
  let negative = 0;
  labels.forEach((y, i) => {
    if (y > 0) positive += weights[i]!;
    else negative += weights[i]!;
  });
  const total = positive + negative;
  const balanced = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const classTotal = labels[i]! > 0 ? positive : negative;
    balanced[i] = classTotal > 0 ? (weights[i]! * total) / (2 * classTotal) : weights[i]!;
  }
  return trainSvmSteps(rows, labels, balanced, {
    c: s.svmC,
    epochs: s.svmEpochs,
    tolerance: s.svmTolerance,
    seed: s.seed,
  });
}

const round = (x: number) => Number(x.toPrecision(6));

/** The columns of the `count` largest non-zero weights by magnitude (the lower column first among equals). */
export function strongest(weights: Float64Array, count: number): number[] {
  const columns: number[] = [];
  for (let c = 0; c < weights.length; c++) if (weights[c] !== 0) columns.push(c);
  if (columns.length <= count) return columns;
  // Loops rather than `Float64Array.from(columns, …)` and `filter`: tens of thousands of columns.
  const magnitudes = new Float64Array(columns.length);
  for (let i = 0; i < columns.length; i++) magnitudes[i] = Math.abs(weights[columns[i]!]!);
  const threshold = kthSmallest(magnitudes, magnitudes.length - count);
  let ties = count;
  for (const m of magnitudes) if (m > threshold) ties--;
  const kept: number[] = [];
  for (const c of columns) {
    const m = Math.abs(weights[c]!);
    if (m > threshold || (m === threshold && ties-- > 0)) kept.push(c);
  }
  return kept;
}

/**
 * The `k`-th smallest value of `a` (from 0), as `a.sort()[k]` but in linear time (tens of thousands of weights):
 * quickselect with a median-of-three pivot, sorting what is left if it goes badly. Reorders `a`.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  for (let rounds = 2 * Math.log2(a.length) + 8; hi > lo; rounds--) {
    if (rounds <= 0) {
      a.subarray(lo, hi + 1).sort();
      break;
    }
    // Hoare partition around the median of the first, middle and last values.
    const mid = (lo + hi) >> 1;
    const [x, y, z] = [a[lo]!, a[mid]!, a[hi]!];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Keeps the strongest features and what scoring needs of them: the persisted model. */
function* compact(
  fit: LinearModel,
  table: TermTable,
  columns: Columns,
  counts: readonly TermCounts[],
  unlabeled: readonly number[],
  sizes: RankerModel['trainedOn'],
  s: RankerSettings,
): Steps<RankerModel> {
  const { weights } = fit;
  // Choosing the features takes a millisecond or two: a step of its own.
  yield;
  const keptColumns = strongest(weights, s.keptFeatures);
  yield;
  const featureOfColumn = new Int32Array(weights.length).fill(-1);
  keptColumns.forEach((c, f) => (featureOfColumn[c] = f));

  // Terms that are not kept count in a paper's norm with one IDF per kind (word, pair): the root mean square over
  // the training papers' occurrences (the terms too rare or too common to be features count as zero).
  const squares = [0, 0];
  const occurrences = [0, 0];
  for (let r = 0; r < counts.length; r++) {
    if (r % ROWS_PER_STEP === 0) yield;
    const doc = counts[r]!;
    occurrences[1]! += doc.rareBigrams;
    for (let i = 0; i < doc.terms.length; i++) {
      const c = columns.columnOf[doc.terms[i]!]!;
      if (c >= 0 && featureOfColumn[c]! >= 0) continue;
      const kind = table.isBigram(doc.terms[i]!) ? 1 : 0;
      occurrences[kind]! += doc.counts[i]!;
      if (c >= 0) squares[kind]! += (termWeight(doc.counts[i]!, s.sublinearTf) * columns.idf[c]!) ** 2;
    }
  }
  const meanIdf = (kind: number) => round(occurrences[kind]! > 0 ? Math.sqrt(squares[kind]! / occurrences[kind]!) : 0);
  const model: RankerModel = {
    version: 1,
    analyzer: {
      bigrams: s.bigrams,
      authors: s.authors,
      stem: s.stem,
      titleRepeat: s.titleRepeat,
      sublinearTf: s.sublinearTf,
    },
    terms: [],
    labels: [],
    weights: [],
    idf: [],
    defaultIdf: { word: meanIdf(0), bigram: meanIdf(1) },
    bias: round(fit.bias),
    quantiles: [],
    trainedOn: sizes,
  };
  for (let f = 0; f < keptColumns.length; f++) {
    // Rounding goes through a string (toPrecision): a few thousand of them take milliseconds.
    if (f % ROWS_PER_STEP === 0) yield;
    const c = keptColumns[f]!;
    const term = table.name(columns.termOf[c]!);
    const label = table.label(columns.termOf[c]!);
    model.terms.push(term);
    model.labels.push(label === term ? '' : label);
    model.weights.push(round(weights[c]!));
    model.idf.push(round(columns.idf[c]!));
  }

  // Percentiles are relative to what the user saw, each paper scored exactly as a new paper will be.
  const scores = new Float64Array(unlabeled.length);
  for (let k = 0; k < unlabeled.length; k++) {
    if (k % ROWS_PER_STEP === 0) yield;
    const { features, values, unknown } = keptFeatures(counts[unlabeled[k]!]!, columns, featureOfColumn, table);
    scores[k] = linearScore(model, features, values, features.length, unknown);
  }
  scores.sort();
  model.quantiles = Array.from({ length: QUANTILES }, (_, q) =>
    round(scores[Math.round((q * (scores.length - 1)) / (QUANTILES - 1))]!),
  );
  return model;
}

/** A counted paper as the compact model sees it: its kept features, and how many other terms it has. */
function keptFeatures(doc: TermCounts, columns: Columns, featureOfColumn: Int32Array, table: TermTable) {
  const features: number[] = [];
  const values: number[] = [];
  const unknown: Unknown = { words: 0, bigrams: doc.rareBigrams };
  for (let i = 0; i < doc.terms.length; i++) {
    const c = columns.columnOf[doc.terms[i]!]!;
    const f = c >= 0 ? featureOfColumn[c]! : -1;
    if (f >= 0) {
      features.push(f);
      values.push(doc.counts[i]!);
    } else if (table.isBigram(doc.terms[i]!)) unknown.bigrams += doc.counts[i]!;
    else unknown.words += doc.counts[i]!;
  }
  return { features, values, unknown };
}

/** Scores at every percent: the model's scale for a 0–100 percentile. */
const QUANTILES = 101;

/**
 * Trains the "more like my shortlist" model: TF-IDF of title, abstract and authors (words and word pairs), a
 * class-balanced linear SVM of the shortlist against everything else seen, refitted once with the most similar
 * unlabeled papers as weak positives. Returns null (the ranker stays silent) with too few shortlisted papers.
 */
export function trainRanker(set: RankerTrainingSet, overrides: Partial<RankerSettings> = {}): RankerModel | null {
  return runSteps(trainRankerSteps(set, overrides));
}

/**
 * `trainRanker` in slices that give the event loop back every few milliseconds (`SliceOptions`): the background
 * answers messages while it trains. The same code as `trainRanker`, so the same model to the bit; rejects with the
 * signal's reason when `options.signal` aborts.
 */
export function trainRankerInSlices(
  set: RankerTrainingSet,
  overrides: Partial<RankerSettings> = {},
  options: SliceOptions = {},
): Promise<RankerModel | null> {
  return runInSlices(trainRankerSteps(set, overrides), options);
}

/** The training, yielding between pieces of work of a millisecond or two. */
function* trainRankerSteps(set: RankerTrainingSet, overrides: Partial<RankerSettings>): Steps<RankerModel | null> {
  const s: RankerSettings = { ...DEFAULT_RANKER_SETTINGS, ...overrides };
  const negatives = set.negatives ?? [];
  const unlabeled = set.unlabeled ?? [];
  if (set.positives.length < s.minPositives) return null;

  const table = new TermTable({ bigrams: s.bigrams, authors: s.authors, stem: s.stem, titleRepeat: s.titleRepeat });
  const docs = [...set.positives, ...negatives, ...unlabeled];
  const minDf = Math.min(s.minDf, Math.max(2, Math.ceil(docs.length / s.minDfPer)));
  const counts = yield* countCorpusSteps(docs, table, minDf);
  const df = yield* documentFrequenciesSteps(counts, table.size);
  const columns = yield* selectColumnsSteps(df, docs.length, { ...s, minDf });
  const rows = yield* tfidfRowsSteps(counts, columns, s.sublinearTf);

  const firstUnlabeled = set.positives.length + negatives.length;
  const labels = new Int8Array(docs.length).fill(NEGATIVE).fill(POSITIVE, 0, set.positives.length);
  const weights = new Float64Array(docs.length)
    .fill(1)
    .fill(s.explicitNegativeWeight, set.positives.length, firstUnlabeled);
  let fit = yield* fitBalanced(rows, labels, weights, s);

  // Pseudo-relevance feedback: the unlabeled papers the first fit likes best become weak positives, refitted once.
  // Only papers whose words lean towards the shortlist (w · x > 0) qualify: a shortlist with nothing to learn
  // from must not promote arbitrary papers.
  const pseudo = Math.floor(s.pseudoPositiveShare * unlabeled.length);
  if (pseudo > 0) {
    const scores = new Float64Array(docs.length);
    const leaning: number[] = [];
    for (let r = firstUnlabeled; r < docs.length; r++) {
      scores[r] = dotRow(rows, r, fit.weights);
      if (scores[r]! > 0) leaning.push(r);
      if ((r + 1) % ROWS_PER_STEP === 0) yield;
    }
    leaning.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const r of leaning.slice(0, pseudo)) {
      labels[r] = POSITIVE;
      weights[r] = s.pseudoWeight;
    }
    if (leaning.length > 0) fit = yield* fitBalanced(rows, labels, weights, s);
  }

  // Percentiles are taken among the unlabeled papers; with none, among all (the shortlist, the thumbs-down).
  const scale = unlabeled.length ? Array.from(unlabeled, (_, k) => firstUnlabeled + k) : Array.from(docs.keys());
  const sizes = { positives: set.positives.length, negatives: negatives.length, unlabeled: unlabeled.length };
  return yield* compact(fit, table, columns, counts, scale, sizes, s);
}
