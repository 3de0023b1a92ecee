import { describe, expect, it } from 'vitest';
import {
  compileRanker,
  DEFAULT_RANKER_SETTINGS,
  percentileOf,
  RankerModelSchema,
  scorePaper,
  scorePapers,
  trainRanker,
  type RankerDoc,
} from '../../../../lib/scoring/ranker';
import { seededRandom, trainSvm } from '../../../../lib/scoring/ranker/linear';
import { kthSmallest, strongest } from '../../../../lib/scoring/ranker/train';
import { words } from '../../../../lib/scoring/ranker/tokenize';
import { averagePrecision, papersOn } from './corpus';

// A user who shortlisted 5 alignment papers, and saw (without saving) a mix of subjects, some alignment too.
const shortlist = papersOn('alignment', 5, 1);
const seen = [...papersOn('alignment', 10, 2), ...papersOn('proteins', 60, 3), ...papersOn('galaxies', 60, 4)];
const model = trainRanker({ positives: shortlist, unlabeled: seen })!;
const ranker = compileRanker(model);
const fresh = [...papersOn('alignment', 20, 5), ...papersOn('proteins', 20, 6), ...papersOn('galaxies', 20, 7)];
const isAlignment = fresh.map((_, i) => i < 20);

describe('trainRanker', () => {
  it('stays silent with fewer than 3 shortlisted papers', () => {
    expect(DEFAULT_RANKER_SETTINGS.minPositives).toBe(3);
    expect(trainRanker({ positives: shortlist.slice(0, 2), unlabeled: seen })).toBeNull();
    expect(trainRanker({ positives: [] })).toBeNull();
    expect(trainRanker({ positives: shortlist.slice(0, 3), unlabeled: seen })).not.toBeNull();
  });

  it('ranks every new paper on the shortlist subject above every other', () => {
    const scores = scorePapers(ranker, fresh).map((s) => s.score);
    expect(averagePrecision(scores, isAlignment)).toBe(1);
    const worstAlignment = Math.min(...scores.slice(0, 20));
    expect(Math.max(...scores.slice(20))).toBeLessThan(worstAlignment);
  });

  it('learns from a new user: 3 shortlisted papers and a few seen, words found only in the shortlist included', () => {
    const small = trainRanker({ positives: shortlist.slice(0, 3), unlabeled: papersOn('proteins', 20, 8) })!;
    expect(small.terms).toContain('rubric');
    const r = compileRanker(small);
    const scores = scorePapers(r, fresh.slice(0, 40)).map((s) => s.score);
    expect(averagePrecision(scores, isAlignment.slice(0, 40))).toBe(1);
  });

  it('lowers papers like the ones given a thumbs-down', () => {
    const astroAlignment: RankerDoc = {
      title: 'Reward model for galaxy redshift survey',
      abstract: 'RLHF policy galaxy redshift dark matter halo',
    };
    const without = trainRanker({ positives: shortlist, unlabeled: seen })!;
    const withThumbsDown = trainRanker({
      positives: shortlist,
      negatives: papersOn('galaxies', 5, 9),
      unlabeled: seen,
    })!;
    const score = (m: typeof model) => scorePaper(compileRanker(m), astroAlignment).percentile;
    expect(score(withThumbsDown)).toBeLessThan(score(without));
    expect(withThumbsDown.trainedOn).toEqual({ positives: 5, negatives: 5, unlabeled: 130 });
  });

  it('is deterministic: the same inputs give the same model', () => {
    const again = trainRanker({ positives: shortlist, unlabeled: seen });
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
  });

  it('keeps only the strongest features, each with its IDF', () => {
    expect(model.terms.length).toBeLessThanOrEqual(DEFAULT_RANKER_SETTINGS.keptFeatures);
    const tiny = trainRanker({ positives: shortlist, unlabeled: seen }, { keptFeatures: 10 })!;
    expect(tiny.terms).toHaveLength(10);
    expect(tiny.idf).toHaveLength(10);
    const strongestWeight = Math.max(...model.weights.map(Math.abs));
    expect(Math.max(...tiny.weights.map(Math.abs))).toBeCloseTo(strongestWeight, 4);
    expect(strongest(Float64Array.from([0, -3, 1, 3, 0, 2]), 3)).toEqual([1, 3, 5]);
    expect(strongest(Float64Array.from([1, 1, 1, 0]), 2)).toEqual([0, 1]);
    expect(strongest(Float64Array.from([0, 1]), 5)).toEqual([1]);
  });

  it('finds the threshold weight as sorting would, ties and all', () => {
    const random = seededRandom(6);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(random() * 300);
      const values = Float64Array.from({ length: n }, () => (random() < 0.4 ? Math.floor(random() * 4) : random()));
      const k = Math.floor(random() * n);
      expect(kthSmallest(Float64Array.from(values), k)).toBe(Float64Array.from(values).sort()[k]);
    }
    expect(kthSmallest(new Float64Array(10_000).fill(2), 123)).toBe(2);
  });
});

