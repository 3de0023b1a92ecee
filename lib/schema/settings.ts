import { z } from './zod';

/** User settings; each field is validated on its own and falls back to its default (as Dark Reader does). */
export const SettingsSchema = z.object({
  /** The learned ranker ("more like my shortlist") adds to scores. */
  rankerEnabled: z.boolean().catch(true),
});
export type Settings = z.infer<typeof SettingsSchema>;
