import { describe, expect, it } from 'vitest';
import { compileInterests, queryTerms, scorePaper } from '../../../lib/scoring/keyword-scorer';
import { ABSTRACT_HIT, MAX_SCORE, TITLE_HIT } from '../../../lib/scoring/weights';
import { interest, paper } from '../helpers';

const score = (query: string, fields: Parameters<typeof paper>[0], extra = {}) =>
  scorePaper(paper(fields), compileInterests([interest({ query, ...extra })]));

describe('keyword scorer', () => {
  it('splits a query into comma-separated keywords and quoted phrases', () => {
    expect(queryTerms(' agent, "tool use" ,, reward model ')).toEqual(['agent', 'tool use', 'reward model']);
  });

  it('matches whole words only, case-insensitively', () => {
    expect(score('RL', { title: 'Offline rl for robots' }).score).toBe(TITLE_HIT);
    expect(score('RL', { title: 'A world model' }).score).toBe(0);
    expect(score('agent', { title: 'Reagents in chemistry' }).score).toBe(0);
  });

  it('accepts plurals and hyphen/space variants of phrases', () => {
    expect(score('agent', { title: 'Collaborating Agents' }).score).toBe(TITLE_HIT);
    expect(score('reward model', { title: 'Training reward models' }).score).toBe(TITLE_HIT);
    expect(score('self attention', { title: 'Self-attention revisited' }).score).toBe(TITLE_HIT);
  });

  it(`counts a title hit (${TITLE_HIT}) more than an abstract hit (${ABSTRACT_HIT})`, () => {
    const inTitle = score('diffusion', { title: 'Diffusion for text' });
    const inAbstract = score('diffusion', { title: 'Text generation', abstract: 'We use diffusion.' });
    expect(inTitle.score).toBe(TITLE_HIT);
    expect(inAbstract.score).toBe(ABSTRACT_HIT);
    expect(inTitle.reasons).toEqual([{ interestId: 'diffusion', term: 'diffusion', field: 'title' }]);
    expect(inAbstract.reasons).toEqual([{ interestId: 'diffusion', term: 'diffusion', field: 'abstract' }]);
  });

  it('multiplies by the interest weight and caps at MAX_SCORE', () => {
    expect(score('agent', { title: 'Agents' }, { weight: 2 }).score).toBe(2 * TITLE_HIT);
    expect(score('agent, tool, planning', { title: 'Agent tool planning' }, { weight: 3 }).score).toBe(MAX_SCORE);
  });

  it('ignores disabled interests and orders tags strongest first', () => {
    const interests = [
      interest({ id: 'weak', name: 'Weak', query: 'planning' }),
      interest({ id: 'strong', name: 'Strong', query: 'agent' }),
      interest({ id: 'off', name: 'Off', query: 'agent', enabled: false }),
    ];
    const result = scorePaper(
      paper({ title: 'Agent benchmarks', abstract: 'about planning' }),
      compileInterests(interests),
    );
    expect(result.tags.map((t) => t.name)).toEqual(['Strong', 'Weak']);
    expect(result.score).toBe(TITLE_HIT + ABSTRACT_HIT);
  });

  it('treats regex characters in keywords literally', () => {
    expect(score('C++', { title: 'Fast C++ kernels' }).score).toBe(TITLE_HIT);
    expect(score('a.b', { title: 'axb' }).score).toBe(0);
  });
});
