import { z } from './zod';

/** How the annotated listing is shown: the site's order, matches first, or matches only. */
export const ViewModeSchema = z.enum(['original', 'matches-first', 'matches-only']);
export type ViewMode = z.infer<typeof ViewModeSchema>;

/** The floating control's state on one site, remembered per host name. */
export const SiteViewSchema = z.object({
  collapsed: z.boolean().catch(false),
  view: ViewModeSchema.catch('original'),
  dim: z.boolean().catch(false),
});
export type SiteView = z.infer<typeof SiteViewSchema>;

/** How a matched entry is marked on the page: a tinted background, a bar at its left edge, or an outline. */
export const HighlightStyleSchema = z.enum(['tint', 'bar', 'outline']);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

/** The popup's and options page's colours: the system's choice, or always light or dark. */
export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

/** User settings; each field is validated on its own and falls back to its default (as Dark Reader does). */
export const SettingsSchema = z.object({
  /** The learned ranker ("more like my shortlist") adds to scores. */
  rankerEnabled: z.boolean().catch(true),
  /** Global pause: no annotation anywhere until resumed. */
  paused: z.boolean().catch(false),
  /** Host names where Paperlight stays off (`arxiv.org`). */
  disabledSites: z.array(z.string().max(253)).max(1000).catch([]),
  /** `j`/`k`/`s`/`?` on annotated pages. */
  keyboardShortcuts: z.boolean().catch(true),
  /** Matched terms highlighted inside titles and abstracts (CSS Custom Highlight API). */
  highlightTerms: z.boolean().catch(true),
  highlightStyle: HighlightStyleSchema.catch('tint'),
  theme: ThemeSchema.catch('system'),
  /** The floating control's state, per host name. */
  siteViews: z.record(z.string().max(253), SiteViewSchema).catch({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
