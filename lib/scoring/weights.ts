/** Every scoring weight in one place; each has a unit test that shows its effect (tests/unit/scoring). */

/** Points a distinct term earns when found in the title (the reader's first glance). */
export const TITLE_HIT = 40;
/** Points a distinct term earns when found only in the abstract. */
export const ABSTRACT_HIT = 15;
/** Points a distinct term earns in the authors (an `author:` filter). */
export const AUTHOR_HIT = 40;
/** Points a distinct term earns in the categories or the venue (`cat:`, `venue:`). */
export const CATEGORY_HIT = 20;
/**
 * Points each further occurrence of the same term adds, up to REPEAT_CAP occurrences: a term repeated counts
 * less than several distinct terms.
 */
export const REPEAT_HIT = 2;
export const REPEAT_CAP = 3;
/** Points a "lower" mute takes away. */
export const MUTE_PENALTY = 60;
/** Most points the learned ranker adds, for a paper above every paper seen but not saved. */
export const RANKER_MAX = 35;
/** Below this percentile of the papers seen, the ranker adds nothing (it stays quiet about the ordinary). */
export const RANKER_FLOOR_PERCENTILE = 80;
/** The score is capped here: it reads as a percentage. */
export const MAX_SCORE = 100;
