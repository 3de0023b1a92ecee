import type { DBSchema } from 'idb';
import type { z } from '../schema/zod';
import type { FeedbackRecordSchema, ReadState, SeenRecordSchema, ShortlistRecord } from '../schema/shortlist';

export type { ShortlistRecord } from '../schema/shortlist';

/** A paper the user has been shown: the basis of "new" badges and of the ranker's unlabeled examples. */
export type SeenRecord = z.infer<typeof SeenRecordSchema>;

/** Explicit feedback for the ranker: 👍 or 👎 on a paper (records before 👍 existed are all 'down'). */
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/** The IndexedDB layout after every upgrade step; later issues add stores in new steps. */
export interface PaperlightDB extends DBSchema {
  seen: {
    key: string;
    value: SeenRecord;
    indexes: { lastSeenAt: number };
  };
  shortlist: {
    key: string;
    value: ShortlistRecord;
    indexes: {
      savedAt: number;
      tags: string;
      interestTags: string;
      sites: string;
      readState: ReadState;
    };
  };
  feedback: {
    key: string;
    value: FeedbackRecord;
  };
  /** Every id a saved paper is known by → the record's id (each alias belongs to exactly one record). */
  aliases: {
    key: string;
    value: AliasEntry;
  };
}

/** One id a saved paper is known by, and the id of its shortlist record. */
export interface AliasEntry {
  alias: string;
  id: string;
}

export const DB_NAME = 'paperlight';

/** The seen history keeps the papers seen most recently, up to this many (the oldest `lastSeenAt` go first). */
export const SEEN_LIMIT = 50_000;
