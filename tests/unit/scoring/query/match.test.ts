import { describe, expect, it } from 'vitest';
import { compileQuery, matchPaper, parseQuery, preparePaper } from '../../../../lib/scoring/query';
import { compile, highlights, match, matches, paper } from './helpers';

describe('words', () => {
  it('match whole words, case-insensitively', () => {
    expect(matches('agent', 'An Agent for chemistry')).toBe(true);
    expect(matches('agent', 'Reagents in chemistry')).toBe(false);
    expect(matches('agent', 'Agency theory')).toBe(false);
    expect(matches('model', 'A world model')).toBe(true);
  });

  it('match inflections through the stemmer', () => {
    expect(matches('agent', 'Collaborating Agents')).toBe(true);
    expect(matches('agents', 'One agent')).toBe(true);
    expect(matches('study', 'Case studies')).toBe(true);
    expect(matches('reasoning', 'LLMs reason poorly')).toBe(true);
    expect(matches('policy', 'Diffusion policies')).toBe(true);
    expect(matches('generalization', 'Generalizing to new tasks')).toBe(true);
    expect(matches('agent', 'Agentic workflows')).toBe(true);
    // Porter2 keeps these apart (the older Porter stemmer conflates them).
    expect(matches('generative', 'General results')).toBe(false);
    expect(matches('news', 'A new method')).toBe(false);
  });

  it('fold diacritics both ways', () => {
    expect(matches('naive', 'Naïve Bayes revisited')).toBe(true);
    expect(matches('naïve', 'Naive Bayes revisited')).toBe(true);
    expect(matches('NAÏVE', 'naive bayes')).toBe(false); // capitals: an acronym, case-sensitive
    expect(matches('schrodinger', 'The Schrödinger bridge')).toBe(true);
    expect(matches('strasse', 'Die Straße')).toBe(true);
    expect(matches('ecole', 'École polytechnique')).toBe(true);
    // Decomposed text (e + combining accent) too.
    expect(matches('cafe', 'Cafe\u0301 culture')).toBe(true);
  });

  it('are found in the title and the abstract', () => {
    expect(highlights('diffusion', { title: 'Diffusion for text', abstract: 'We use diffusion.' })).toEqual([
      'title: Diffusion',
      'abstract: diffusion',
    ]);
    expect(matches('diffusion', 'Text generation', 'We use diffusion.')).toBe(true);
  });
});

describe('phrases and compounds', () => {
  it('match consecutive words, inflected', () => {
    expect(matches('"reward model"', 'Training reward models')).toBe(true);
    expect(matches('"reward model"', 'Reward modeling at scale')).toBe(true);
    expect(matches('"reward model"', 'Model of reward')).toBe(false);
    expect(matches('"reward model"', 'A reward for the model')).toBe(false);
    // A phrase does not run over punctuation.
    expect(matches('"reward model"', 'We give a reward. Model training follows')).toBe(false);
  });

  it('treat hyphen, space and no space alike, whichever way the query is written', () => {
    const texts = ['Self-attention revisited', 'Self attention revisited', 'Selfattention revisited', 'self–attention'];
    for (const query of ['self-attention', '"self attention"', 'selfattention']) {
      for (const text of texts) expect(`${query} ~ ${text}: ${matches(query, text)}`).toBe(`${query} ~ ${text}: true`);
    }
    expect(matches('pretraining', 'Pre-training at scale')).toBe(true);
    expect(matches('pre-training', 'Pretraining at scale')).toBe(true);
    expect(matches('dataset', 'New data sets')).toBe(true);
    expect(matches('"data set"', 'Datasets for NLP')).toBe(true);
  });

  it('do not glue a short function word to the next word', () => {
    expect(matches('therapist', 'What the rapist said')).toBe(false);
    expect(matches('informal', 'Written in formal language')).toBe(false);
    // A dash still joins them.
    expect(matches('incontext', 'In-context learning')).toBe(true);
  });

  it('match longer phrases with a compound inside', () => {
    expect(matches('"self-attention mechanism"', 'The selfattention mechanisms')).toBe(true);
    expect(matches('"selfattention mechanism"', 'The self attention mechanism')).toBe(true);
    expect(matches('"in-context learning"', 'In context learning works')).toBe(true);
  });

  it('keep marks typed between words', () => {
    expect(matches('GPT-3.5', 'Evaluating GPT-3.5 on math')).toBe(true);
    expect(matches('GPT-3.5', 'GPT 3.5 and GPT-4')).toBe(true);
    expect(matches('GPT-3.5', 'GPT-3, 5 runs')).toBe(false);
    expect(matches('cs.LG', 'cross-listed in cs.LG')).toBe(true);
    expect(matches('cs.LG', 'cs LG')).toBe(false);
  });

  it('do not run from the title into the abstract', () => {
    expect(matches('"language model"', 'Towards a language', 'Model checking.')).toBe(false);
  });
});

