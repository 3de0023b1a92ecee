// A paper indexed once, then matched by every compiled interest: words with offsets and interned ids in
// an integer index, so a term costs a lookup or two per field instead of a scan of the text.
import {
  fold,
  foldWithMap,
  GAP_DASH,
  GAP_OTHER,
  GAP_SPACE,
  isAcronymPlural,
  isSpaceOrDash,
  type FoldedText,
} from './text';
import { currentVocabulary, FNV_OFFSET, FNV_PRIME, type Vocabulary } from './vocabulary';

/**
 * Short words that, written before another, rarely form a compound with it: "the rapist" is not
 * `therapist`, "in formal" not `informal`. A dash still joins them ("in-context" is `incontext`).
 */
const NOT_A_COMPOUND_HEAD = new Set(
  'a an as at be by do in is it of on or so to up we the and are but can for has had her his its may nor not our per she too via was who yet'.split(
    ' ',
  ),
);

/** Two words may be one written in two: a dash between them, or a space after a content word. */
function mayBeOneWord(gap: number, head: string): boolean {
  return gap === GAP_DASH || (gap === GAP_SPACE && head.length > 2 && !NOT_A_COMPOUND_HEAD.has(head));
}

/** What the matcher reads from a paper (a PaperEntry fits). */
export interface PaperLike {
  title: string;
  abstract?: string;
  authors: readonly string[];
  categories?: readonly string[];
  venue?: string;
}

/** Scratch space for the text being indexed (papers are prepared one at a time): grown, never shrunk. */
let scratch = new Int32Array(4096);
let scratchJoined = new Uint8Array(1024);
const extraIds: number[] = [];
const extraSpans: number[] = [];
const NO_EXTRA = new Int32Array(0);

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const isDash = (c: number): boolean => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;

/** Whether the character at i (a whole surrogate pair when it is one) is part of a word; its width. */
function nonAsciiWordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return WORD_CHAR.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * A paper's title then abstract as words with offsets into those strings, and one index from ids (stems,
 * registered compounds and prefixes, see ./vocabulary) to the places they occur: one lookup per term finds
 * it in either field, words below `titleWords` being the title's.
 */
export class PaperWords {
  readonly vocab: Vocabulary;
  /** The vocabulary's registry version when this text was indexed. */
  readonly version: number;
  readonly length: number;
  /** Words 0..titleWords-1 are the title's, the rest the abstract's. */
  readonly titleWords: number;
  /** Per word i: data[4i] start offset, data[4i+1] end offset, data[4i+2] word id, data[4i+3] stem id. */
  private readonly data: Int32Array;
  /** `joined[i]`: GAP_SPACE or GAP_DASH when only spaces or dashes stand between word i-1 and word i. */
  readonly joined: Uint8Array;
  /**
   * Entries: entry e < length is word e under its stem; entry e ≥ length covers words
   * `extra[2(e-length)]..extra[2(e-length)+1]` (a compound split in two, a word under a prefix id).
   * `table` (open addressing: id + 1, first entry) finds an id's first entry; `next` chains the rest (-1 ends).
   */
  private readonly extra: Int32Array;
  private readonly table: Int32Array;
  readonly next: Int32Array;

  constructor(
    readonly title: string,
    readonly abstract: string,
    vocab: Vocabulary = currentVocabulary(),
  ) {
    this.vocab = vocab;
    this.version = vocab.version;
    extraIds.length = extraSpans.length = 0;
    const room = (title.length + abstract.length) * 2 + 16;
    if (scratch.length < room) scratch = new Int32Array(room * 2);
    if (scratchJoined.length < room) scratchJoined = new Uint8Array(room * 2);
    this.titleWords = this.scan(title, 0, vocab);
    const n = (this.length = this.scan(abstract, this.titleWords, vocab));
    this.data = scratch.slice(0, n * 4);
    this.joined = scratchJoined.slice(0, n);
    this.extra = extraSpans.length ? Int32Array.from(extraSpans) : NO_EXTRA;
    const entries = n + extraIds.length;
    // Fewer distinct ids than entries (words repeat): this keeps the table at most about half full.
    let size = 16;
    while (size < entries + (entries >> 2)) size *= 2;
    const table = (this.table = new Int32Array(size * 2));
    const next = (this.next = new Int32Array(entries));
    const mask = size - 1;
    for (let e = entries - 1; e >= 0; e--) {
      const key = (e < n ? (scratch[4 * e + 3] ?? 0) : (extraIds[e - n] ?? 0)) + 1;
      let slot = Math.imul(key, 0x9e3779b1) & mask;
      while (table[2 * slot] !== 0 && table[2 * slot] !== key) slot = (slot + 1) & mask;
      next[e] = table[2 * slot] === 0 ? -1 : (table[2 * slot + 1] ?? -1);
      table[2 * slot] = key;
      table[2 * slot + 1] = e;
    }
  }

