import { PairMap } from './pair-map';
import { SpellingTable } from './spelling-table';
import { ROWS_PER_STEP, runSteps, type Steps } from './steps';
import { stem, STOP_WORDS } from './tokenize';

/** What the ranker reads of a paper. */
export interface RankerDoc {
  title: string;
  abstract?: string;
  authors?: readonly string[];
}

/** Rows of a sparse matrix in compressed-row form: row `r` is `indices/values[indptr[r]..indptr[r+1]]`. */
export interface SparseRows {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  columns: number;
}

/** Options of the analyser: which terms a paper yields. */
export interface AnalyzerOptions {
  bigrams: boolean;
  authors: boolean;
  /** How many times title words count (the title is the densest statement of the subject). */
  titleRepeat: number;
  stem: boolean;
}

/**
 * Every distinct term (word, or pair of adjacent words) of a corpus, numbered in order of first appearance.
 * Words are stemmed and stop words dropped once per distinct spelling, not once per occurrence.
 */
export class TermTable {
  /**
   * For each term: a word's `-1 - its word number`, or a bigram's first word's term id; and a bigram's second
   * word's term id (a word's is unused).
   */
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);
  private count = 0;
  /** Text and label of each word, by word number. */
  private readonly texts: string[] = [];
  private readonly labels: string[] = [];
  private readonly wordTerms = new Map<string, number>();
  private readonly pairs = new PairMap();
  readonly spellings: SpellingTable;

  constructor(readonly options: AnalyzerOptions) {
    this.spellings = new SpellingTable((raw) => this.spelling(raw));
  }

  get size(): number {
    return this.count;
  }

  /** The term as text: "reward", "reward model". */
  name(term: number): string {
    return this.isBigram(term)
      ? `${this.name(this.first[term]!)} ${this.name(this.second[term]!)}`
      : this.texts[-1 - this.first[term]!]!;
  }

  isBigram(term: number): boolean {
    return this.first[term]! >= 0;
  }

  /** The term as a reader would write it: the shortest spelling seen of each word ("models" → "model"). */
  label(term: number): string {
    return this.isBigram(term)
      ? `${this.label(this.first[term]!)} ${this.label(this.second[term]!)}`
      : this.labels[-1 - this.first[term]!]!;
  }

  /** The term id of a word as written, or -1 for a stop word: called once per distinct spelling. */
  private spelling(raw: string): number {
    if (STOP_WORDS.has(raw)) return -1;
    const text = this.options.stem ? stem(raw) : raw;
    let id = this.wordTerms.get(text);
    if (id === undefined) {
      id = this.add(-1 - this.texts.length, -1);
      this.texts.push(text);
      this.labels.push(raw);
      this.wordTerms.set(text, id);
    } else {
      const word = -1 - this.first[id]!;
      if (raw.length < this.labels[word]!.length) this.labels[word] = raw;
    }
    return id;
  }

  /** The term id of two adjacent words, adding it when new. */
  bigram(a: number, b: number): number {
    const id = this.pairs.getOrAdd(a, b, this.count);
    if (id === this.count) this.add(a, b);
    return id;
  }

  private add(first: number, second: number): number {
    if (this.count === this.first.length) {
      const grow = (a: Int32Array) => {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.first = grow(this.first);
      this.second = grow(this.second);
    }
    this.first[this.count] = first;
    this.second[this.count] = second;
    return this.count++;
  }
}

/** A paper's distinct terms and how often each occurs. */
export interface TermCounts {
  terms: Int32Array;
  counts: Float64Array;
  /** Occurrences of word pairs too rare in the corpus to have been numbered (they still make the paper longer). */
  rareBigrams: number;
}

const BREAK = -1;

/**
 * Hands out typed arrays as views of large blocks: a corpus's thousands of small arrays then take a few buffers,
 * not one each (fewer allocations, and far less work for the garbage collector while the worker trains).
 */
class Blocks<T extends Int32Array | Float64Array> {
  private block: T;
  private used = 0;

  constructor(private readonly make: (length: number) => T) {
    this.block = make(0);
  }

  /** A zeroed array of `length` elements. */
  take(length: number): T {
    if (this.used + length > this.block.length) {
      this.block = this.make(Math.max(BLOCK, length));
      this.used = 0;
    }
    this.used += length;
    return this.block.subarray(this.used - length, this.used) as T;
  }
}

const BLOCK = 1 << 16;

/** Growable buffer of term ids. */
class IdBuffer {
  ids = new Int32Array(4096);
  n = 0;

