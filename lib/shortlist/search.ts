import type { ShortlistRecord } from '../schema/shortlist';

/** Lower case without accents, so that "uber" finds "Über" and "neural" finds "NEURAL". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a search, folded; every one must occur (in any field, in any order). */
export function searchWords(query: string): string[] {
  return [...new Set(foldText(query).split(/\s+/).filter(Boolean))];
}

/** The text a search looks in: title, authors, abstract and note, folded, one field a line. */
export function searchTextOf(record: ShortlistRecord): string {
  const { paper } = record;
  return foldText([paper.title, paper.authors.join(', '), paper.abstract ?? '', record.note].join('\n'));
}

/** Whether a folded text holds every word. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}