describe('acronyms', () => {
  // Decision: 2+ capitals are case-sensitive and whole-word; RL does not match RLHF unless written RL*.
  it('match the acronym as written, its plural and inside hyphenated words', () => {
    expect(matches('RL', 'Offline RL for robots')).toBe(true);
    expect(matches('RL', 'RL-based fine-tuning')).toBe(true);
    expect(matches('RL', 'Policy optimisation (RL)')).toBe(true);
    expect(matches('LLM', 'Evaluating LLMs')).toBe(true);
    expect(matches('LLMs', 'An LLM judge')).toBe(true);
    expect(matches('GPU', 'Many GPUs')).toBe(true);
  });

  it('never match inside a longer word or in lower case', () => {
    expect(matches('RL', 'A world model')).toBe(false);
    expect(matches('RL', 'Offline rl for robots')).toBe(false);
    expect(matches('RL', 'RLHF without tears')).toBe(false);
    expect(matches('LLM', 'MLLMs see images')).toBe(false);
    expect(matches('LLM', 'llm inference')).toBe(false);
  });

  it('match longer acronyms with RL*, still case-sensitively', () => {
    expect(highlights('RL*', { title: 'RLHF and RLAIF, not rlhf nor world' })).toEqual(['title: RLHF', 'title: RLAIF']);
  });

  it('are searched in any case when typed in lower case', () => {
    expect(matches('rl', 'Offline RL for robots')).toBe(true);
    expect(matches('rl', 'Offline rl for robots')).toBe(true);
    expect(matches('rl', 'A world model')).toBe(false);
    expect(matches('llm', 'Evaluating LLMs')).toBe(true);
    expect(matches('llms', 'An LLM judge')).toBe(true);
  });

  it('match across a hyphen or none, with digits', () => {
    expect(matches('GPT-4', 'Beating GPT4')).toBe(true);
    expect(matches('GPT4', 'Beating GPT-4')).toBe(true);
    expect(matches('GPT-4', 'Beating gpt-4')).toBe(false);
    expect(matches('"RL agent"', 'RL agents')).toBe(true);
    expect(matches('"RL agent"', 'rl agents')).toBe(false);
  });
});

describe('exact form', () => {
  it('=word matches that word only: case-sensitive, no stemming', () => {
    expect(matches('=RAG', 'RAG pipelines')).toBe(true);
    expect(matches('=RAG', 'RAGs pipelines')).toBe(false);
    expect(matches('=RAG', 'rag pipelines')).toBe(false);
    expect(matches('=models', 'Language models')).toBe(true);
    expect(matches('=models', 'Language model')).toBe(false);
    expect(matches('=Transformer', 'transformer')).toBe(false);
  });

  it('="phrase" matches those words in order', () => {
    expect(matches('="Chain of Thought"', 'Chain of Thought prompting')).toBe(true);
    expect(matches('="Chain of Thought"', 'chain of thought prompting')).toBe(false);
    expect(matches('="Chain of Thought"', 'Chains of Thoughts')).toBe(false);
  });
});

describe('boolean operators', () => {
  const title = 'Agents that plan with tools';
  it('AND, OR, NOT, - and parentheses', () => {
    expect(matches('agent plan', title)).toBe(true);
    expect(matches('agent AND robot', title)).toBe(false);
    expect(matches('robot OR tool', title)).toBe(true);
    expect(matches('robot, tool', title)).toBe(true);
    expect(matches('agent -tool', title)).toBe(false);
    expect(matches('agent NOT robot', title)).toBe(true);
    expect(matches('NOT robot', title)).toBe(true);
    expect(matches('-agent', title)).toBe(false);
    expect(matches('NOT NOT agent', title)).toBe(true);
  });

  it('nest', () => {
    expect(matches('(agent OR robot) AND (tool OR "language model")', title)).toBe(true);
    expect(matches('(agent OR robot) AND (vision OR "language model")', title)).toBe(false);
    expect(matches('agent AND (robot OR (plan AND tool))', title)).toBe(true);
    expect(matches('agent AND (robot OR (plan AND -tool))', title)).toBe(false);
    expect(matches('-(robot OR vision) agent', title)).toBe(true);
    expect(matches('a* -(robot OR (plan tool))', title)).toBe(false);
  });

  it('explain a match by the terms that made it, never by a NOT term', () => {
    const p = { title: 'Agents that plan with tools', abstract: 'No surveys here, only agents.' };
    expect(highlights('agent -survey', { ...p, abstract: 'Only agents.' })).toEqual([
      'title: Agents',
      'abstract: agents',
    ]);
    expect(highlights('agent NOT robot', p)).toEqual(['title: Agents', 'abstract: agents']);
    // Every matching alternative of an OR is explained; a failed branch leaves nothing behind.
    expect(highlights('(plan AND robot) OR tool OR agent', p)).toEqual([
      'title: tools',
      'title: Agents',
      'abstract: agents',
    ]);
  });

  it('give no hits when the paper does not match', () => {
    expect(match('agent robot', { title: 'Agents' })).toEqual({ matched: false, hits: [] });
  });
});

