import { PairMap } from './pair-map';
import { authorKey, foldText, stem, STOP_WORDS, WORD_PATTERN } from './tokenize';

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
 * Every distinct term (word, pair of adjacent words, author) of a corpus, numbered in order of first appearance.
 * Words are stemmed and stop words dropped once per distinct spelling, not once per occurrence.
 */
export class TermTable {
  /** For each term: its first word's term id (itself for a word), and its second word's for a bigram (else -1). */
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);
  private count = 0;
  private readonly texts: string[] = [];
  private readonly labels: string[] = [];
  private readonly spellings = new Map<string, number>();
  private readonly wordTerms = new Map<string, number>();
  private readonly pairs = new PairMap();

  constructor(readonly options: AnalyzerOptions) {}

  get size(): number {
    return this.count;
  }

  /** The term as text: "reward", "reward model", "@lecun y". */
  name(term: number): string {
    const second = this.second[term]!;
    const first = this.texts[this.first[term]!]!;
    return second < 0 ? first : `${first} ${this.texts[second]!}`;
  }

  isBigram(term: number): boolean {
    return this.second[term]! >= 0;
  }

  /** The term as a reader would write it: the shortest spelling seen of each word, an author's name as written. */
  label(term: number): string {
    const second = this.second[term]!;
    const first = this.labels[this.first[term]!]!;
    return second < 0 ? first : `${first} ${this.labels[second]!}`;
  }

  /** The term id of a word as written (-1 for a stop word), adding it when new. */
  spelling(raw: string): number {
    let id = this.spellings.get(raw);
    if (id === undefined) {
      id = STOP_WORDS.has(raw) ? -1 : this.word(this.options.stem ? stem(raw) : raw, raw);
      this.spellings.set(raw, id);
      if (id >= 0 && raw.length < this.labels[id]!.length) this.labels[id] = raw;
    }
    return id;
  }

  /** The term id of a normalised word or author key, adding it when new (labelled with its first spelling). */
  word(text: string, label = text): number {
    let id = this.wordTerms.get(text);
    if (id === undefined) {
      id = this.add(-1, text, label);
      this.wordTerms.set(text, id);
    }
    return id;
  }

  /** The term id of two adjacent words, adding it when new. */
  bigram(a: number, b: number): number {
    const id = this.pairs.getOrAdd(a, b, this.count);
    if (id === this.count) this.add(a, '', '', b);
    return id;
  }

  private add(first: number, text: string, label: string, second = -1): number {
    if (this.count === this.first.length) {
      const grow = (a: Int32Array) => {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.first = grow(this.first);
      this.second = grow(this.second);
    }
    const id = this.count++;
    this.first[id] = first < 0 ? id : first;
    this.second[id] = second;
    this.texts.push(text);
    this.labels.push(label);
    return id;
  }
}

/** A paper's distinct terms and their counts, sorted by term id. */
export interface TermCounts {
  terms: Int32Array;
  counts: Float64Array;
}

let scratch = new Int32Array(4096);

function pushTerm(n: number, term: number): number {
  if (n === scratch.length) {
    const bigger = new Int32Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  scratch[n] = term;
  return n + 1;
}

function pushText(table: TermTable, text: string, repeat: number, n: number): number {
  const raw = foldText(text).match(WORD_PATTERN);
  if (!raw) return n;
  const bigrams = table.options.bigrams;
  for (let r = 0; r < repeat; r++) {
    let previous = -1;
    for (const word of raw) {
      const id = table.spelling(word);
      if (id < 0) continue;
      n = pushTerm(n, id);
      if (bigrams && previous >= 0) n = pushTerm(n, table.bigram(previous, id));
      previous = id;
    }
  }
  return n;
}

/** Counts a paper's terms, adding new ones to the table. */
export function countTerms(doc: RankerDoc, table: TermTable): TermCounts {
  let n = pushText(table, doc.title, table.options.titleRepeat, 0);
  if (doc.abstract) n = pushText(table, doc.abstract, 1, n);
  if (table.options.authors && doc.authors) {
    for (const author of doc.authors) {
      const key = authorKey(author);
      if (key) n = pushTerm(n, table.word(key, author.trim()));
    }
  }
  const sorted = scratch.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const terms = new Int32Array(distinct);
  const counts = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) terms[++k] = sorted[i]!;
    counts[k]!++;
  }
  return { terms, counts };
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
  const df = new Int32Array(size);
  for (const doc of docs) for (const t of doc.terms) df[t]!++;
  return df;
}

/** Smoothed inverse document frequency, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1. */
export function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** Term weight before normalisation. */
export function termWeight(count: number, sublinear: boolean): number {
  return sublinear ? 1 + Math.log(count) : count;
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
  const maxDf = options.maxDfRatio * n;
  const columnOf = new Int32Array(df.length).fill(-1);
  const kept: number[] = [];
  for (let t = 0; t < df.length; t++) {
    if (df[t]! >= options.minDf && df[t]! <= maxDf) {
      columnOf[t] = kept.length;
      kept.push(t);
    }
  }
  const termOf = Int32Array.from(kept);
  const idf = new Float64Array(kept.length);
  for (let c = 0; c < kept.length; c++) idf[c] = inverseDocumentFrequency(df[kept[c]!]!, n);
  return { columnOf, termOf, idf };
}

/** L2-normalised TF-IDF rows of the given papers over the chosen columns. */
export function tfidfRows(docs: readonly TermCounts[], columns: Columns, sublinear: boolean): SparseRows {
  let nnz = 0;
  for (const doc of docs) for (const t of doc.terms) if (columns.columnOf[t]! >= 0) nnz++;
  const indptr = new Int32Array(docs.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  docs.forEach((doc, r) => {
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
  });
  return { indptr, indices, values, columns: columns.termOf.length };
}

/** Dot product of row `r` with a dense weight vector. */
export function dotRow(rows: SparseRows, r: number, w: Float64Array): number {
  let s = 0;
  for (let p = rows.indptr[r]!; p < rows.indptr[r + 1]!; p++) s += rows.values[p]! * w[rows.indices[p]!]!;
  return s;
}
