import { describe, expect, it } from 'vitest';
import { compileInterests, rankerPoints, scorePaper } from '../../../lib/scoring/score';
import {
  ABSTRACT_HIT,
  AUTHOR_HIT,
  CATEGORY_HIT,
  MAX_SCORE,
  MUTE_PENALTY,
  RANKER_FLOOR_PERCENTILE,
  RANKER_MAX,
  REPEAT_CAP,
  REPEAT_HIT,
  TITLE_HIT,
} from '../../../lib/scoring/weights';
import { compileRanker, trainRanker } from '../../../lib/scoring/ranker/index';
import { interest, paper } from '../helpers';

const score = (query: string, fields: Parameters<typeof paper>[0], extra = {}) =>
  scorePaper(paper(fields), compileInterests([interest({ query, ...extra })]));

describe('scorePaper: each weight and its effect', () => {
  it(`TITLE_HIT (${TITLE_HIT}) > ABSTRACT_HIT (${ABSTRACT_HIT})`, () => {
    expect(score('diffusion', { title: 'Diffusion for text' }).score).toBe(TITLE_HIT);
    expect(score('diffusion', { title: 'Text generation', abstract: 'We use diffusion.' }).score).toBe(ABSTRACT_HIT);
  });

  it(`AUTHOR_HIT (${AUTHOR_HIT}) and CATEGORY_HIT (${CATEGORY_HIT})`, () => {
    expect(score('author:"Y. LeCun"', { title: 'Convnets', authors: ['Yann LeCun'] }).score).toBe(AUTHOR_HIT);
    expect(score('cat:cs.*', { title: 'X', categories: ['cs.LG'] }).score).toBe(CATEGORY_HIT);
  });

  it(`several distinct terms count more than one term repeated (REPEAT_HIT ${REPEAT_HIT}, cap ${REPEAT_CAP})`, () => {
    const repeated = score('agent', { title: 'Agent', abstract: 'agent agent agent agent agent' }).score;
    const distinct = score('agent, planning', { title: 'Agent planning' }).score;
    expect(repeated).toBe(TITLE_HIT + REPEAT_HIT * (REPEAT_CAP - 1));
    expect(distinct).toBe(2 * TITLE_HIT);
    expect(distinct).toBeGreaterThan(repeated);
  });

  it('multiplies by the interest weight and caps at MAX_SCORE', () => {
    expect(score('agent', { title: 'Agents' }, { weight: 2 }).score).toBe(2 * TITLE_HIT);
    expect(score('agent, tool, planning', { title: 'Agent tool planning' }, { weight: 3 }).score).toBe(MAX_SCORE);
  });

  it(`a "lower" mute takes MUTE_PENALTY (${MUTE_PENALTY}) away; a "hide" mute zeroes and flags the paper`, () => {
    const interests = (mute: 'lower' | 'hide') =>
      compileInterests([
        interest({ id: 'a', query: 'agent', weight: 2 }),
        interest({ id: 's', name: 'Surveys', query: 'survey', mute }),
      ]);
    const p = paper({ title: 'A survey of agents' });
    const lowered = scorePaper(p, interests('lower'));
    expect(lowered.score).toBe(2 * TITLE_HIT - MUTE_PENALTY);
    expect(lowered.muted).toBe('lower');
    expect(lowered.tags.map((t) => t.interestId)).toEqual(['a']);
    const hidden = scorePaper(p, interests('hide'));
    expect(hidden).toMatchObject({ score: 0, muted: 'hide' });
  });

  it('reports each term, its field and its spans in the original text', () => {
    const p = paper({ title: 'Self-Attention for agents', abstract: 'Agents use self attention.' });
    const r = scorePaper(p, compileInterests([interest({ id: 'i', query: 'self-attention' })]));
    const title = r.reasons.find((x) => x.field === 'title')!;
    expect(title.spans!.map(([a, b]) => p.title.slice(a, b))).toEqual(['Self-Attention']);
    const abs = r.reasons.find((x) => x.field === 'abstract')!;
    expect(abs.spans!.map(([a, b]) => p.abstract!.slice(a, b))).toEqual(['self attention']);
  });

  it('skips disabled interests and queries that do not parse', () => {
    expect(compileInterests([interest({ query: 'agent', enabled: false }), interest({ query: '"open' })])).toEqual([]);
  });
});

describe('learned ranker in the score', () => {
  it(`adds nothing up to the ${RANKER_FLOOR_PERCENTILE}th percentile, then up to RANKER_MAX (${RANKER_MAX})`, () => {
    expect(rankerPoints(RANKER_FLOOR_PERCENTILE)).toBe(0);
    expect(rankerPoints(100)).toBe(RANKER_MAX);
    expect(rankerPoints(90)).toBeCloseTo(RANKER_MAX / 2);
  });

  it('raises a paper like the shortlist and says which words did it', () => {
    const rl = (t: string) => ({ title: t, abstract: 'reward model rubric RLHF preference optimisation', authors: [] });
    const other = (t: string) => ({ title: t, abstract: 'protein folding structure prediction', authors: [] });
    const model = trainRanker({
      positives: [rl('Reward models for RLHF'), rl('Rubric-based reward models'), rl('RLHF with rubrics')],
      unlabeled: Array.from({ length: 30 }, (_, i) => other(`Protein structure ${i}`)),
    })!;
    const ranker = compileRanker(model);
    const similar = scorePaper(
      paper({ title: 'Better reward model rubrics', abstract: 'RLHF reward model rubric' }),
      [],
      ranker,
    );
    const unrelated = scorePaper(paper({ title: 'Protein folding', abstract: 'structure prediction' }), [], ranker);
    expect(similar.score).toBeGreaterThan(unrelated.score);
    expect(similar.ranker?.words.join(' ')).toMatch(/reward|rubric|rlhf/i);
    expect(unrelated.ranker).toBeUndefined();
  });
});
