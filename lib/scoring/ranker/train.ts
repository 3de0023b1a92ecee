import { trainSvm, type LinearModel } from './linear';
import { linearScore, type RankerModel, type Unknown } from './model';
import { DEFAULT_RANKER_SETTINGS, type RankerSettings } from './settings';
import {
  countCorpus,
  documentFrequencies,
  dotRow,
  selectColumns,
  TermTable,
  tfidfRows,
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

/** Fits the SVM with both classes weighing the same in total (a shortlist of 5 against 3,000 seen papers). */
function fitBalanced(rows: SparseRows, labels: Int8Array, weights: Float64Array, s: RankerSettings): LinearModel {
  let positive = 0;
  let negative = 0;
  labels.forEach((y, i) => {
    if (y > 0) positive += weights[i]!;
    else negative += weights[i]!;
  });
  const total = positive + negative;
  const balanced = Float64Array.from(weights, (w, i) => {
    const classTotal = labels[i]! > 0 ? positive : negative;
    return classTotal > 0 ? (w * total) / (2 * classTotal) : w;
  });
  return trainSvm(rows, labels, balanced, { c: s.svmC, epochs: s.svmEpochs, tolerance: s.svmTolerance, seed: s.seed });
}

const round = (x: number) => Number(x.toPrecision(6));

/** The columns of the `count` largest non-zero weights by magnitude (the lower column first among equals). */
export function strongest(weights: Float64Array, count: number): number[] {
  const columns: number[] = [];
  for (let c = 0; c < weights.length; c++) if (weights[c] !== 0) columns.push(c);
  if (columns.length <= count) return columns;
  const magnitudes = Float64Array.from(columns, (c) => Math.abs(weights[c]!)).sort();
  const threshold = magnitudes[magnitudes.length - count]!;
  let ties = count;
  for (const m of magnitudes) if (m > threshold) ties--;
  return columns.filter((c) => {
    const m = Math.abs(weights[c]!);
    return m > threshold || (m === threshold && ties-- > 0);
  });
}

/** Keeps the strongest features and what scoring needs of them: the persisted model. */
function compact(
  fit: LinearModel,
  table: TermTable,
  columns: Columns,
  counts: readonly TermCounts[],
  unlabeled: readonly number[],
  sizes: RankerModel['trainedOn'],
  s: RankerSettings,
): RankerModel {
  const { weights } = fit;
  const keptColumns = strongest(weights, s.keptFeatures);
  const featureOfColumn = new Int32Array(weights.length).fill(-1);
  keptColumns.forEach((c, f) => (featureOfColumn[c] = f));

  // Terms that are not kept count in a paper's norm with one IDF per kind (word, pair): the root mean square over
  // the training papers' occurrences (the terms too rare or too common to be features count as zero).
  const squares = [0, 0];
  const occurrences = [0, 0];
  for (const doc of counts) {
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
  const terms = keptColumns.map((c) => table.name(columns.termOf[c]!));
  const model: RankerModel = {
    version: 1,
    analyzer: {
      bigrams: s.bigrams,
      authors: s.authors,
      stem: s.stem,
      titleRepeat: s.titleRepeat,
      sublinearTf: s.sublinearTf,
    },
    terms,
    labels: keptColumns.map((c, f) => {
      const label = table.label(columns.termOf[c]!);
      return label === terms[f] ? '' : label;
    }),
    weights: keptColumns.map((c) => round(weights[c]!)),
    idf: keptColumns.map((c) => round(columns.idf[c]!)),
    defaultIdf: { word: meanIdf(0), bigram: meanIdf(1) },
    bias: round(fit.bias),
    quantiles: [],
    trainedOn: sizes,
  };

  // Percentiles are relative to what the user saw, each paper scored exactly as a new paper will be.
  const scores = Float64Array.from(unlabeled, (r) => {
    const { features, values, unknown } = keptFeatures(counts[r]!, columns, featureOfColumn, table);
    return linearScore(model, features, values, features.length, unknown);
  }).sort();
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
  const s: RankerSettings = { ...DEFAULT_RANKER_SETTINGS, ...overrides };
  const negatives = set.negatives ?? [];
  const unlabeled = set.unlabeled ?? [];
  if (set.positives.length < s.minPositives) return null;

  const table = new TermTable({ bigrams: s.bigrams, authors: s.authors, stem: s.stem, titleRepeat: s.titleRepeat });
  const docs = [...set.positives, ...negatives, ...unlabeled];
  const minDf = Math.min(s.minDf, Math.max(2, Math.ceil(docs.length / s.minDfPer)));
  const counts = countCorpus(docs, table, minDf);
  const columns = selectColumns(documentFrequencies(counts, table.size), docs.length, { ...s, minDf });
  const rows = tfidfRows(counts, columns, s.sublinearTf);

  const firstUnlabeled = set.positives.length + negatives.length;
  const labels = Int8Array.from(docs, (_, i) => (i < set.positives.length ? POSITIVE : NEGATIVE));
  const weights = Float64Array.from(docs, (_, i) =>
    i >= set.positives.length && i < firstUnlabeled ? s.explicitNegativeWeight : 1,
  );
  let fit = fitBalanced(rows, labels, weights, s);

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
    }
    leaning.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const r of leaning.slice(0, pseudo)) {
      labels[r] = POSITIVE;
      weights[r] = s.pseudoWeight;
    }
    if (leaning.length > 0) fit = fitBalanced(rows, labels, weights, s);
  }

  // Percentiles are taken among the unlabeled papers; with none, among all (the shortlist, the thumbs-down).
  const scale = unlabeled.length ? Array.from(unlabeled, (_, k) => firstUnlabeled + k) : Array.from(docs.keys());
  const sizes = { positives: set.positives.length, negatives: negatives.length, unlabeled: unlabeled.length };
  return compact(fit, table, columns, counts, scale, sizes, s);
}
