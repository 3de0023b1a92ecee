import { z } from '../../schema/zod';
import { PairMap } from './pair-map';
import { DEFAULT_RANKER_SETTINGS, type RankerSettings } from './settings';
import { authorKey, foldText, stem, STOP_WORDS, WORD_PATTERN } from './tokenize';
import { termWeight, type RankerDoc } from './vectorize';

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
    /** Feature keys: a stemmed word ("model"), two words ("reward model"), or an author (`@lecun y`). */
    terms: z.array(z.string().min(1).max(200)),
    /** How each feature is shown to the reader ("reward models", "Yann LeCun"); '' when the key reads well. */
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

const STOP = -2;
const UNKNOWN = -1;

/** A model with its lookup tables built, ready to score many papers; build once per model. */
export interface CompiledRanker {
  model: RankerModel;
  /** Word (or author key) → word index, for every word that appears in a feature. */
  words: Map<string, number>;
  /** Word index → its unigram feature, or -1. */
  unigram: Int32Array;
  /** Pair of word indices → bigram feature. */
  bigrams: PairMap;
  /** Spellings already looked up: raw word → word index, UNKNOWN or STOP (bounded, see SPELLING_CACHE_LIMIT). */
  spellings: Map<string, number>;
  /** Per-feature scratch counts, zeroed after every paper. */
  counts: Float64Array;
}

// A long-lived background worker scores new pages for weeks; forget spellings now and then.
const SPELLING_CACHE_LIMIT = 200_000;

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
  const split = model.terms.map((term) => (term.startsWith('@') ? [term] : term.split(' ')));
  for (const parts of split) for (const part of parts) wordIndex(part);
  const unigram = new Int32Array(words.size).fill(-1);
  const bigrams = new PairMap(model.terms.length);
  split.forEach((parts, f) => {
    if (parts.length === 1) unigram[words.get(parts[0]!)!] = f;
    else bigrams.getOrAdd(words.get(parts[0]!)!, words.get(parts[1]!)!, f);
  });
  return {
    model,
    words,
    unigram,
    bigrams,
    spellings: new Map(),
    counts: new Float64Array(model.terms.length),
  };
}

function lookUp(ranker: CompiledRanker, raw: string): number {
  let id = ranker.spellings.get(raw);
  if (id === undefined) {
    if (ranker.spellings.size >= SPELLING_CACHE_LIMIT) ranker.spellings.clear();
    id = STOP_WORDS.has(raw) ? STOP : (ranker.words.get(ranker.model.analyzer.stem ? stem(raw) : raw) ?? UNKNOWN);
    ranker.spellings.set(raw, id);
  }
  return id;
}

/** Occurrences of words and of word pairs that are not kept features. */
export interface Unknown {
  words: number;
  bigrams: number;
}

/**
 * Counts a paper's kept features into `ranker.counts` (listing them in `touched`) and the occurrences of other
 * terms: the same reading as training (`countTerms`), without numbering new terms.
 */
function countFeatures(ranker: CompiledRanker, doc: RankerDoc, touched: number[]): Unknown {
  const { analyzer } = ranker.model;
  const { counts, unigram, bigrams } = ranker;
  const unknown: Unknown = { words: 0, bigrams: 0 };
  const add = (f: number, pair = false) => {
    if (f < 0) {
      if (pair) unknown.bigrams++;
      else unknown.words++;
      return;
    }
    if (counts[f] === 0) touched.push(f);
    counts[f]!++;
  };
  const read = (text: string, repeat: number) => {
    const raw = foldText(text).match(WORD_PATTERN);
    if (!raw) return;
    for (let r = 0; r < repeat; r++) {
      let previous = STOP;
      for (const word of raw) {
        const id = lookUp(ranker, word);
        if (id === STOP) continue;
        add(id >= 0 ? unigram[id]! : -1);
        if (analyzer.bigrams && previous !== STOP) add(previous >= 0 && id >= 0 ? bigrams.get(previous, id) : -1, true);
        previous = id;
      }
    }
  };
  read(doc.title, analyzer.titleRepeat);
  if (doc.abstract) read(doc.abstract, 1);
  if (analyzer.authors && doc.authors) {
    for (const author of doc.authors) {
      const key = authorKey(author);
      if (!key) continue;
      const id = ranker.words.get(key);
      add(id === undefined ? -1 : unigram[id]!);
    }
  }
  return unknown;
}

/**
 * The model's score of a paper from its feature counts: cosine-normalised TF-IDF, where every term that is not a
 * kept feature counts once with the model's default IDF (so long abstracts are not favoured).
 */
export function linearScore(
  model: Pick<RankerModel, 'weights' | 'idf' | 'defaultIdf' | 'bias' | 'analyzer'>,
  features: ArrayLike<number>,
  counts: ArrayLike<number>,
  unknown: Unknown,
  contributions?: number[],
): number {
  let norm = unknown.words * model.defaultIdf.word ** 2 + unknown.bigrams * model.defaultIdf.bigram ** 2;
  let dot = 0;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const v = termWeight(counts[i]!, model.analyzer.sublinearTf) * model.idf[f]!;
    norm += v * v;
    dot += v * model.weights[f]!;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  if (contributions) {
    for (let i = 0; i < features.length; i++) {
      const f = features[i]!;
      contributions.push(termWeight(counts[i]!, model.analyzer.sublinearTf) * model.idf[f]! * model.weights[f]! * inv);
    }
  }
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
  const { model, counts } = ranker;
  const touched: number[] = [];
  const unknown = countFeatures(ranker, doc, touched);
  const values = touched.map((f) => counts[f]!);
  for (const f of touched) counts[f] = 0;
  const contributions: number[] = [];
  const score = linearScore(model, touched, values, unknown, contributions);
  const order = touched.map((_, i) => i).filter((i) => contributions[i]! > 0);
  order.sort((a, b) => contributions[b]! - contributions[a]! || touched[a]! - touched[b]!);
  const strongest = order.length ? contributions[order[0]!]! : 0;
  const reasons = order
    .filter((i) => contributions[i]! >= settings.minReasonShare * strongest)
    .slice(0, settings.reasons)
    .map((i) => {
      const f = touched[i]!;
      return { term: model.labels[f] || model.terms[f]!, contribution: contributions[i]! };
    });
  return { score, percentile: percentileOf(model.quantiles, score), reasons };
}

/** Scores many papers with one model (compile the model once, outside the loop). */
export function scorePapers(
  ranker: CompiledRanker,
  docs: readonly RankerDoc[],
  settings: ExplainSettings = DEFAULT_RANKER_SETTINGS,
): RankerScore[] {
  return docs.map((doc) => scorePaper(ranker, doc, settings));
}