describe('wildcards', () => {
  it('match words starting with the prefix', () => {
    expect(
      highlights('diffusion*', { title: 'Diffusion, diffusions and diffusion-based models; not Diffusive' }),
    ).toEqual(['title: Diffusion', 'title: diffusions', 'title: diffusion']);
    expect(matches('robot*', 'Robotics')).toBe(true);
    expect(matches('robot*', 'Rob')).toBe(false);
    expect(matches('naïv*', 'naively')).toBe(true);
  });

  it('work inside a phrase', () => {
    expect(highlights('"diffusion mod*"', { title: 'Diffusion models and diffusion modelling' })).toEqual([
      'title: Diffusion models',
      'title: diffusion modelling',
    ]);
    expect(matches('"diffusion mod*"', 'Diffusion for models')).toBe(false);
  });
});

describe('title: and abstract:', () => {
  const p = { title: 'Agents in the wild', abstract: 'We study planning with tools.' };
  it('limit a term or a group to one field', () => {
    expect(match('title:agent', p).matched).toBe(true);
    expect(match('abstract:agent', p).matched).toBe(false);
    expect(match('abstract:"planning with tool"', p).matched).toBe(true);
    expect(match('title:(planning OR wild)', p).matched).toBe(true);
    expect(match('title:(planning OR tool)', p).matched).toBe(false);
    expect(highlights('title:agent OR abstract:tool', p)).toEqual(['title: Agents', 'abstract: tools']);
    expect(match('title:agent -abstract:tool', p).matched).toBe(false);
  });

  it('abstract: never matches a paper without one', () => {
    expect(match('abstract:agent', { title: 'Agents' }).matched).toBe(false);
    expect(match('-abstract:agent', { title: 'Agents' }).matched).toBe(true);
  });
});

describe('spans', () => {
  it('point into the original strings, whatever folding and stemming did', () => {
    const title = 'Naïve «Self‐Attention» for Schrödinger’s LLMs — Straße';
    expect(highlights('naive', { title })).toEqual(['title: Naïve']);
    expect(highlights('self-attention', { title })).toEqual(['title: Self‐Attention']);
    expect(highlights('schrodinger', { title })).toEqual(['title: Schrödinger']);
    expect(highlights('LLM', { title })).toEqual(['title: LLMs']);
    expect(highlights('strasse', { title })).toEqual(['title: Straße']);
  });

  it('cover every occurrence, in both fields, sorted', () => {
    const p = {
      title: 'Reward models: reward-model training',
      abstract: 'A reward model, rewardmodels and reward\nmodels.',
    };
    expect(highlights('"reward model"', p)).toEqual([
      'title: Reward models',
      'title: reward-model',
      'abstract: reward model',
      'abstract: rewardmodels',
      'abstract: reward\nmodels',
    ]);
  });

  it('survive characters outside the Basic Multilingual Plane', () => {
    // Compatibility folding reads the mathematical 𝔸 as A.
    const title = '𝒜 study of 😀 agents and naïve 𝔸gents';
    expect(highlights('agent', { title })).toEqual(['title: agents', 'title: 𝔸gents']);
    expect(highlights('naive', { title })).toEqual(['title: naïve']);
  });

  it('merge the same term found twice in a query', () => {
    const result = match('agent OR (agent AND tool)', { title: 'Agents with tools' });
    expect(result.hits).toEqual([
      { term: 'agent', field: 'title', spans: [[0, 6]] },
      expect.objectContaining({ term: 'tool' }),
    ]);
  });
});

describe('prepared papers', () => {
  it('give the same result prepared once or not, and whichever was made first', () => {
    const p = paper({ title: 'Self attention for diffusion-based RLHF agents', abstract: 'Pre training data sets.' });
    const queries = ['selfattention', 'diffusion*', 'RL*', 'pretraining AND dataset', '"diffusion based"', 'agent'];
    // Prepared before the queries are compiled: their compounds and prefixes were not registered yet.
    const early = preparePaper(p);
    const compiled = queries.map(compile);
    const late = preparePaper(p);
    for (const q of compiled) {
      const fresh = matchPaper(q, p);
      expect(fresh.matched).toBe(true);
      expect(matchPaper(q, early)).toEqual(fresh);
      expect(matchPaper(q, late)).toEqual(fresh);
    }
  });

  it('are matched by many queries', () => {
    const prepared = preparePaper(paper({ title: 'Agents plan', abstract: 'With tools.' }));
    const results = ['agent', 'tool', 'robot', 'title:tool'].map((q) => matchPaper(compile(q), prepared).matched);
    expect(results).toEqual([true, true, false, false]);
  });

  it('compile a query once for many papers', () => {
    const parsed = parseQuery('agent OR tool');
    if (!parsed.ok) throw new Error(parsed.error);
    const q = compileQuery(parsed.ast);
    const titles = ['Agents', 'Tools', 'Robots', 'Agent tools'];
    expect(titles.map((title) => matchPaper(q, { title, authors: [] }).matched)).toEqual([true, true, false, true]);
  });
});
