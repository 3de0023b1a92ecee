// Text normalisation shared by the query parser and the paper index: folding (case, diacritics), word
// tokens with offsets into the ORIGINAL string, and stem keys. Both sides go through the same functions,
// so a query word and a paper word meet on the same key.
import { stem as porter2 } from 'porter2';

/** Letters without a decomposition that NFKD would fold (ß, æ, ø, ł…), as a reader would type them. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_FOLD_CHARS = /[ßẞæœøłđðþı]/g;
const MARKS = /\p{M}+/gu;

/** Only code points below 128: folding is then just lower-casing. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Lower-cases and strips diacritics: `Naïve` → `naive`, `Ørsted` → `orsted`, `ﬁne` → `fine`. */
export function fold(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  // Decompose first: compatibility forms may decompose to capitals (ℌ → H, İ → I + dot).
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(SPECIAL_FOLD_CHARS, (c) => SPECIAL_FOLDS[c] ?? c);
}

/** A folded string plus, for each of its characters, the original range it came from (for spans). */
export interface FoldedText {
  folded: string;
  /** `from[j]`/`to[j]`: the original character range that produced folded character j. */
  from: number[];
  to: number[];
}

/** Folds character by character, keeping the way back to original offsets (used for short fields). */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const piece = fold(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      from.push(i);
      to.push(i + width);
    }
    folded += piece;
    i += width;
  }
  return { folded, from, to };
}

/** Maps a [start, end) range of a folded string back to the original string. */
export function unfoldSpan(map: FoldedText, start: number, end: number): [number, number] {
  return [map.from[start] ?? 0, map.to[end - 1] ?? map.from[start] ?? 0];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True for a letter, digit or combining mark: what words are made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Whitespace and dashes: what may stand between the words of a phrase, or nothing at all. */
export function isSpaceOrDash(code: number): boolean {
  return (
    code === 32 ||
    code === 45 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    (code >= 0x2010 && code <= 0x2015) ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2212 ||
    code === 0x202f ||
    code === 0x3000 ||
    code === 0xfe63 ||
    code === 0xff0d
  );
}

/** What a gap between two words says when whitespace is ignored: '' for spaces and dashes, else its marks. */
export function gapMarks(gap: string): string {
  let marks = '';
  for (let i = 0; i < gap.length; i++) {
    const code = gap.charCodeAt(i);
    if (isSpaceOrDash(code)) continue;
    // A typographic apostrophe means the same as a typed one.
    marks += code === 0x2019 || code === 0x2018 ? "'" : gap[i];
  }
  return marks;
}

/** 2+ capitals (digits allowed) then a plural `s`: `LLMs`, `GPUs`, `GNNs`. */
export function isAcronymPlural(raw: string): boolean {
  const n = raw.length;
  if (n < 3 || raw.charCodeAt(n - 1) !== 115) return false;
  let capitals = 0;
  for (let i = 0; i < n - 1; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
    else if (c < 48 || c > 57) return false;
  }
  return capitals >= 2;
}

/**
 * The key a word is matched on: its Porter2 (Snowball English) stem, so `agents`/`agent`, `models`/`modeling`,
 * `studies`/`study` meet. Acronym plurals drop their `s` (`LLMs` → `llm`), which Porter2 leaves on a word
 * without vowels. (Papers reach it once per distinct word: ./vocabulary memoises it.)
 */
export function stemKey(raw: string, folded: string = fold(raw)): string {
  if (isAcronymPlural(raw)) return folded.slice(0, -1);
  const key = porter2(folded);
  // Porter2 keeps the `s` of `llms`, `gnns` (no vowel before it): acronyms typed in lower case.
  return key.length >= 3 && key.endsWith('s') && !/[aeiouy]/.test(key.slice(0, -1)) ? key.slice(0, -1) : key;
}

/** What stands between two neighbouring words: something else, only whitespace, or a dash (and whitespace). */
export const GAP_OTHER = 0;
/** Only whitespace between two words. */
export const GAP_SPACE = 1;
/** A dash (and maybe whitespace) between two words. */
export const GAP_DASH = 2;