describe('scorePaper: explanation', () => {
  const paper: RankerDoc = {
    title: 'Rubric-based reward models for RLHF',
    abstract: 'We train a reward model with rubrics written by annotators.',
    authors: ['Ada Reward'],
  };
  const result = scorePaper(ranker, paper);
  const weightOf = (term: string) => {
    const f = model.terms.findIndex((t, i) => (model.labels[i] || t) === term);
    return f < 0 ? undefined : model.weights[f]!;
  };

  it('names the words of the paper that pushed its score up, strongest first', () => {
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.reasons.length).toBeLessThanOrEqual(DEFAULT_RANKER_SETTINGS.reasons);
    const paperWords = new Set(words(`${paper.title} ${paper.abstract} ${paper.authors!.join(' ')}`));
    for (const { term, contribution } of result.reasons) {
      expect(contribution).toBeGreaterThan(0);
      expect(weightOf(term)).toBeGreaterThan(0);
      for (const word of term.split(' ')) expect(paperWords).toContain(word);
    }
    const contributions = result.reasons.map((r) => r.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect(result.reasons.map((r) => r.term).join(' ')).toMatch(/reward|rubric|rlhf/);
  });

  it('shows a word as written (its shortest spelling), not as its stem', () => {
    // The toy papers only ever say "annotators": the feature is the stem, the label the word.
    const f = model.terms.indexOf('annotator');
    expect(model.labels[f]).toBe('annotators');
    expect(model.labels[model.terms.indexOf('rubric')]).toBe('');
    const withAnnotators = scorePaper(ranker, { title: 'Annotators', abstract: 'annotators annotators' });
    expect(withAnnotators.reasons.map((r) => r.term)).toEqual(['annotators']);
  });

  it('gives no reasons to a paper that shares nothing with the shortlist', () => {
    const unrelated = scorePaper(ranker, { title: 'Tax law', abstract: 'Legal doctrine of estates.' });
    expect(unrelated.reasons).toEqual([]);
    expect(unrelated.score).toBeLessThan(result.score);
  });

  it('reports a percentile among the papers seen: 0–100, growing with the score', () => {
    const all = scorePapers(ranker, fresh);
    for (const s of all) {
      expect(s.percentile).toBeGreaterThanOrEqual(0);
      expect(s.percentile).toBeLessThanOrEqual(100);
    }
    const sorted = [...all].sort((a, b) => a.score - b.score);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.percentile).toBeGreaterThanOrEqual(sorted[i - 1]!.percentile);
    expect(percentileOf([0, 1, 2], 1.5)).toBe(75);
    expect(percentileOf([0, 1, 2], -1)).toBe(0);
    expect(percentileOf([0, 1, 2], 9)).toBe(100);
  });

  it.each([
    ['every feature kept', model],
    ['50 features kept', trainRanker({ positives: shortlist, unlabeled: seen }, { keptFeatures: 50 })!],
  ])('reads a paper exactly as training did (%s): the seen papers score at the stored quantiles', (_, m) => {
    const scores = scorePapers(compileRanker(m), seen)
      .map((s) => s.score)
      .sort((a, b) => a - b);
    const q = m.quantiles;
    for (let p = 0; p < q.length; p++) {
      const expected = scores[Math.round((p * (scores.length - 1)) / (q.length - 1))]!;
      expect(q[p]).toBeCloseTo(expected, 5);
    }
    if (m.terms.length === 50) expect(m.defaultIdf.word).toBeGreaterThan(0);
  });
});

