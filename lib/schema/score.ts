import { z } from './zod';

/** Why a paper matched: which interest, which term, in which field. */
export const ReasonSchema = z.object({
  interestId: z.string(),
  term: z.string(),
  field: z.enum(['title', 'abstract', 'authors', 'categories']),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** A matched tag, with the colour the annotator paints it in. */
export const TagSchema = z.object({
  interestId: z.string(),
  name: z.string(),
  color: z.string(),
});
export type Tag = z.infer<typeof TagSchema>;

/** The score of one paper: 0–100, the tags that matched (strongest first) and the reasons. */
export const ScoredPaperSchema = z.object({
  id: z.string(),
  score: z.number().min(0).max(100),
  tags: z.array(TagSchema),
  reasons: z.array(ReasonSchema),
});
export type ScoredPaper = z.infer<typeof ScoredPaperSchema>;
