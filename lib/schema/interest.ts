import { z } from './zod';

/** One saved interest: a named tag with a colour, a weight, an on/off switch and a query. */
export const InterestSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(80),
  /** A query in Paperlight's query language (lib/scoring/query/parse.ts); checked where it is saved. */
  query: z.string().trim().min(1).max(2000),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  weight: z.number().min(0).max(10),
  enabled: z.boolean(),
  /** A mute: a match lowers the paper's score, or hides the paper ("hide surveys"). */
  mute: z.enum(['lower', 'hide']).optional(),
});
export type Interest = z.infer<typeof InterestSchema>;

/** What the popup sends to create an interest: the rest gets defaults. */
export const NewInterestSchema = z.object({
  name: z.string().trim().min(1).max(80),
  query: z.string().trim().min(1).max(2000).optional(),
  color: InterestSchema.shape.color.optional(),
  weight: InterestSchema.shape.weight.optional(),
  mute: InterestSchema.shape.mute,
});
export type NewInterest = z.infer<typeof NewInterestSchema>;

/** What the interest editor may change on an interest (its id stays). */
export const InterestPatchSchema = InterestSchema.omit({ id: true, mute: true })
  .partial()
  // null takes a mute off (undefined would be dropped on the way through the message channel).
  .extend({ mute: z.enum(['lower', 'hide']).nullable().optional() });
export type InterestPatch = z.infer<typeof InterestPatchSchema>;