describe('the persisted model', () => {
  it('is plain JSON that validates and scores exactly like the model it came from', () => {
    const restored = RankerModelSchema.parse(JSON.parse(JSON.stringify(model)));
    expect(restored).toEqual(model);
    const again = compileRanker(restored);
    expect(scorePapers(again, fresh)).toEqual(scorePapers(ranker, fresh));
  });

  it('is refused when damaged', () => {
    const damaged = { ...model, weights: model.weights.slice(1) };
    expect(RankerModelSchema.safeParse(damaged).success).toBe(false);
    expect(RankerModelSchema.safeParse({ ...model, version: 2 }).success).toBe(false);
    expect(
      RankerModelSchema.safeParse({ ...model, terms: ['three words here', ...model.terms.slice(1)] }).success,
    ).toBe(false);
  });

  it('is small: a few dozen bytes per feature', () => {
    expect(JSON.stringify(model).length / model.terms.length).toBeLessThan(60);
  });

  it('scores the same after reading 220,000 other spellings (it remembers nothing between papers)', () => {
    const before = scorePaper(compileRanker(model), fresh[0]!);
    const busy = compileRanker(model);
    const random = seededRandom(1);
    const noise = Array.from({ length: 1100 }, () => ({
      title: 'x',
      abstract: Array.from({ length: 200 }, () => `n${Math.floor(random() * 1e9).toString(36)}`).join(' '),
    }));
    scorePapers(busy, noise);
    expect(scorePaper(busy, fresh[0]!)).toEqual(before);
  });
});

describe('trainSvm', () => {
  it('separates a separable set, the same way for the same seed', () => {
    // Two columns; positives lean on column 0, negatives on column 1.
    const rows = {
      indptr: Int32Array.from([0, 2, 4, 6, 8]),
      indices: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
      values: Float64Array.from([0.9, 0.1, 0.8, 0.3, 0.2, 0.9, 0.1, 0.7]),
      columns: 2,
    };
    const labels = Int8Array.from([1, 1, -1, -1]);
    const options = { c: 1, epochs: 100, tolerance: 1e-6, seed: 4 };
    const fit = trainSvm(rows, labels, new Float64Array(4).fill(1), options);
    const score = (r: number) =>
      fit.bias + rows.values[2 * r]! * fit.weights[0]! + rows.values[2 * r + 1]! * fit.weights[1]!;
    for (let r = 0; r < 4; r++) expect(Math.sign(score(r))).toBe(labels[r]);
    expect(trainSvm(rows, labels, new Float64Array(4).fill(1), options)).toEqual(fit);
  });
});

describe('odd inputs', () => {
  it('reads the authors one by one as training reads them joined by commas (pairs across names included)', () => {
    const withAuthors = trainRanker({
      positives: shortlist.map((p, i) => ({ ...p, authors: ['Ada Reward', i % 2 ? 'José Álvarez-Ñúñez' : 'Σ Ω'] })),
      unlabeled: seen,
    })!;
    const r = compileRanker(withAuthors);
    expect(withAuthors.terms).toContain('reward jose');
    const lists = [
      ['Ada Reward', 'José Álvarez-Ñúñez'],
      ['Ada Reward,', '', ' Jose Alvarez', 'ΣΑΣ', 'Rui Rubric'],
      ['Schrö', 'dinger Reward'],
      ['İlker Reward', 'x'],
    ];
    for (const authors of lists) {
      const doc = { title: 'A reward model', abstract: 'We study rubrics.', authors };
      expect(scorePaper(r, doc)).toEqual(scorePaper(r, { ...doc, authors: [authors.join(', ')] }));
    }
  });

  it('trains on a shortlist without words, and then scores every paper alike, without reasons', () => {
    const empty = trainRanker({ positives: [{ title: '∑' }, { title: '—' }, { title: '12' }], unlabeled: seen })!;
    expect(empty).not.toBeNull();
    const r = compileRanker(empty);
    const scores = scorePapers(r, fresh.slice(0, 5));
    for (const s of scores) expect(s.reasons).toEqual([]);
    expect(new Set(scores.map((s) => s.score)).size).toBeLessThanOrEqual(scores.length);
  });

  it('scores a paper without abstract, authors or Latin letters', () => {
    const s = scorePaper(ranker, { title: '强化学习中的奖励模型' });
    expect(Number.isFinite(s.score)).toBe(true);
    expect(s.reasons).toEqual([]);
  });
});
