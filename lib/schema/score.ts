import { z } from './zod';

/** A character range [start, end) in the original title or abstract (or author / category string). */
export const SpanSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** Why a paper matched: which interest, which term, in which field, and where. */
export const ReasonSchema = z.object({
  interestId: z.string(),
  term: z.string(),
  field: z.enum(['title', 'abstract', 'authors', 'categories', 'venue']),
  /** Where the term stands in that field; for authors and categories, in the `item`-th one. */
  spans: z.array(SpanSchema).max(200).optional(),
  item: z.number().int().nonnegative().optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** A matched tag, with the colour the annotator paints it in. */
export const TagSchema = z.object({
  interestId: z.string(),
  name: z.string(),
  color: z.string(),
});
export type Tag = z.infer<typeof TagSchema>;

/** What the learned ranker says of a paper: how it compares with the papers seen, and the words why. */
export const RankerVerdictSchema = z.object({
  /** Share of the papers seen but not saved that score lower, 0–100. */
  percentile: z.number().min(0).max(100),
  /** Points it adds to the score (see lib/scoring/weights.ts). */
  points: z.number().min(0).max(100),
  /** Words and authors that pushed it up, strongest first ("reward model", "rubric", "RLHF"). */
  words: z.array(z.string()).max(20),
});

/** The score of one paper: 0–100, the tags that matched (strongest first) and the reasons. */
export const ScoredPaperSchema = z.object({
  id: z.string(),
  score: z.number().min(0).max(100),
  tags: z.array(TagSchema),
  reasons: z.array(ReasonSchema),
  /** A mute interest matched: the paper is lowered, or hidden when that mute says so. */
  muted: z.enum(['lower', 'hide']).optional(),
  ranker: RankerVerdictSchema.optional(),
});
export type ScoredPaper = z.infer<typeof ScoredPaperSchema>;
