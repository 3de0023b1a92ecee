import { IMPORT_LIMITS, type Backup, type ShortlistRecord } from '../schema/shortlist';
import { parseBackup } from './backup';
import { parseBibtex } from './bibtex';
import { t } from '../util/t';
import { ImportError } from './errors';
import { parseRis } from './ris';

export type ImportFormat = 'backup' | 'bibtex' | 'ris';

/** A file read and validated, ready to preview and apply. */
export type ParsedImport =
  | { format: 'backup'; backup: Backup; shortlist: ShortlistRecord[] }
  | { format: 'bibtex' | 'ris'; shortlist: ShortlistRecord[] };

/** Which format a file is in, from its name and first characters. */
export function detectFormat(text: string, fileName = ''): ImportFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/\.json$/i.test(fileName) || head.startsWith('{')) return 'backup';
  if (/\.ris$/i.test(fileName) || /^TY {2}-/m.test(text.slice(0, 10_000))) return 'ris';
  if (/\.(bib|bibtex)$/i.test(fileName) || /@\s*[A-Za-z]+\s*[{(]/.test(text.slice(0, 100_000))) return 'bibtex';
  throw new ImportError(t('errors.import.unknownFormat'));
}

/** Reads and validates an import file's text; throws an ImportError naming the problem. */
export function parseImport(text: string, fileName = '', now = Date.now()): ParsedImport {
  const format = detectFormat(text, fileName);
  if (format === 'backup') {
    const backup = parseBackup(text);
    return { format, backup, shortlist: backup.shortlist };
  }
  return { format, shortlist: format === 'bibtex' ? parseBibtex(text, now) : parseRis(text, now) };
}

/** A chosen file's text, refusing one over the size limit before reading it. */
export async function readImportFile(file: Blob): Promise<string> {
  if (file.size > IMPORT_LIMITS.maxBytes) {
    throw new ImportError(t('errors.import.tooLarge', [String(IMPORT_LIMITS.maxBytes / 1024 / 1024)]));
  }
  return file.text();
}
