/** Every scoring weight in one place; each has a unit test that shows its effect. */

/** Points a term earns when found in the title (the reader's first glance). */
export const TITLE_HIT = 40;
/** Points a term earns when found only in the abstract. */
export const ABSTRACT_HIT = 15;
/** The score is capped here: it reads as a percentage. */
export const MAX_SCORE = 100;
