/** Every constant of the learned ranker in one place, each with the reason for its value (see bench/eval-ranker.ts). */
export interface RankerSettings {
  /** Below this many shortlisted papers the ranker stays silent rather than guessing. */
  minPositives: number;
  /** Pairs of adjacent words ("reward model") as features besides single words. */
  bigrams: boolean;
  /** Each author as one feature. */
  authors: boolean;
  /** Fold English plurals ("models" → "model"). */
  stem: boolean;
  /** How many times the words of the title count. */
  titleRepeat: number;
  /** A term must occur in this many papers to become a feature (rarer ones are typos, formulas, names). */
  minDf: number;
  /** A term in more than this fraction of the papers is too common to tell subjects apart ("model", "result"). */
  maxDfRatio: number;
  /** Term frequency as 1 + ln(tf): the fifth "graph" in an abstract says little more than the second. */
  sublinearTf: boolean;
  /** Inverse regularisation of the linear SVM: small, so a handful of positives cannot overfit. */
  svmC: number;
  /** Passes of dual coordinate descent at most (it usually converges well before). */
  svmEpochs: number;
  /** Seed of the order in which coordinate descent visits the papers. */
  seed: number;
  /** A thumbs-down counts like this many papers seen but not saved. */
  explicitNegativeWeight: number;
  /**
   * Pseudo-relevance feedback: after a first fit, the unlabeled papers that score highest are probably on the
   * subject too (the user saw them but did not save them all); this many become weak positives for a second fit.
   */
  pseudoPositives: number;
  /** Weight of each pseudo-positive relative to a shortlisted paper. */
  pseudoWeight: number;
  /** Features kept in the persisted model, by absolute weight. */
  keptFeatures: number;
  /** Words shown as the explanation of a score. */
  reasons: number;
  /** A word is shown only when it pushes the score up by at least this fraction of the strongest one. */
  minReasonShare: number;
}

/** The settings the extension runs with. */
export const DEFAULT_RANKER_SETTINGS: Readonly<RankerSettings> = Object.freeze({
  minPositives: 3,
  bigrams: true,
  authors: true,
  stem: true,
  titleRepeat: 1,
  minDf: 5,
  maxDfRatio: 0.5,
  sublinearTf: true,
  svmC: 0.01,
  svmEpochs: 30,
  seed: 1,
  explicitNegativeWeight: 5,
  pseudoPositives: 100,
  pseudoWeight: 0.2,
  keptFeatures: 5000,
  reasons: 3,
  minReasonShare: 0.25,
});
