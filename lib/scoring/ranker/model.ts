import { z } from '../../schema/zod';
import { PairMap } from './pair-map';
import { DEFAULT_RANKER_SETTINGS, type RankerSettings } from './settings';
import { termWeight, type RankerDoc } from './vectorize';
import { STOP, Vocabulary } from './vocabulary';

/** A feature key: one word, or two separated by a space (the words the tokeniser reads, stemmed). */
const TERM = /^[a-z_][a-z0-9_]+( [a-z_][a-z0-9_]+)?$/;

/** The persisted ranker: plain JSON, only the strongest features, each with the IDF it needs. */
export const RankerModelSchema = z
  .object({
    version: z.literal(1),
    /** How papers are read; scoring must read them the same way as training did. */
    analyzer: z.object({
      bigrams: z.boolean(),
      authors: z.boolean(),
      stem: z.boolean(),
      titleRepeat: z.number().int().min(1).max(10),
      sublinearTf: z.boolean(),
    }),
    /** Feature keys: a stemmed word ("model") or two ("reward model"; an author is their first and last name). */
    terms: z.array(z.string().max(200).regex(TERM)),
    /** How each feature is shown to the reader ("analysis" for the key "analysi"); '' when the key reads well. */
    labels: z.array(z.string().max(300)),
    weights: z.array(z.number()),
    idf: z.array(z.number().positive()),
    /**
     * IDF assumed for a word (resp. a pair of words) that is not a kept feature, so that a paper's other words still
     * count in its length: the mean over the training papers.
     */
    defaultIdf: z.object({ word: z.number().nonnegative(), bigram: z.number().nonnegative() }),
    bias: z.number(),
    /** Raw scores of the unlabeled training papers at every percent (0th…100th percentile), ascending. */
    quantiles: z.array(z.number()).min(2),
    trainedOn: z.object({
      positives: z.number().int().nonnegative(),
      negatives: z.number().int().nonnegative(),
      unlabeled: z.number().int().nonnegative(),
    }),
  })
  .refine((m) => m.labels.length === m.terms.length && m.weights.length === m.terms.length, {
    message: 'terms, labels and weights differ in length',
  })
  .refine((m) => m.idf.length === m.terms.length, { message: 'terms and idf differ in length' });
export type RankerModel = z.infer<typeof RankerModelSchema>;

/** A word that pushed a paper's score up, with how much it added. */
export interface RankerReason {
  term: string;
  contribution: number;
}

/** The ranker's verdict on one paper. */
export interface RankerScore {
  /** The linear model's raw output: only comparable between papers scored by the same model. */
  score: number;
  /** Share of the papers the user saw (but did not save) that score lower, 0–100. */
  percentile: number;
  /** The words and authors that pushed the score up most, strongest first. */
  reasons: RankerReason[];
}

/** A model with its lookup tables built, ready to score many papers; build once per model. */
export interface CompiledRanker {
  model: RankerModel;
  /** Reads a text as word indices (every word that appears in a feature has one), UNKNOWN or STOP. */
  vocabulary: Vocabulary;
  /** Word index → its unigram feature, or -1. */
  unigram: Int32Array;
  /** Pair of word indices → bigram feature. */
  bigrams: PairMap;
  /**
   * Word index → whether it begins (FIRST) and ends (SECOND) some bigram feature: most pairs of words read are
   * neither, and need no lookup in `bigrams`.
   */
  pairing: Uint8Array;
  /** Per-feature scratch counts, zeroed after every paper. */
  counts: Float64Array;
  /** Per-paper scratch: the paper's features in reading order, with their counts and contributions. */
  features: Int32Array;
  values: Float64Array;
  contributions: Float64Array;
}

const FIRST = 1;
const SECOND = 2;

/** Builds the lookup tables of a model (validated by the caller, e.g. with `RankerModelSchema`). */
export function compileRanker(model: RankerModel): CompiledRanker {
  const words = new Map<string, number>();
  const wordIndex = (w: string) => {
    let i = words.get(w);
    if (i === undefined) {
      i = words.size;
      words.set(w, i);
    }
    return i;
  };
  const split = model.terms.map((term) => term.split(' '));
  for (const parts of split) for (const part of parts) wordIndex(part);
  const unigram = new Int32Array(words.size).fill(-1);
  const bigrams = new PairMap(model.terms.length);
  const pairing = new Uint8Array(words.size);
  split.forEach((parts, f) => {
    if (parts.length === 1) unigram[words.get(parts[0]!)!] = f;
    else {
      const [first, second] = [words.get(parts[0]!)!, words.get(parts[1]!)!];
      bigrams.getOrAdd(first, second, f);
      pairing[first]! |= FIRST;
      pairing[second]! |= SECOND;
    }
  });
  const size = model.terms.length;
  return {
    model,
    vocabulary: new Vocabulary([...words.keys()], model.analyzer.stem),
    unigram,
    bigrams,
    pairing,
    counts: new Float64Array(size),
    features: new Int32Array(size),
    values: new Float64Array(size),
    contributions: new Float64Array(size),
  };
}

/** Occurrences of words and of word pairs that are not kept features. */
export interface Unknown {
  words: number;
  bigrams: number;
}

/** What reading one paper collects: how many kept features it has (in `ranker.features`), and the other terms. */
interface Reading {
  n: number;
  unknown: Unknown;
}

function addFeature(ranker: CompiledRanker, reading: Reading, f: number): void {
  if (ranker.counts[f] === 0) ranker.features[reading.n++] = f;
  ranker.counts[f]!++;
}

/**
 * Reads the words of a text `repeat` times, each time from `previous` (the word before the text, for a pair across
 * two texts; STOP for none); returns the last word read.
 */
