import { BACKUP_SCHEMA_VERSION, BackupSchema, IMPORT_LIMITS, type Backup } from '../schema/shortlist';
import { ImportError } from './errors';
import { describeIssue } from './records';

/**
 * Reads a Paperlight backup: JSON, the right format and version, every record valid. Throws an ImportError
 * naming the first problem (and the record), so a damaged backup changes nothing.
 */
export function parseBackup(text: string): Backup {
  if (text.length > IMPORT_LIMITS.maxBytes) {
    throw new ImportError(`the file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(`the file is not valid JSON (${reason}); it may be cut short or damaged.`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'paperlight-backup') {
    throw new ImportError('this JSON file is not a Paperlight backup.');
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > BACKUP_SCHEMA_VERSION) {
    throw new ImportError(
      `the backup was made by a newer Paperlight (format ${version}; this one reads up to ${BACKUP_SCHEMA_VERSION}). Update Paperlight, then import it.`,
    );
  }
  // Counted before validation: zod would first check every one of a million records.
  for (const list of ['shortlist', 'feedback', 'seen'] as const) {
    const items = (data as Record<string, unknown>)[list];
    if (Array.isArray(items) && items.length > IMPORT_LIMITS.maxEntries) {
      throw new ImportError(
        `the backup holds more than ${IMPORT_LIMITS.maxEntries.toLocaleString('en')} ${list} records.`,
      );
    }
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [list, index] = issue?.path ?? [];
    const record =
      typeof list === 'string' && typeof index === 'number'
        ? `${list} record ${index + 1}${recordId(data, list, index)}`
        : undefined;
    throw new ImportError(describeIssue(parsed.error, record ? 2 : 0), record ? { record } : {});
  }
  return parsed.data;
}

/** The id of the record at `list[index]` in unvalidated data, for the error message. */
function recordId(data: unknown, list: string, index: number): string {
  const items = (data as Record<string, unknown>)[list];
  const id = Array.isArray(items) ? (items[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? ` (id ${id.slice(0, 80)})` : '';
}