  push(id: number): void {
    if (this.n === this.ids.length) {
      const bigger = new Int32Array(this.n * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.n++] = id;
  }
}

/**
 * The authors as one text, read like a sentence: "Yann LeCun, Yoshua Bengio" yields yann, lecun, "yann lecun" (the
 * author), and "lecun yoshua" (a pair of co-authors, a feature only when they often sign together).
 */
export function authorsText(authors: readonly string[]): string {
  return authors.join(', ');
}

/** Appends the term ids of a text's words (stop words left out) to `buffer`, `repeat` times, then BREAK. */
function readText(table: TermTable, buffer: IdBuffer, text: string, repeat: number): void {
  const n = table.spellings.scan(text);
  const ids = table.spellings.ids;
  for (let r = 0; r < repeat; r++) {
    for (let i = 0; i < n; i++) if (ids[i]! >= 0) buffer.push(ids[i]!);
    buffer.push(BREAK);
  }
}

/** A paper's words as term ids, in order, with BREAK after the title, the abstract and the authors. */
function readWords(doc: RankerDoc, table: TermTable, buffer: IdBuffer, blocks: Blocks<Int32Array>): Int32Array {
  buffer.n = 0;
  readText(table, buffer, doc.title, table.options.titleRepeat);
  if (doc.abstract) readText(table, buffer, doc.abstract, 1);
  if (table.options.authors && doc.authors) readText(table, buffer, authorsText(doc.authors), 1);
  const words = blocks.take(buffer.n);
  words.set(buffer.ids.subarray(0, buffer.n));
  return words;
}

const pairHash = (a: number, b: number) => Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77);

/** Papers read between two yields (reading one takes some 20 µs). */
const PAPERS_PER_STEP = 32;
/** Terms gone through between two yields when choosing the columns (a few nanoseconds each). */
const TERMS_PER_STEP = 1 << 14;

/**
 * Reads a corpus into term counts. Word pairs are numbered only when they may occur in `minDf` papers: a first
 * pass counts pair occurrences in a small hashed sketch (which can only over-count), so the hundreds of thousands
 * of pairs seen once never enter the table.
 */
export function countCorpus(docs: readonly RankerDoc[], table: TermTable, minDf: number): TermCounts[] {
  return runSteps(countCorpusSteps(docs, table, minDf));
}

/** `countCorpus` in steps. */
export function* countCorpusSteps(docs: readonly RankerDoc[], table: TermTable, minDf: number): Steps<TermCounts[]> {
  const buffer = new IdBuffer();
  const blocks = new Blocks((n) => new Int32Array(n));
  const read: Int32Array[] = [];
  for (const doc of docs) {
    read.push(readWords(doc, table, buffer, blocks));
    if (read.length % PAPERS_PER_STEP === 0) yield;
  }
  let tokens = 0;
  for (const words of read) tokens += words.length;
  let size = 1 << 16;
  while (size < 2 * tokens && size < 1 << 23) size *= 2;
  const sketch = new Uint8Array(size);
  const mask = size - 1;
  if (table.options.bigrams) {
    for (let paper = 0; paper < read.length; paper++) {
      const words = read[paper]!;
      for (let i = 1; i < words.length; i++) {
        if (words[i - 1]! < 0 || words[i]! < 0) continue;
        const h = pairHash(words[i - 1]!, words[i]!) & mask;
        if (sketch[h]! < 255) sketch[h]!++;
      }
      if ((paper + 1) % ROWS_PER_STEP === 0) yield;
    }
  }
  const counter = new PaperCounter(table, sketch, minDf);
  const counts: TermCounts[] = [];
  for (const words of read) {
    counts.push(counter.count(words));
    if (counts.length % PAPERS_PER_STEP === 0) yield;
  }
  return counts;
}

/** Counts the terms of each paper in turn (one scratch buffer for all of them). */
class PaperCounter {
  private readonly occurrences = new IdBuffer();
  private readonly termBlocks = new Blocks((n) => new Int32Array(n));
  private readonly countBlocks = new Blocks((n) => new Float64Array(n));
  private lastSeen = new Int32Array(0);
  private position = new Int32Array(0);
  private paper = 0;
  private readonly mask: number;

  constructor(
    private readonly table: TermTable,
    private readonly sketch: Uint8Array,
    private readonly minDf: number,
  ) {
    this.mask = sketch.length - 1;
  }

  /** The terms of the next paper, from its words (`readWords`). */
  count(words: Int32Array): TermCounts {
    const { table, sketch, mask, minDf, occurrences } = this;
    const paper = this.paper++;
    occurrences.n = 0;
    let rareBigrams = 0;
    for (let i = 0; i < words.length; i++) {
      const id = words[i]!;
      if (id < 0) continue;
      occurrences.push(id);
      const previous = i > 0 ? words[i - 1]! : BREAK;
      if (!table.options.bigrams || previous < 0) continue;
      if (sketch[pairHash(previous, id) & mask]! >= minDf) occurrences.push(table.bigram(previous, id));
      else rareBigrams++;
    }
    if (this.lastSeen.length < table.size) {
      this.lastSeen = new Int32Array(Math.max(table.size, this.lastSeen.length * 2)).fill(-1);
      this.position = new Int32Array(this.lastSeen.length);
    }
    const { lastSeen, position } = this;
    // Counting without sorting: a term was already met in this paper when its lastSeen is this paper.
    let distinct = 0;
    for (let i = 0; i < occurrences.n; i++) {
      const t = occurrences.ids[i]!;
      if (lastSeen[t] !== paper) {
        lastSeen[t] = paper;
        position[t] = distinct++;
      }
    }
    const terms = this.termBlocks.take(distinct);
    const counts = this.countBlocks.take(distinct);
    for (let i = 0; i < occurrences.n; i++) {
      const t = occurrences.ids[i]!;
      terms[position[t]!] = t;
      counts[position[t]!]!++;
    }
    return { terms, counts, rareBigrams };
  }
}

