import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../lib/scoring/ranker/linear';
import { words } from '../../../../lib/scoring/ranker/tokenize';
import {
  countCorpus,
  documentFrequencies,
  inverseDocumentFrequency,
  selectColumns,
  TermTable,
  tfidfRows,
  type AnalyzerOptions,
  type RankerDoc,
  type TermCounts,
} from '../../../../lib/scoring/ranker/vectorize';

const ANALYZER: AnalyzerOptions = { bigrams: true, authors: true, stem: true, titleRepeat: 1 };

/** Each paper's terms by name with their counts. */
function named(docs: RankerDoc[], options = ANALYZER, minDf = 1) {
  const table = new TermTable(options);
  const counts = countCorpus(docs, table, minDf);
  const byName = (doc: TermCounts) =>
    Object.fromEntries(Array.from(doc.terms, (t, i) => [table.name(t), doc.counts[i]!] as const));
  return { table, counts, terms: counts.map(byName) };
}

describe('countCorpus', () => {
  it('counts stemmed words and adjacent pairs, across stop words but not across title, abstract and authors', () => {
    const { terms } = named([
      { title: 'Reward models of the mind', abstract: 'A reward model.', authors: ['Yann LeCun', 'Y. Bengio'] },
    ]);
    expect(terms[0]).toEqual({
      reward: 2,
      model: 2,
      'reward model': 2,
      mind: 1,
      'model mind': 1,
      yann: 1,
      lecun: 1,
      'yann lecun': 1,
      bengio: 1,
      'lecun bengio': 1,
    });
  });

  it('counts the title as often as titleRepeat says', () => {
    const { terms } = named([{ title: 'Graph', abstract: 'graph' }], { ...ANALYZER, titleRepeat: 2 });
    expect(terms[0]).toEqual({ graph: 3 });
  });

  it('labels a word with its shortest spelling', () => {
    const { table, counts } = named([{ title: 'Dynamics', abstract: 'analysis of models and a model' }]);
    const labels = Array.from(counts[0]!.terms, (t) => table.label(t));
    expect(labels).toEqual(expect.arrayContaining(['dynamics', 'analysis', 'model', 'analysis model']));
  });

  it('numbers every pair that occurs in minDf papers (the sketch only leaves out rarer ones)', () => {
    const random = seededRandom(5);
    const vocabulary = Array.from({ length: 60 }, (_, i) => `w${i}x`);
    const docs = Array.from({ length: 300 }, () => ({
      title: '',
      abstract: Array.from({ length: 30 }, () => vocabulary[Math.floor(random() ** 2 * 60)]).join(' '),
    }));
    const minDf = 4;
    const table = new TermTable(ANALYZER);
    const counts = countCorpus(docs, table, minDf);
    const df = documentFrequencies(counts, table.size);
    // Brute force: every pair's document frequency.
    const truth = new Map<string, number>();
    for (const doc of docs) {
      const w = words(doc.abstract);
      for (const pair of new Set(w.slice(1).map((b, i) => `${w[i]} ${b}`))) truth.set(pair, (truth.get(pair) ?? 0) + 1);
    }
    const numbered = new Map<string, number>();
    for (let t = 0; t < table.size; t++) if (table.isBigram(t)) numbered.set(table.name(t), df[t]!);
    for (const [pair, n] of truth) if (n >= minDf) expect(numbered.get(pair)).toBe(n);
    const total = (c: TermCounts) =>
      c.rareBigrams + c.terms.reduce((s, t, i) => s + (table.isBigram(t) ? c.counts[i]! : 0), 0);
    counts.forEach((c, i) => expect(total(c)).toBe(words(docs[i]!.abstract).length - 1));
  });
});

describe('TF-IDF', () => {
  it("uses scikit-learn's smoothed IDF", () => {
    expect(inverseDocumentFrequency(1, 1)).toBe(1);
    expect(inverseDocumentFrequency(9, 99)).toBeCloseTo(Math.log(10) + 1, 12);
  });

  it('keeps terms by document frequency and gives L2-normalised rows with sublinear tf', () => {
    const docs = [
      { title: 'graph neural', abstract: 'common' },
      { title: 'graph graph graph network', abstract: 'common' },
      { title: 'tree network', abstract: 'common' },
      { title: 'tree', abstract: 'common rare' },
    ];
    const table = new TermTable({ ...ANALYZER, bigrams: false });
    const counts = countCorpus(docs, table, 2);
    const df = documentFrequencies(counts, table.size);
    const columns = selectColumns(df, docs.length, { minDf: 2, maxDfRatio: 0.9, sublinearTf: true });
    const kept = Array.from(columns.termOf, (t) => table.name(t)).sort();
    expect(kept).toEqual(['graph', 'network', 'tree']); // "common" is in every paper, "rare" and "neural" in one
    const rows = tfidfRows(counts, columns, true);
    const row = (r: number) => {
      const out: Record<string, number> = {};
      for (let p = rows.indptr[r]!; p < rows.indptr[r + 1]!; p++)
        out[table.name(columns.termOf[rows.indices[p]!]!)] = rows.values[p]!;
      return out;
    };
    for (let r = 0; r < docs.length; r++) {
      const norm = Object.values(row(r)).reduce((s, v) => s + v * v, 0);
      expect(norm).toBeCloseTo(1, 12);
    }
    expect(Object.keys(row(0))).toEqual(['graph']);
    // Paper 1: graph and network have the same df; graph occurs 3 times, so it weighs 1 + ln 3 times more.
    expect(row(1).graph! / row(1).network!).toBeCloseTo(1 + Math.log(3), 12);
  });
});
