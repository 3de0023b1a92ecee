import type { Interest } from '../schema/interest';
import type { Settings } from '../schema/settings';
import { BACKUP_SCHEMA_VERSION, type Backup } from '../schema/shortlist';
import type { StoredData } from '../db/backup';

/** Everything a backup holds: the stored records plus the interests and settings (kept in extension storage). */
export interface BackupInput extends StoredData {
  interests: Interest[];
  settings: Settings;
}

/** The backup object: `seen` is in it only when the data carries it (the user asked for the history). */
export function toBackup(data: BackupInput, exportedAt: Date = new Date()): Backup {
  return {
    format: 'paperlight-backup',
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    shortlist: data.shortlist,
    feedback: data.feedback,
    interests: data.interests,
    settings: data.settings,
    ...(data.seen ? { seen: data.seen } : {}),
  };
}

/** The backup as a JSON file. */
export function toBackupJson(data: BackupInput, exportedAt: Date = new Date()): string {
  return `${JSON.stringify(toBackup(data, exportedAt))}\n`;
}