  /**
   * Splits the text into words in one pass, hashing each (ASCII lower-cased on the fly) to find its id
   * without cutting it out; a word with other characters (diacritics, other scripts) is folded on its own.
   */
  private scan(text: string, from: number, vocab: Vocabulary): number {
    const end = text.length;
    let n = from;
    let gap = GAP_OTHER;
    let i = 0;
    while (i < end) {
      let c = text.charCodeAt(i);
      let width = 0;
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) width = 1;
      } else {
        width = nonAsciiWordChar(text, i);
      }
      if (!width) {
        if (gap !== GAP_OTHER) gap = isDash(c) ? GAP_DASH : isSpaceOrDash(c) ? gap : GAP_OTHER;
        i++;
        continue;
      }
      const start = i;
      let hash = FNV_OFFSET;
      let ascii = true;
      while (i < end) {
        c = text.charCodeAt(i);
        if (c < 128) {
          if (c >= 65 && c <= 90) c |= 32;
          else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
          hash = Math.imul(hash ^ c, FNV_PRIME);
          i++;
        } else {
          width = nonAsciiWordChar(text, i);
          if (!width) break;
          ascii = false;
          i += width;
        }
      }
      const word = ascii ? vocab.wordInAscii(text, start, i, hash) : vocab.word(fold(text.slice(start, i)));
      let stem = vocab.wordStem[word] ?? 0;
      // LLMs, GPUs: an acronym's plural (capitals, then s) stems to the acronym.
      const first = text.charCodeAt(start);
      if (first >= 65 && first <= 90 && text.charCodeAt(i - 1) === 115 && isAcronymPlural(text.slice(start, i))) {
        stem = vocab.stem((vocab.wordFold[word] ?? '').slice(0, -1));
      }
      const prefixes = vocab.wordPrefixes[word];
      if (prefixes) {
        for (const id of prefixes) {
          extraIds.push(id);
          extraSpans.push(n, n);
        }
      }
      if (gap !== GAP_OTHER) {
        // A registered compound written in two words ("self attention" for `selfattention`).
        const compounds = vocab.compoundsOf(scratch[4 * n - 2] ?? 0, stem);
        if (compounds && mayBeOneWord(gap, vocab.wordFold[scratch[4 * n - 2] ?? 0] ?? '')) {
          for (const id of compounds) {
            extraIds.push(id);
            extraSpans.push(n - 1, n);
          }
        }
      }
      scratch[4 * n] = start;
      scratch[4 * n + 1] = i;
      scratch[4 * n + 2] = word;
      scratch[4 * n + 3] = stem;
      scratchJoined[n] = gap;
      n++;
      gap = GAP_SPACE;
    }
    return n;
  }

  /** Where word i starts and ends in the text; its word (folded form) id and stem id. */
  start(i: number): number {
    return this.data[4 * i] ?? 0;
  }

  end(i: number): number {
    return this.data[4 * i + 1] ?? 0;
  }

  word(i: number): number {
    return this.data[4 * i + 2] ?? -1;
  }

  stem(i: number): number {
    return this.data[4 * i + 3] ?? -1;
  }

  /** The first entry indexed under `id`, or -1; follow `next` for the others. */
  first(id: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const key = id + 1;
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const found = table[2 * slot];
      if (found === 0) return -1;
      if (found === key) return table[2 * slot + 1] ?? -1;
    }
  }

  /** The first and last word an entry covers. */
  entryFirst(e: number): number {
    return e < this.length ? e : (this.extra[2 * (e - this.length)] ?? 0);
  }

  entryLast(e: number): number {
    return e < this.length ? e : (this.extra[2 * (e - this.length) + 1] ?? 0);
  }

  /** Words i and i+1 may be one word written in two: a dash between them, or a space after a content word. */
  isPair(i: number): boolean {
    return mayBeOneWord(this.joined[i + 1] ?? GAP_OTHER, this.fold(i));
  }

  /** Word i folded (lower case, no diacritics). */
  fold(i: number): string {
    return this.vocab.wordFold[this.word(i)] ?? '';
  }

  /** The string word i is in: the title or the abstract. */
  textOf(i: number): string {
    return i < this.titleWords ? this.title : this.abstract;
  }

  /** Word i as written. */
  raw(i: number): string {
    return this.textOf(i).slice(this.start(i), this.end(i));
  }

  /** What stands between word i-1 and word i (a mark no query has between the title and the abstract). */
  gap(i: number): string {
    return i === this.titleWords ? '\u0000' : this.textOf(i).slice(this.end(i - 1), this.start(i));
  }
}