/** Options of the TF-IDF weighting. */
export interface TfidfOptions {
  /** A term must occur in at least this many papers to become a feature. */
  minDf: number;
  /** A term in more than this fraction of papers is too common to tell subjects apart. */
  maxDfRatio: number;
  /** 1 + ln(tf) instead of tf: the fifth "graph" in an abstract says little more than the second. */
  sublinearTf: boolean;
}

/** Document frequencies of every term of the table over the given papers. */
export function documentFrequencies(docs: readonly TermCounts[], size: number): Int32Array {
  return runSteps(documentFrequenciesSteps(docs, size));
}

/** `documentFrequencies` in steps. */
export function* documentFrequenciesSteps(docs: readonly TermCounts[], size: number): Steps<Int32Array> {
  const df = new Int32Array(size);
  for (let r = 0; r < docs.length; r++) {
    for (const t of docs[r]!.terms) df[t]!++;
    if ((r + 1) % ROWS_PER_STEP === 0) yield;
  }
  return df;
}

/** Smoothed inverse document frequency, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1. */
export function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** Term weight before normalisation. */
// 1 + ln(tf) for the counts nearly every term has: a table lookup instead of a logarithm per feature.
const SUBLINEAR = Float64Array.from({ length: 64 }, (_, n) => 1 + Math.log(n));

export function termWeight(count: number, sublinear: boolean): number {
  if (!sublinear) return count;
  return count < SUBLINEAR.length ? SUBLINEAR[count]! : 1 + Math.log(count);
}

/** Feature columns: terms kept by document frequency, each with its column and IDF. */
export interface Columns {
  /** Column of each term id, or -1 when the term is not a feature. */
  columnOf: Int32Array;
  /** Term id of each column. */
  termOf: Int32Array;
  idf: Float64Array;
}

/** Chooses the feature columns by document frequency. */
export function selectColumns(df: Int32Array, n: number, options: TfidfOptions): Columns {
  return runSteps(selectColumnsSteps(df, n, options));
}

/** `selectColumns` in steps. */
export function* selectColumnsSteps(df: Int32Array, n: number, options: TfidfOptions): Steps<Columns> {
  const maxDf = options.maxDfRatio * n;
  const columnOf = new Int32Array(df.length).fill(-1);
  const kept: number[] = [];
  for (let t = 0; t < df.length; t++) {
    if (df[t]! >= options.minDf && df[t]! <= maxDf) {
      columnOf[t] = kept.length;
      kept.push(t);
    }
    if ((t + 1) % TERMS_PER_STEP === 0) yield;
  }
  const termOf = Int32Array.from(kept);
  const idf = new Float64Array(kept.length);
  for (let c = 0; c < kept.length; c++) {
    idf[c] = inverseDocumentFrequency(df[kept[c]!]!, n);
    if ((c + 1) % TERMS_PER_STEP === 0) yield;
  }
  return { columnOf, termOf, idf };
}

/** L2-normalised TF-IDF rows of the given papers over the chosen columns. */
export function tfidfRows(docs: readonly TermCounts[], columns: Columns, sublinear: boolean): SparseRows {
  return runSteps(tfidfRowsSteps(docs, columns, sublinear));
}

/** `tfidfRows` in steps. */
export function* tfidfRowsSteps(docs: readonly TermCounts[], columns: Columns, sublinear: boolean): Steps<SparseRows> {
  let nnz = 0;
  for (let r = 0; r < docs.length; r++) {
    for (const t of docs[r]!.terms) if (columns.columnOf[t]! >= 0) nnz++;
    if ((r + 1) % ROWS_PER_STEP === 0) yield;
  }
  const indptr = new Int32Array(docs.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let r = 0; r < docs.length; r++) {
    const doc = docs[r]!;
    const start = p;
    let norm = 0;
    for (let i = 0; i < doc.terms.length; i++) {
      const c = columns.columnOf[doc.terms[i]!]!;
      if (c < 0) continue;
      const v = termWeight(doc.counts[i]!, sublinear) * columns.idf[c]!;
      indices[p] = c;
      values[p++] = v;
      norm += v * v;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let q = start; q < p; q++) values[q]! *= inv;
    }
    indptr[r + 1] = p;
    if ((r + 1) % ROWS_PER_STEP === 0) yield;
  }
  return { indptr, indices, values, columns: columns.termOf.length };
}

/** Dot product of row `r` with a dense weight vector. */
export function dotRow(rows: SparseRows, r: number, w: Float64Array): number {
  let s = 0;
  for (let p = rows.indptr[r]!; p < rows.indptr[r + 1]!; p++) s += rows.values[p]! * w[rows.indices[p]!]!;
  return s;
}
