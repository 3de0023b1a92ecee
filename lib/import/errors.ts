import { t } from '../util/t';

/** Where in the file a problem is, as far as it is known. */
export interface ImportLocation {
  line?: number;
  /** The entry's key or id, or its number in the file. */
  entry?: string;
  /** A record of a backup, described in words ("shortlist record 3 (id 2401.12345)"). */
  record?: string;
}

/** An import refused as a whole: `message` names the problem, and the line and entry where known. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly problem: string,
    readonly location: ImportLocation = {},
  ) {
    const where = [
      location.line !== undefined ? t('errors.import.line', [String(location.line)]) : undefined,
      // A hostile file's key could be a megabyte long: the message shows its start.
      location.entry !== undefined ? t('errors.import.entry', [location.entry.slice(0, 80)]) : undefined,
      location.record,
    ].filter(Boolean);
    const text = where.length ? t('errors.import.located', [where.join(', '), problem]) : problem;
    super(t('errors.import.refused', [`${text.charAt(0).toUpperCase()}${text.slice(1)}`]));
  }
}