/** An author's name as folded words in first-name-first order, with offsets into the name as written. */
export interface PreparedName {
  text: string;
  folds: string[];
  starts: number[];
  ends: number[];
}

/** A name's words; "LeCun, Yann" is read as "Yann LeCun". */
export function prepareName(text: string): PreparedName {
  const words = Array.from(text.matchAll(/[\p{L}\p{N}\p{M}]+/gu), (m) => ({
    fold: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const comma = text.indexOf(',');
  const ordered = comma < 0 ? words : [...words.filter((w) => w.start > comma), ...words.filter((w) => w.end <= comma)];
  return {
    text,
    folds: ordered.map((w) => w.fold),
    starts: ordered.map((w) => w.start),
    ends: ordered.map((w) => w.end),
  };
}

/** A category as shown: its arXiv code (lower-cased, with offsets) if it has one, and its folded label. */
export interface PreparedCategory {
  text: string;
  code: string | null;
  /** The code's archive: `cs` for cs.LG, `hep-th` for hep-th. */
  archive: string | null;
  codeStart: number;
  codeEnd: number;
  /** The whole string is the code (`cs.LG`), so there is no label to search. */
  codeOnly: boolean;
  label: FoldedText;
}

const ARXIV_CODE = /^[a-z-]+(?:\.[A-Za-z-]+)?$/i;
const ARXIV_CODE_IN_LABEL = /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/i;

function prepareCategory(text: string): PreparedCategory {
  const trimmed = text.trim();
  if (ARXIV_CODE.test(trimmed)) {
    const start = text.indexOf(trimmed);
    return {
      text,
      code: trimmed.toLowerCase(),
      archive: trimmed.toLowerCase().split('.')[0] ?? null,
      codeStart: start,
      codeEnd: start + trimmed.length,
      codeOnly: true,
      label: foldWithMap(text),
    };
  }
  const m = ARXIV_CODE_IN_LABEL.exec(text);
  const code = m?.[1];
  const codeStart = code && m ? m.index + 1 : -1;
  return {
    text,
    code: code ? code.toLowerCase() : null,
    archive: code ? (code.toLowerCase().split('.')[0] ?? null) : null,
    codeStart,
    codeEnd: code ? codeStart + code.length : -1,
    codeOnly: false,
    label: foldWithMap(text),
  };
}

/** A paper ready for matching; build it once per paper with `preparePaper` and reuse it for every interest. */
export class PreparedPaper {
  readonly words: PaperWords;
  private namesCache?: PreparedName[];
  private authorLettersCache?: string;
  private categoriesCache?: PreparedCategory[];
  private venueCache?: FoldedText | null;

  constructor(readonly paper: PaperLike) {
    this.words = new PaperWords(paper.title, paper.abstract ?? '');
  }

  /** Authors, categories and venue are read only by field filters: prepared on first use. */
  get names(): PreparedName[] {
    return (this.namesCache ??= this.paper.authors.map(prepareName));
  }

  /** Every author's letters and digits folded, run together: a cheap test before reading names one by one. */
  get authorLetters(): string {
    return (this.authorLettersCache ??= fold(this.paper.authors.join(' ')).replace(/[^\p{L}\p{N}]+/gu, ''));
  }

  get categories(): PreparedCategory[] {
    return (this.categoriesCache ??= (this.paper.categories ?? []).map(prepareCategory));
  }

  get venue(): FoldedText | null {
    if (this.venueCache === undefined) this.venueCache = this.paper.venue ? foldWithMap(this.paper.venue) : null;
    return this.venueCache;
  }
}

/** Indexes a paper's title and abstract once, for every interest to match against. */
export function preparePaper(paper: PaperLike): PreparedPaper {
  return new PreparedPaper(paper);
}
