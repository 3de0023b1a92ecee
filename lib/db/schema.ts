import type { DBSchema } from 'idb';

/** A paper the user has been shown: the basis of "new" badges and of the ranker's negatives. */
export interface SeenRecord {
  id: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: string;
}

/** The IndexedDB layout after every upgrade step; later issues add stores in new steps. */
export interface PaperlightDB extends DBSchema {
  seen: {
    key: string;
    value: SeenRecord;
    indexes: { lastSeenAt: number };
  };
}

export const DB_NAME = 'paperlight';
