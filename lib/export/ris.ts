import type { ShortlistRecord } from '../schema/shortlist';
import { citationKeys } from './bibtex';
import { arxivIdOf, dateParts, oneLine, publicationKind } from './common';
import { splitName } from './names';

const TYPE = { preprint: 'UNPB', conference: 'CPAPER', journal: 'JOUR', other: 'GEN' } as const;

/** RIS dates are `YYYY/MM/DD/` with empty parts for what is unknown. */
function risDate(date: string): string {
  const [y, m, d] = dateParts(date);
  const two = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '');
  return `${y}/${two(m)}/${two(d)}/`;
}

/** One RIS reference: a `TAG  - value` line per field, each value on one line (a line break would end it). */
function reference(record: ShortlistRecord, key: string): string {
  const { paper } = record;
  const kind = publicationKind(record);
  const arxiv = arxivIdOf(record);
  const lines: [string, string | undefined][] = [
    ['TY', TYPE[kind]],
    ['ID', key],
    ['TI', paper.title],
    ...paper.authors.map((name): [string, string] => {
      const { family, given } = splitName(name);
      return ['AU', given ? `${family}, ${given}` : family];
    }),
    ['PY', paper.date?.slice(0, 4)],
    ['DA', paper.date ? risDate(paper.date) : undefined],
    [kind === 'journal' ? 'JO' : 'T2', paper.venue],
    ['DO', paper.doi],
    ['UR', paper.url],
    ['UR', arxiv && paper.url !== `https://arxiv.org/abs/${arxiv}` ? `https://arxiv.org/abs/${arxiv}` : undefined],
    ['L1', paper.pdfUrl],
    ['AB', paper.abstract],
    ...record.tags.map((t): [string, string] => ['KW', t]),
    ['N1', record.note || undefined],
  ];
  const body = lines
    .map(([tag, value]) => [tag, value === undefined ? '' : oneLine(value)] as const)
    .filter(([, value]) => value !== '')
    .map(([tag, value]) => `${tag}  - ${value}`);
  return [...body, 'ER  - '].join('\r\n');
}

/** The records as an RIS file (CRLF line ends, as the format's readers expect). */
export function toRis(records: readonly ShortlistRecord[]): string {
  const keys = citationKeys(records);
  return records.map((r) => reference(r, keys.get(r.id)!)).join('\r\n\r\n') + (records.length ? '\r\n' : '');
}
