import { trainSvm, type LinearModel } from './linear';
import type { RankerModel } from './model';
import { linearScore } from './model';
import { DEFAULT_RANKER_SETTINGS, type RankerSettings } from './settings';
import {
  countTerms,
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
  return trainSvm(rows, labels, balanced, { c: s.svmC, epochs: s.svmEpochs, seed: s.seed });
}

const round = (x: number) => Number(x.toPrecision(6));

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
  const order = Array.from(weights.keys()).filter((c) => weights[c] !== 0);
  order.sort((a, b) => Math.abs(weights[b]!) - Math.abs(weights[a]!) || a - b);
  const keptColumns = order.slice(0, s.keptFeatures).sort((a, b) => a - b);
  const featureOfColumn = new Int32Array(weights.length).fill(-1);
  keptColumns.forEach((c, f) => (featureOfColumn[c] = f));

  // Terms that are not kept count in a paper's norm with one IDF per kind (word, pair): the root mean square over
  // the training papers' occurrences (the terms too rare or too common to be features count as zero).
  const squares = [0, 0];
  const occurrences = [0, 0];
  for (const doc of counts) {
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

  // Percentiles are relative to what the user saw, scored exactly as a new paper will be.
  const scores = unlabeled.map((r) => {
    const doc = counts[r]!;
    const features: number[] = [];
    const values: number[] = [];
    const unknown = { words: 0, bigrams: 0 };
    for (let i = 0; i < doc.terms.length; i++) {
      const c = columns.columnOf[doc.terms[i]!]!;
      const f = c >= 0 ? featureOfColumn[c]! : -1;
      if (f >= 0) {
        features.push(f);
        values.push(doc.counts[i]!);
      } else if (table.isBigram(doc.terms[i]!)) unknown.bigrams += doc.counts[i]!;
      else unknown.words += doc.counts[i]!;
    }
    return linearScore(model, features, values, unknown);
  });
  scores.sort((a, b) => a - b);
  model.quantiles = Array.from({ length: QUANTILES }, (_, q) =>
    scores.length ? round(scores[Math.round((q * (scores.length - 1)) / (QUANTILES - 1))]!) : q,
  );
  return model;
}

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
  const counts = docs.map((doc) => countTerms(doc, table));
  const columns = selectColumns(documentFrequencies(counts, table.size), docs.length, s);
  const rows = tfidfRows(counts, columns, s.sublinearTf);

  const firstUnlabeled = set.positives.length + negatives.length;
  const labels = Int8Array.from(docs, (_, i) => (i < set.positives.length ? POSITIVE : NEGATIVE));
  const weights = Float64Array.from(docs, (_, i) =>
    i >= set.positives.length && i < firstUnlabeled ? s.explicitNegativeWeight : 1,
  );
  let fit = fitBalanced(rows, labels, weights, s);

  if (s.pseudoPositives > 0 && unlabeled.length > 0) {
    const ranked = Array.from(unlabeled, (_, k) => firstUnlabeled + k);
    const scores = new Float64Array(docs.length);
    for (const r of ranked) scores[r] = dotRow(rows, r, fit.weights);
    ranked.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const r of ranked.slice(0, s.pseudoPositives)) {
      labels[r] = POSITIVE;
      weights[r] = s.pseudoWeight;
    }
    fit = fitBalanced(rows, labels, weights, s);
  }

  const unlabeledRows = Array.from(unlabeled, (_, k) => firstUnlabeled + k);
  return compact(fit, table, columns, counts, unlabeledRows.length ? unlabeledRows : Array.from(docs.keys()), {
    positives: set.positives.length,
    negatives: negatives.length,
    unlabeled: unlabeled.length,
  }, s);
}
