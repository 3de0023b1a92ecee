import { IMPORT_LIMITS, type ShortlistRecord } from '../schema/shortlist';
import { parseArxivId, parseDoi } from '../sites/text';
import { t } from '../util/t';
import { ImportError } from './errors';
import { citationRecord, isoFromParts, normalizeDoi, type Citation } from './records';

/** One RIS reference: each tag's values in order, and the line it starts on. */
interface RisReference {
  fields: Map<string, string[]>;
  line: number;
}

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

/** Reads RIS structure: `TY  - ` opens a reference, `ER  - ` closes it; a line without a tag continues the last. */
function readRis(text: string): RisReference[] {
  const refs: RisReference[] = [];
  let current: RisReference | undefined;
  let lastValues: string[] | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const m = TAG_LINE.exec(line.trimEnd());
    if (!m) {
      if (!line.trim()) continue;
      if (!current || !lastValues) {
        throw new ImportError(t('errors.import.textOutsideReference'), { line: lineNo });
      }
      // Some writers wrap long values (abstracts) onto untagged lines.
      lastValues[lastValues.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (current) throw new ImportError(t('errors.import.referenceNotEnded'), { line: lineNo });
      current = { fields: new Map(), line: lineNo };
    } else if (!current) {
      throw new ImportError(t('errors.import.tagOutsideReference', [tag ?? '']), { line: lineNo });
    }
    if (tag === 'ER') {
      refs.push(current);
      if (refs.length > IMPORT_LIMITS.maxEntries) {
        throw new ImportError(t('errors.import.tooManyReferences', [IMPORT_LIMITS.maxEntries.toLocaleString('en')]));
      }
      current = undefined;
      lastValues = undefined;
      continue;
    }
    lastValues = current.fields.get(tag!) ?? [];
    lastValues.push(value.trim());
    current.fields.set(tag!, lastValues);
  }
  if (current) {
    throw new ImportError(t('errors.import.referenceNotClosed'), { line: current.line });
  }
  return refs;
}

/** "Family, Given" (or "Family, Given, Suffix") as a display name. */
function risName(value: string): string {
  const [family = '', given, suffix] = value.split(/\s*,\s*/);
  if (!given) return family.trim();
  return `${given} ${family}${suffix ? `, ${suffix}` : ''}`.trim();
}

/** What one reference says of its paper. */
function citation(ref: RisReference, n: number): Citation {
  const all = (...tags: string[]) => tags.flatMap((t) => ref.fields.get(t) ?? []).filter(Boolean);
  const first = (...tags: string[]) => all(...tags)[0];
  const urls = all('UR', 'L2');
  const [year, month, day] = (first('DA', 'PY', 'Y1') ?? '').split('/');
  const title = first('TI', 'T1', 'CT') ?? '';
  return {
    source: 'ris',
    siteId:
      first('ID') ??
      `${n}-${title
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .slice(0, 80)}`,
    title,
    authors: all('AU', 'A1').map(risName).filter(Boolean),
    date: isoFromParts(year || first('PY', 'Y1'), month, day),
    venue: first('T2', 'JO', 'JF', 'BT', 'JA', 'J2'),
    doi: normalizeDoi(first('DO')) ?? parseDoi(urls.find((u) => /doi\.org/i.test(u))) ?? undefined,
    arxivId:
      urls
        .filter((u) => /arxiv\.org/i.test(u))
        .map(parseArxivId)
        .find(Boolean) ?? undefined,
    url: urls[0],
    pdfUrl: first('L1'),
    abstract: first('AB', 'N2'),
    tags: all('KW'),
    note: all('N1').join('\n\n') || undefined,
  };
}

/** The papers in an RIS file, as shortlist records (not yet saved); throws an ImportError naming the line. */
export function parseRis(text: string, now = Date.now()): ShortlistRecord[] {
  if (text.length > IMPORT_LIMITS.maxBytes) {
    throw new ImportError(t('errors.import.tooLarge', [String(IMPORT_LIMITS.maxBytes / 1024 / 1024)]));
  }
  const refs = readRis(text);
  if (refs.length === 0) throw new ImportError(t('errors.import.noRisReferences'));
  return refs.map((ref, i) =>
    citationRecord(citation(ref, i + 1), { line: ref.line, entry: refLabel(ref) ?? `#${i + 1}` }, now),
  );
}

/** How an error names a reference: its ID, else its title. */
function refLabel(ref: RisReference): string | undefined {
  return ref.fields.get('ID')?.[0] || ref.fields.get('TI')?.[0];
}
