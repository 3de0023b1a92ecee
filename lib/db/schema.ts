import type { DBSchema } from 'idb';
import type { PaperEntry } from '../schema/paper';

/** A paper the user has been shown: the basis of "new" badges and of the ranker's unlabeled examples. */
export interface SeenRecord {
  id: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: string;
  /** The text the ranker learns from (kept since v2 writes; older records have only the id). */
  title?: string;
  abstract?: string;
  authors?: string[];
}

/** A shortlisted paper (the shortlist issue extends the record; the ranker reads `paper`). */
export interface ShortlistRecord {
  id: string;
  paper: PaperEntry;
  savedAt: number;
}

/** Explicit feedback for the ranker: 👎 on a paper. */
export interface FeedbackRecord {
  id: string;
  paper: PaperEntry;
  verdict: 'down';
  at: number;
}

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
    indexes: { savedAt: number };
  };
  feedback: {
    key: string;
    value: FeedbackRecord;
  };
}

export const DB_NAME = 'paperlight';
