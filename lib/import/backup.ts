import { BACKUP_SCHEMA_VERSION, BackupSchema, IMPORT_LIMITS, type Backup } from '../schema/shortlist';
import { t } from '../util/t';
import { ImportError } from './errors';
import { describeIssue } from './records';

/**
 * Reads a Paperlight backup: JSON, the right format and version, every record valid. Throws an ImportError
 * naming the first problem (and the record), so a damaged backup changes nothing.
 */
export function parseBackup(text: string): Backup {
  if (text.length > IMPORT_LIMITS.maxBytes) {
    throw new ImportError(t('errors.import.tooLarge', [String(IMPORT_LIMITS.maxBytes / 1024 / 1024)]));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(t('errors.import.notJson', [reason]));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'paperlight-backup') {
    throw new ImportError(t('errors.import.notBackup'));
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > BACKUP_SCHEMA_VERSION) {
    throw new ImportError(t('errors.import.newerBackup', [String(version), String(BACKUP_SCHEMA_VERSION)]));
  }
  // Counted before validation: zod would first check every one of a million records.
  for (const list of ['shortlist', 'feedback', 'seen'] as const) {
    const items = (data as Record<string, unknown>)[list];
    if (Array.isArray(items) && items.length > IMPORT_LIMITS.maxEntries) {
      throw new ImportError(t('errors.import.tooManyRecords', [IMPORT_LIMITS.maxEntries.toLocaleString('en'), list]));
    }
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [list, index] = issue?.path ?? [];
    const record = typeof list === 'string' && typeof index === 'number' ? recordName(data, list, index) : undefined;
    throw new ImportError(describeIssue(parsed.error, record ? 2 : 0), record ? { record } : {});
  }
  return parsed.data;
}

/** The record at `list[index]` in unvalidated data, with its id if it has one, for the error message. */
function recordName(data: unknown, list: string, index: number): string {
  const items = (data as Record<string, unknown>)[list];
  const id = Array.isArray(items) ? (items[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string'
    ? t('errors.import.recordWithId', [list, String(index + 1), id.slice(0, 80)])
    : t('errors.import.record', [list, String(index + 1)]);
}
