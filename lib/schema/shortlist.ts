import { InterestSchema } from './interest';
import { PaperEntrySchema } from './paper';
import { SettingsSchema } from './settings';
import { z } from './zod';

/** Bounds on what one record holds, so a hostile import or a runaway page cannot grow a record without end. */
export const RECORD_LIMITS = {
  aliases: 50,
  sources: 100,
  tags: 50,
  tagLength: 60,
  noteLength: 20_000,
} as const;

/** Whether the user has read a saved paper (a string, not a boolean: IndexedDB cannot index booleans). */
export const ReadStateSchema = z.enum(['unread', 'read']);
export type ReadState = z.infer<typeof ReadStateSchema>;

/** One place a saved paper was seen at: the site and the paper's page there. */
export const SourceVisitSchema = z.object({
  source: z.string().min(1).max(60),
  url: z.string().max(2000),
  /** When it was first seen there (ms since the epoch). */
  at: z.number().finite(),
});
export type SourceVisit = z.infer<typeof SourceVisitSchema>;

const TagSchema = z.string().min(1).max(RECORD_LIMITS.tagLength);

/**
 * One saved paper. One record per paper however many sites it was saved from: `aliases` holds every id it is
 * known by (arXiv id, `doi:…`, `<site>:<id>`), and the database keeps each alias unique.
 */
export const ShortlistRecordSchema = z.object({
  /** The best canonical id known (arXiv id, else DOI, else a site id); equals `paper.id`. */
  id: z.string().min(1).max(300),
  /** The paper, with every field the sites it was saved from showed (the ranker reads this). */
  paper: PaperEntrySchema,
  aliases: z.array(z.string().min(1).max(300)).min(1).max(RECORD_LIMITS.aliases),
  sources: z.array(SourceVisitSchema).min(1).max(RECORD_LIMITS.sources),
  /** The distinct `sources[].source`: kept apart only because IndexedDB indexes arrays of keys, not of objects. */
  sites: z.array(z.string().min(1).max(60)).max(RECORD_LIMITS.sources),
  /** The user's own tags. */
  tags: z.array(TagSchema).max(RECORD_LIMITS.tags),
  /** The names of the interests the paper matched when it was saved. */
  interestTags: z.array(TagSchema).max(RECORD_LIMITS.tags),
  note: z.string().max(RECORD_LIMITS.noteLength),
  readState: ReadStateSchema,
  /** Its score (0–100) when it was saved: the popup can list by it. */
  score: z.number().min(0).max(100),
  savedAt: z.number().finite(),
  /** When the user last changed its tags, note or read state (decides which side wins when records merge). */
  updatedAt: z.number().finite(),
});
export type ShortlistRecord = z.infer<typeof ShortlistRecordSchema>;

/** What a save may carry besides the paper: the interests it matched, its score, the user's first tags. */
export const SaveOptionsSchema = z.object({
  interestTags: z.array(z.string().max(200)).max(200).optional(),
  score: z.number().min(0).max(100).optional(),
  tags: z.array(z.string().max(200)).max(200).optional(),
});

/** What the user can change on a saved paper (tags are normalised when stored). */
export const ShortlistPatchSchema = z.object({
  note: z.string().max(RECORD_LIMITS.noteLength).optional(),
  tags: z
    .array(z.string().max(RECORD_LIMITS.tagLength * 4))
    .max(RECORD_LIMITS.tags * 4)
    .optional(),
  readState: ReadStateSchema.optional(),
});
export type ShortlistPatch = z.infer<typeof ShortlistPatchSchema>;

/** Which saved papers to list, and in what order. */
export const ShortlistQuerySchema = z.object({
  /** `newest` saved first (the default), `oldest` first, or by `score` (ties: newest first). */
  order: z.enum(['newest', 'oldest', 'score']).optional(),
  tag: z.string().max(RECORD_LIMITS.tagLength).optional(),
  interestTag: z.string().max(RECORD_LIMITS.tagLength).optional(),
  /** The site (adapter id) it was seen at. */
  site: z.string().max(60).optional(),
  readState: ReadStateSchema.optional(),
});
export type ShortlistQuery = z.infer<typeof ShortlistQuerySchema>;

/** A paper the user has been shown (the "new" badge and the ranker's unlabeled examples). */
export const SeenRecordSchema = z.object({
  id: z.string().min(1).max(300),
  firstSeenAt: z.number().finite(),
  lastSeenAt: z.number().finite(),
  source: z.string().min(1).max(60),
  title: z.string().max(20_000).optional(),
  abstract: z.string().max(50_000).optional(),
  authors: z.array(z.string().max(500)).max(5000).optional(),
});

/** Explicit 👍/👎 on a paper for the ranker. */
export const FeedbackRecordSchema = z.object({
  id: z.string().min(1).max(300),
  paper: PaperEntrySchema,
  verdict: z.enum(['up', 'down']),
  at: z.number().finite(),
});

/** The newest backup format this build writes and reads. */
export const BACKUP_SCHEMA_VERSION = 1;

/** Caps on an import, checked before anything is parsed or written. */
export const IMPORT_LIMITS = {
  /** Bytes of the file (and UTF-16 code units of its text). */
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 100_000,
} as const;

/** Everything Paperlight keeps, as one JSON file; `seen` only when the user asks for it. */
export const BackupSchema = z.object({
  format: z.literal('paperlight-backup'),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.string().max(40),
  shortlist: z.array(ShortlistRecordSchema).max(IMPORT_LIMITS.maxEntries),
  feedback: z.array(FeedbackRecordSchema).max(IMPORT_LIMITS.maxEntries),
  interests: z.array(InterestSchema).max(1000),
  settings: SettingsSchema,
  seen: z.array(SeenRecordSchema).max(IMPORT_LIMITS.maxEntries).optional(),
});
export type Backup = z.infer<typeof BackupSchema>;
