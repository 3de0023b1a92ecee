/** Every constant of the learned ranker in one place, each with the reason for its value (see bench/eval-ranker.ts). */
export interface RankerSettings {
  /** Below this many shortlisted papers the ranker stays silent rather than guessing. */
  minPositives: number;
  /** Pairs of adjacent words ("reward model") as features besides single words. */
  bigrams: boolean;
  /** Authors' names as words: first and last name, and the two as a pair (the author's feature; see authorsText). */
  authors: boolean;
  /** Fold English plurals ("models" → "model"). */
  stem: boolean;
  /** How many times the words of the title count. */
  titleRepeat: number;
  /**
   * A term must occur in this many papers to become a feature (rarer ones are typos, formulas, one-off names)…
   * but in a small corpus in one paper per `minDfPer` papers, and in 2 at least: a new user's three shortlisted
   * papers may be the only ones that say "rubric".
   */
  minDf: number;
  minDfPer: number;
  /** A term in more than this fraction of the papers is too common to tell subjects apart ("model", "result"). */
  maxDfRatio: number;
  /** Term frequency as 1 + ln(tf): the fifth "graph" in an abstract says little more than the second. */
  sublinearTf: boolean;
  /** Inverse regularisation of the linear SVM: small, so a handful of positives cannot overfit. */
  svmC: number;
  /** Passes of dual coordinate descent at most (it usually converges well before). */
  svmEpochs: number;
  /** Coordinate descent stops when the projected gradient spreads less than this (liblinear's criterion). */
  svmTolerance: number;
  /** Seed of the order in which coordinate descent visits the papers. */
  seed: number;
  /** A thumbs-down counts like this many papers seen but not saved. */
  explicitNegativeWeight: number;
  /**
   * Pseudo-relevance feedback: after a first fit, the unlabeled papers that score highest are probably on the
   * subject too (the user saw them but did not save them all); this share of them become weak positives for a
   * second fit (a share: the more papers seen, the more of them are on the subject).
   */
  pseudoPositiveShare: number;
  /** Weight of each pseudo-positive relative to a shortlisted paper. */
  pseudoWeight: number;
  /** Features kept in the persisted model, by absolute weight. */
  keptFeatures: number;
  /** Words shown as the explanation of a score. */
  reasons: number;
  /** A word is shown only when it pushes the score up by at least this fraction of the strongest one. */
  minReasonShare: number;
}

/**
 * The settings the extension runs with. The comments give the mean average precision on the 60 development tasks
 * of ../shared/eval (all families; 0.548 with these values, 0.484 for the arxiv-sanity-lite reference) when that
 * one value changes: `npm run eval:ranker -- --dir ../shared/eval --set name=value`.
 */
export const DEFAULT_RANKER_SETTINGS: Readonly<RankerSettings> = Object.freeze({
  minPositives: 3,
  bigrams: true, // false: 0.547 (as good, and faster; kept for explanations like "reward model")
  authors: true, // false: 0.548
  stem: true, // false: 0.544
  titleRepeat: 1, // 2: 0.545
  minDf: 5, // 2: 0.546, and slower
  minDfPer: 1000,
  maxDfRatio: 0.5, // 0.1 (the reference's): 0.537; 1: 0.548 (0.5 keeps "model", "result" out of explanations)
  sublinearTf: true,
  svmC: 0.01, // 0.1: 0.524
  svmEpochs: 30,
  svmTolerance: 0.1, // 0.001: same rankings, slower
  seed: 1,
  explicitNegativeWeight: 5, // no thumbs-down in the tasks: see the unit test of its effect
  pseudoPositiveShare: 0.025, // 0 (no feedback): 0.508, and 0.376 instead of 0.460 with 5 shortlisted papers
  pseudoWeight: 0.2, // 0.3: 0.548
  keptFeatures: 5000, // 2000: 0.545; all: 0.549
  reasons: 3,
  minReasonShare: 0.25,
});