function readText(ranker: CompiledRanker, reading: Reading, text: string, repeat: number, previous = STOP): number {
  const n = ranker.vocabulary.scan(text);
  const { ids } = ranker.vocabulary;
  const { unigram, bigrams, pairing } = ranker;
  const withBigrams = ranker.model.analyzer.bigrams;
  let unknownWords = 0;
  let unknownBigrams = 0;
  let last = previous;
  for (let r = 0; r < repeat; r++) {
    last = previous;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id === STOP) continue;
      const f = id >= 0 ? unigram[id]! : -1;
      if (f >= 0) addFeature(ranker, reading, f);
      else unknownWords++;
      if (withBigrams && last !== STOP) {
        const paired = last >= 0 && id >= 0 && pairing[last]! & FIRST && pairing[id]! & SECOND;
        const g = paired ? bigrams.get(last, id) : -1;
        if (g >= 0) addFeature(ranker, reading, g);
        else unknownBigrams++;
      }
      last = id;
    }
  }
  reading.unknown.words += unknownWords;
  reading.unknown.bigrams += unknownBigrams;
  return last;
}

/** Reads a paper the way training did (`countCorpus`), but only looks up kept features and numbers nothing new. */
function readPaper(ranker: CompiledRanker, doc: RankerDoc): Reading {
  const reading: Reading = { n: 0, unknown: { words: 0, bigrams: 0 } };
  const { analyzer } = ranker.model;
  readText(ranker, reading, doc.title, analyzer.titleRepeat);
  if (doc.abstract) readText(ranker, reading, doc.abstract, 1);
  if (analyzer.authors && doc.authors) {
    // As training reads `authorsText` (the names joined by commas, pairs running across names), one name at a time.
    let previous = STOP;
    for (const author of doc.authors) previous = readText(ranker, reading, author, 1, previous);
  }
  return reading;
}

/**
 * The model's score of a paper from its feature counts: cosine-normalised TF-IDF, where each occurrence of a term
 * that is not a kept feature counts as a term seen once with the model's default IDF (so that the paper's other
 * words still dilute it, as in training). Writes each feature's share of the score into `contributions` if given.
 */
export function linearScore(
  model: Pick<RankerModel, 'weights' | 'idf' | 'defaultIdf' | 'bias' | 'analyzer'>,
  features: ArrayLike<number>,
  counts: ArrayLike<number>,
  n: number,
  unknown: Unknown,
  contributions?: Float64Array,
): number {
  const { weights, idf } = model;
  const sublinear = model.analyzer.sublinearTf;
  let norm = unknown.words * model.defaultIdf.word ** 2 + unknown.bigrams * model.defaultIdf.bigram ** 2;
  let dot = 0;
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    const v = termWeight(counts[i]!, sublinear) * idf[f]!;
    const share = v * weights[f]!;
    norm += v * v;
    dot += share;
    if (contributions) contributions[i] = share;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  if (contributions) for (let i = 0; i < n; i++) contributions[i]! *= inv;
  return model.bias + dot * inv;
}

/** Where a raw score falls among the unlabeled training papers' scores, 0–100 (interpolated). */
export function percentileOf(quantiles: readonly number[], score: number): number {
  const last = quantiles.length - 1;
  if (score <= quantiles[0]!) return 0;
  if (score >= quantiles[last]!) return 100;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (quantiles[mid]! <= score) lo = mid;
    else hi = mid;
  }
  const span = quantiles[hi]! - quantiles[lo]!;
  const within = span > 0 ? (score - quantiles[lo]!) / span : 0;
  return (100 * (lo + within)) / last;
}

type ExplainSettings = Pick<RankerSettings, 'reasons' | 'minReasonShare'>;

/** Scores one paper and explains the score with the features that pushed it up most. */
export function scorePaper(
  ranker: CompiledRanker,
  doc: RankerDoc,
  settings: ExplainSettings = DEFAULT_RANKER_SETTINGS,
): RankerScore {
  const { model, counts, features, values, contributions } = ranker;
  const { n, unknown } = readPaper(ranker, doc);
  for (let i = 0; i < n; i++) {
    values[i] = counts[features[i]!]!;
    counts[features[i]!] = 0;
  }
  const score = linearScore(model, features, values, n, unknown, contributions);
  // The strongest few positive contributions, kept in order by insertion (a paper has a few dozen features).
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    if (contributions[i]! <= 0) continue;
    let at = top.length;
    while (at > 0 && isStronger(i, top[at - 1]!, contributions, features)) at--;
    if (at >= settings.reasons) continue;
    top.splice(at, 0, i);
    if (top.length > settings.reasons) top.pop();
  }
  const strongest = top.length ? contributions[top[0]!]! : 0;
  const reasons = top
    .filter((i) => contributions[i]! >= settings.minReasonShare * strongest)
    .map((i) => ({ term: model.labels[features[i]!] || model.terms[features[i]!]!, contribution: contributions[i]! }));
  return { score, percentile: percentileOf(model.quantiles, score), reasons };
}

function isStronger(a: number, b: number, contributions: Float64Array, features: Int32Array): boolean {
  return (
    contributions[a]! > contributions[b]! || (contributions[a] === contributions[b] && features[a]! < features[b]!)
  );
}

/** Scores many papers with one model (compile the model once, outside the loop). */
export function scorePapers(
  ranker: CompiledRanker,
  docs: readonly RankerDoc[],
  settings: ExplainSettings = DEFAULT_RANKER_SETTINGS,
): RankerScore[] {
  return docs.map((doc) => scorePaper(ranker, doc, settings));
}
