import { afterEach, describe, expect, it } from 'vitest';
import { matchPaper, preparePaper } from '../../../../lib/scoring/query';
import { currentVocabulary, resetVocabulary, Vocabulary } from '../../../../lib/scoring/query/vocabulary';
import { compile, paper } from './helpers';

// Papers and queries share interned ids; a new vocabulary (a reset, or the old one full) must change no result.
describe('vocabulary', () => {
  afterEach(() => resetVocabulary());

  const p = paper({ title: 'Self attention for diffusion-based RLHF agents', abstract: 'Pre training data sets.' });
  const queries = ['selfattention', 'diffusion*', 'RL*', 'pretraining AND dataset', 'agent -robot', 'GPT-4 OR agent'];

  it('matches papers prepared in an older vocabulary, and queries compiled in one', () => {
    const old = preparePaper(p);
    const compiledOld = queries.map(compile);
    resetVocabulary();
    const fresh = preparePaper(p);
    const compiledNew = queries.map(compile);
    for (const q of [...compiledOld, ...compiledNew]) {
      expect(matchPaper(q, old).matched).toBe(true);
      expect(matchPaper(q, fresh)).toEqual(matchPaper(q, old));
    }
  });

  it('interns words and stems once', () => {
    const vocab = new Vocabulary();
    const agents = vocab.word('agents');
    expect(vocab.word('agents')).toBe(agents);
    expect(vocab.word('agent')).not.toBe(agents);
    expect(vocab.wordStem[vocab.word('agent')]).toBe(vocab.wordStem[agents]);
    expect(vocab.stemText[vocab.wordStem[agents] ?? -1]).toBe('agent');
  });

  it('tags words with the prefixes registered before and after they were seen', () => {
    const vocab = new Vocabulary();
    const before = vocab.word('diffusion');
    const prefix = vocab.registerPrefix('diffus');
    const after = vocab.word('diffusive');
    expect(vocab.wordPrefixes[before]).toEqual([prefix]);
    expect(vocab.wordPrefixes[after]).toEqual([prefix]);
    expect(vocab.wordPrefixes[vocab.word('diffract')]).toBeUndefined();
  });

  it('records the splits of a compound and bumps its version', () => {
    const vocab = new Vocabulary();
    const version = vocab.version;
    const compound = vocab.registerCompound('selfattent');
    expect(vocab.version).toBeGreaterThan(version);
    expect(vocab.compoundsOf(vocab.word('self'), vocab.stem('attent'))).toEqual([compound]);
    expect(vocab.compoundsOf(vocab.word('selfa'), vocab.stem('ttent'))).toEqual([compound]);
    expect(vocab.compoundsOf(vocab.word('the'), vocab.stem('attent'))).toBeUndefined();
  });

  it('grows its table past many words', () => {
    const vocab = new Vocabulary();
    const ids = Array.from({ length: 50_000 }, (_, i) => vocab.word(`w${i}`));
    expect(new Set(ids).size).toBe(50_000);
    expect(vocab.word('w123')).toBe(ids[123]);
    expect(currentVocabulary()).toBeInstanceOf(Vocabulary);
  });
});
