import type { ShortlistRecord } from '../schema/shortlist';
import { arxivIdOf, citationUrl, oneLine, primaryCategory, publicationKind } from './common';
import { asciiSlug, splitName } from './names';

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Escaped as commands, not `\{`: classic BibTeX counts every brace, and a lone `\{` would unbalance the field.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding `<` and `>` print as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Text as a BibTeX field value that TeX and BibTeX parsers read back as exactly this text: specials escaped,
 * TeX ligatures (`--`, ``` `` ```, `''`, `!``, `?``, `,,`) broken with `{}`, whitespace as single spaces.
 */
export function escapeLatex(text: string): string {
  return oneLine(text)
    .replace(/[\\{}%&#_$~^<>]/g, (c) => LATEX_SPECIALS[c]!)
    .replace(/-(?=-)|`(?=`)|'(?=')|[!?](?=`)|,(?=,)/g, '$&{}');
}

/** A title with its acronyms and mixed-case words braced ({RLHF}, {BERTScore}) so styles cannot lower-case them. */
function titleValue(title: string): string {
  const words = oneLine(title).split(' ');
  // Escaping adds no spaces, so the escaped title's words line up with the original's.
  return escapeLatex(title)
    .split(' ')
    .map((escaped, i) => (/^.+\p{Lu}/u.test(words[i]!) ? `{${escaped}}` : escaped))
    .join(' ');
}

/** A URL, DOI or arXiv id as a verbatim field: only what would break the field's braces is percent-encoded. */
function verbatim(text: string): string {
  return text.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One author for the `author` field: "Family, Given", braced where BibTeX would split or misread it. */
function bibtexName(name: string): string {
  const { family, given, literal } = splitName(name);
  // " and " separates names and a comma separates parts: a part holding either must be one braced group.
  const guard = (part: string) =>
    /(^|\s)and(\s|$)/i.test(part) || part.includes(',') || /^others$/i.test(part)
      ? `{${escapeLatex(part)}}`
      : escapeLatex(part);
  if (literal) return `{${escapeLatex(family)}}`;
  return given ? `${guard(family)}, ${guard(given)}` : guard(family);
}

const KEY_STOPWORDS = new Set(
  'a an the on of for in to with and or towards toward via is are do does what how why from by at as can when we'.split(
    ' ',
  ),
);

/** The key before de-duplication: first author's family name, year, first significant title word. */
function baseKey(record: ShortlistRecord): string {
  const first = record.paper.authors.find((a) => a.trim());
  const author = (first && asciiSlug(splitName(first).family.split(' ').pop() ?? '')) || 'anon';
  const year = record.paper.date?.slice(0, 4) ?? 'nd';
  let word = '';
  for (const raw of record.paper.title.split(/[\s\-–—:/]+/)) {
    const slug = asciiSlug(raw);
    if (slug && !KEY_STOPWORDS.has(slug)) {
      word = slug;
      break;
    }
    word ||= slug;
  }
  return `${author}${year}${word || 'paper'}`.slice(0, 60);
}

/** Letters after a clashing key: a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(97 + (i % 26)) + s;
  return s;
}

/**
 * Citation keys (`smith2025reward`) for records, unique within the export. Stable: of papers that would share
 * a key, the one saved first keeps the plain key and later ones get a, b, …, so saving more papers later does
 * not change the keys already used in a manuscript.
 */
export function citationKeys(records: readonly ShortlistRecord[]): Map<string, string> {
  const groups = new Map<string, ShortlistRecord[]>();
  for (const r of records) {
    const key = baseKey(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const used = new Set(groups.keys());
  const keys = new Map<string, string>();
  for (const [base, group] of groups) {
    group.sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
    group.forEach((r, i) => {
      if (i === 0) return keys.set(r.id, base);
      let n = i - 1;
      while (used.has(`${base}${suffix(n)}`)) n++;
      used.add(`${base}${suffix(n)}`);
      keys.set(r.id, `${base}${suffix(n)}`);
    });
  }
  return keys;
}

/** One BibTeX entry, arXiv style: `@misc` with `eprint`, `archivePrefix`, `primaryClass` for preprints. */
function entry(record: ShortlistRecord, key: string): string {
  const { paper } = record;
  const kind = publicationKind(record);
  const type = kind === 'conference' ? 'inproceedings' : kind === 'journal' ? 'article' : 'misc';
  const arxiv = arxivIdOf(record);
  const fields: [string, string | undefined][] = [
    ['title', titleValue(paper.title)],
    [
      'author',
      paper.authors
        .filter((a) => a.trim())
        .map(bibtexName)
        .join(' and ') || undefined,
    ],
    ['year', paper.date?.slice(0, 4)],
    [kind === 'journal' ? 'journal' : 'booktitle', paper.venue ? escapeLatex(paper.venue) : undefined],
    ['eprint', arxiv ? verbatim(arxiv) : undefined],
    ['archivePrefix', arxiv ? 'arXiv' : undefined],
    ['primaryClass', arxiv ? primaryCategory(record) : undefined],
    ['doi', paper.doi ? verbatim(paper.doi) : undefined],
    ['url', citationUrl(record) ? verbatim(citationUrl(record)) : undefined],
    ['abstract', paper.abstract ? escapeLatex(paper.abstract) : undefined],
    ['keywords', record.tags.length ? escapeLatex(record.tags.join(', ')) : undefined],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join('\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/** The records as a BibTeX file. */
export function toBibtex(records: readonly ShortlistRecord[]): string {
  const keys = citationKeys(records);
  return records.map((r) => entry(r, keys.get(r.id)!)).join('\n');
}
