import { z } from '../schema/zod';
import { InterestPatchSchema, InterestSchema, NewInterestSchema } from '../schema/interest';
import { PaperEntrySchema } from '../schema/paper';
import { ScoredPaperSchema } from '../schema/score';
import { SettingsSchema, SiteViewSchema } from '../schema/settings';
import { IMPORT_LIMITS, ShortlistPatchSchema, ShortlistQuerySchema, ShortlistRecordSchema } from '../schema/shortlist';

/** What the background knows of one tab: the page, its detected papers and their scores. */
export const TabResultsSchema = z.object({
  url: z.string(),
  adapterId: z.string(),
  entries: z.array(PaperEntrySchema),
  results: z.array(ScoredPaperSchema),
  /** Set when a supported page shows no papers, or far fewer than its structure suggests. */
  warning: z.enum(['no-entries', 'too-few']).optional(),
  updatedAt: z.number(),
});
export type TabResults = z.infer<typeof TabResultsSchema>;

/**
 * The one message protocol between the content script, the popup and the background.
 * Each message names its request and response schema; both ends validate what crosses.
 */
export const protocol = {
  /** content → background: the entries detected on this page; answers their scores. */
  reportEntries: {
    request: z.object({
      url: z.string().max(2000),
      /** null: the tab navigated (in-page) to a page no adapter supports; its results are dropped. */
      adapterId: z.string().nullable(),
      entries: z.array(PaperEntrySchema).max(20_000),
      /** The adapter's independent estimate of how many entries the page holds. */
      expected: z.number().int().nonnegative().optional(),
      /** False while a script-rendered page may still be rendering its first entries. */
      settled: z.boolean(),
    }),
    response: z.object({
      results: z.array(ScoredPaperSchema),
      /** Ids of the reported papers that are on the shortlist (saved from this site or any other). */
      saved: z.array(z.string()),
      /** Ids of the reported papers never seen before this report (the "new" badge). */
      fresh: z.array(z.string()),
      /** Ids of the reported papers with a 👍 or 👎. */
      feedback: z.record(z.string(), z.enum(['up', 'down'])),
    }),
  },
  /**
   * popup/tests → background: a tab's detected entries with their scores (null: nothing reported), and which of
   * them are on the shortlist now.
   */
  getTabResults: {
    request: z.object({ tabId: z.number().int().nonnegative() }),
    response: TabResultsSchema.extend({ saved: z.array(z.string()) }).nullable(),
  },
  /** popup → background: the interests, in order. */
  listInterests: {
    request: z.object({}),
    response: z.array(InterestSchema),
  },
  /** popup → background: add an interest; answers the new list. */
  addInterest: {
    request: NewInterestSchema,
    response: z.array(InterestSchema),
  },
  /** popup → background: remove an interest; answers the new list. */
  removeInterest: {
    request: z.object({ id: z.string().min(1) }),
    response: z.array(InterestSchema),
  },
  /** popup → background: change one interest (name, query, colour, weight, on/off, mute); answers the new list. */
  updateInterest: {
    request: z.object({ id: z.string().min(1).max(100), patch: InterestPatchSchema }),
    response: z.array(InterestSchema),
  },
  /**
   * popup → background: make the interests exactly this list, in this order (reorder, undo a delete, import an
   * interests file). Every query is checked first: one that does not parse refuses the whole list.
   */
  saveInterests: {
    request: z.object({ interests: z.array(InterestSchema).max(500) }),
    response: z.array(InterestSchema),
  },
  /** popup → background: how many of a tab's detected entries a draft query matches (null: nothing reported). */
  countMatches: {
    request: z.object({ tabId: z.number().int().nonnegative(), query: z.string().max(2000) }),
    response: z.object({ matched: z.number(), total: z.number() }).nullable(),
  },
  /** popup → background: whether a query parses, and where it does not (live feedback while typing). */
  checkQuery: {
    request: z.object({ query: z.string().max(2000) }),
    response: z.object({ ok: z.boolean(), error: z.string().optional(), position: z.number().optional() }),
  },
  /**
   * content/popup → background: add a paper to the shortlist (with the interests it matched and its score) or
   * remove it under any of its ids (the ranker retrains).
   */
  setShortlisted: {
    request: z.object({
      paper: PaperEntrySchema,
      saved: z.boolean(),
      interestTags: z.array(z.string().max(200)).max(200).optional(),
      score: z.number().min(0).max(100).optional(),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  /** popup → background: the shortlisted papers, newest first. */
  listShortlist: {
    request: z.object({}),
    response: z.array(PaperEntrySchema),
  },
  /** popup/options → background: the saved records, filtered and ordered. */
  listShortlistRecords: {
    request: ShortlistQuerySchema,
    response: z.array(ShortlistRecordSchema),
  },
  /** popup/options → background: change a saved paper's note, tags or read state; null when not saved. */
  updateShortlisted: {
    request: z.object({ id: z.string().min(1).max(300), patch: ShortlistPatchSchema }),
    response: ShortlistRecordSchema.nullable(),
  },
  /** popup/options → background: remove saved papers; answers the removed records (for undo). */
  removeShortlisted: {
    request: z.object({ ids: z.array(z.string().min(1).max(300)).max(IMPORT_LIMITS.maxEntries) }),
    response: z.array(ShortlistRecordSchema),
  },
  /** popup/options → background: put removed records back (undo). */
  restoreShortlisted: {
    request: z.object({ records: z.array(ShortlistRecordSchema).max(IMPORT_LIMITS.maxEntries) }),
    response: z.object({}),
  },
  /**
   * popup/options → background: how many papers are saved and their summaries (no abstracts), newest first; only
   * the first `limit` when given (the view's first screen, answered without reading every record). The summaries
   * travel as lines of JSON that the receiver validates one by one (`parseSummaryLines`), in slices: validating
   * 10,000 objects here and again in the popup would hold each side for ~200 ms.
   */
  listShortlistSummaries: {
    request: z.object({ limit: z.number().int().nonnegative().max(IMPORT_LIMITS.maxEntries).optional() }),
    response: z.object({ total: z.number().int().nonnegative(), lines: z.string() }),
  },
  /**
   * popup/options → background: the ids of the saved papers whose title, authors, abstract or note hold every word
   * of `query` (case and accents ignored), newest first. The background keeps the texts; the view filters by ids.
   */
  searchShortlist: {
    request: z.object({ query: z.string().max(1000) }),
    response: z.object({ ids: z.array(z.string()) }),
  },
  /**
   * popup/options → background: the shortlist as a file (a citation format, a reading list, or the full backup
   * with the seen history only if asked). The background writes the text: a 10,000-paper shortlist then
   * crosses as one string, not as 10,000 objects to copy and validate twice.
   */
  exportFile: {
    request: z.object({
      format: z.enum(['bibtex', 'ris', 'csl-json', 'csv', 'markdown', 'backup']),
      includeSeen: z.boolean(),
      /** Only these saved papers (a selection in the shortlist view); all when absent. Not for backups. */
      ids: z.array(z.string().min(1).max(300)).max(IMPORT_LIMITS.maxEntries).optional(),
    }),
    response: z.object({ text: z.string(), fileName: z.string(), mimeType: z.string(), count: z.number() }),
  },
  /**
   * popup/options → background: import a file's text (`dryRun`: only say what would change). The background reads
   * and validates it (a malformed file is refused with the reason and changes nothing); a backup's interests and
   * settings come along; `replace` makes the shortlist exactly the file's.
   */
  importFile: {
    request: z.object({
      text: z.string().max(IMPORT_LIMITS.maxBytes),
      fileName: z.string().max(500),
      mode: z.enum(['merge', 'replace']),
      dryRun: z.boolean(),
    }),
    response: z.object({
      format: z.enum(['backup', 'bibtex', 'ris']),
      added: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.array(z.string()),
      removed: z.array(z.string()),
    }),
  },
  /** content/popup → background: 👍 or 👎 on a paper for the ranker, or clear it. */
  setFeedback: {
    request: z.object({ paper: PaperEntrySchema, verdict: z.enum(['up', 'down']).nullable() }),
    response: z.object({}),
  },
  /** content → background: remember the floating control's state on a site. */
  setSiteView: {
    request: z.object({ host: z.string().min(1).max(253), view: SiteViewSchema }),
    response: SettingsSchema,
  },
  /** content/popup → background: turn Paperlight off or on for one site. */
  setSiteEnabled: {
    request: z.object({ host: z.string().min(1).max(253), enabled: z.boolean() }),
    response: SettingsSchema,
  },
  /** popup → background: the settings. */
  getSettings: {
    request: z.object({}),
    response: SettingsSchema,
  },
  /** popup → background: change some settings; answers them all. */
  updateSettings: {
    request: SettingsSchema.partial(),
    response: SettingsSchema,
  },
} as const;

export type Protocol = typeof protocol;

/**
 * background → content: fresh scores for a tab after something changed elsewhere (interests, shortlist,
 * settings, the ranker's model), so open pages follow the popup without a reload.
 */
export const PaintPushSchema = z.object({
  paperlight: z.literal(1),
  type: z.literal('paint'),
  data: z.object({
    url: z.string(),
    results: z.array(ScoredPaperSchema),
    saved: z.array(z.string()),
    feedback: z.record(z.string(), z.enum(['up', 'down'])),
  }),
});
export type PaintPush = z.infer<typeof PaintPushSchema>['data'];

/** popup → content: scroll to a paper of the page and flash it (a click on it in the popup's list). */
export const FocusPushSchema = z.object({
  paperlight: z.literal(1),
  type: z.literal('focus'),
  data: z.object({ id: z.string().min(1).max(300) }),
});
export type FocusPush = z.infer<typeof FocusPushSchema>['data'];

/**
 * background → open extension pages (popup, full view): papers were saved on a page or imported, so a shortlist
 * view that is open lists them without a reload.
 */
export const ShortlistChangedPushSchema = z.object({
  paperlight: z.literal(1),
  type: z.literal('shortlistChanged'),
  data: z.object({}),
});
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

/** The envelope every message travels in; the marker keeps other extensions' messages out. */
export const EnvelopeSchema = z.object({
  paperlight: z.literal(1),
  type: z.enum(Object.keys(protocol) as [MessageType, ...MessageType[]]),
  data: z.unknown(),
});

/** The background's answer: the data, or an error the sender re-throws. */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;
