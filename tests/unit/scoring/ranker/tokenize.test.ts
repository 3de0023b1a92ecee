import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../lib/scoring/ranker/linear';
import { SpellingTable } from '../../../../lib/scoring/ranker/spelling-table';
import { foldText, stem, STOP_WORDS, WORD_PATTERN, words } from '../../../../lib/scoring/ranker/tokenize';
import { STOP, UNKNOWN, Vocabulary } from '../../../../lib/scoring/ranker/vocabulary';

describe('words', () => {
  it('lower-cases, folds diacritics, drops stop words and one-letter words', () => {
    expect(words('The Schrödinger equation, self-attention & RLHF_2 in 3D-GS')).toEqual([
      'schrodinger',
      'equation',
      'self',
      'attention',
      'rlhf_2',
      'gs',
    ]);
  });

  it('keeps the words that carry meaning in titles although scikit-learn lists them as stop words', () => {
    expect(words('A system for interest rate side channels')).toEqual([
      'system',
      'interest',
      'rate',
      'side',
      'channels',
    ]);
    expect(STOP_WORDS.has('the')).toBe(true);
  });
});

describe('stem', () => {
  it.each([
    ['models', 'model'],
    ['studies', 'study'],
    ['approaches', 'approache'],
    ['analysis', 'analysis'],
    ['process', 'process'],
    ['corpus', 'corpus'],
    ['gas', 'gas'],
    ['dynamics', 'dynamic'],
  ])('%s → %s', (word, stemmed) => expect(stem(word)).toBe(stemmed));
});

describe('SpellingTable.scan', () => {
  const scanned = (text: string) => {
    const spellings: string[] = [];
    const table = new SpellingTable((raw) => spellings.push(raw) - 1);
    const n = table.scan(text);
    return Array.from(table.ids.subarray(0, n), (id) => spellings[id]!);
  };

  it('finds the words the regular expression finds, on random text with punctuation, digits and accents', () => {
    const random = seededRandom(3);
    const alphabet = 'abcXYZ09_ -.,$\\{}éüßİ\n\'"';
    for (let trial = 0; trial < 300; trial++) {
      const text = Array.from({ length: 80 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(scanned(text)).toEqual(foldText(text).match(WORD_PATTERN) ?? []);
    }
  });

  it('resolves only whole words, folded: never the part of a word before an accent', () => {
    const seen: string[] = [];
    const table = new SpellingTable((raw) => seen.push(raw) - 1);
    const n = table.scan('Plain words, then Schrödinger and ﬁne Łódź');
    expect(Array.from(table.ids.subarray(0, n), (id) => seen[id])).toEqual(seen);
    expect(seen).toEqual(['plain', 'words', 'then', 'schrodinger', 'and', 'fine', 'odz']);
  });

  it('numbers each spelling once, across texts', () => {
    const seen: string[] = [];
    const table = new SpellingTable((raw) => seen.push(raw) - 1);
    table.scan('reward model reward');
    const n = table.scan('Reward models');
    expect(Array.from(table.ids.subarray(0, n))).toEqual([0, 2]);
    expect(seen).toEqual(['reward', 'model', 'models']);
  });

  it('grows past its initial capacity without losing a spelling', () => {
    const table = new SpellingTable((raw) => Number(raw.slice(1)));
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' ');
    const n = table.scan(text);
    expect(n).toBe(20_000);
    expect(table.ids[19_999]).toBe(19_999);
    table.scan('w12345');
    expect(table.ids[0]).toBe(12_345);
  });
});

describe('Vocabulary', () => {
  /** What training makes of a spelling (`TermTable`), as a model word's index, STOP or UNKNOWN. */
  const reference = (modelWords: readonly string[], raw: string) =>
    STOP_WORDS.has(raw) ? STOP : modelWords.includes(stem(raw)) ? modelWords.indexOf(stem(raw)) : UNKNOWN;
  const read = (vocabulary: Vocabulary, text: string) => {
    const n = vocabulary.scan(text);
    return Array.from(vocabulary.ids.subarray(0, n));
  };

  it('reads each word as training did: stop word, else the model word of its stem, else unknown', () => {
    // Among the model's words, the stop word "well" (the stem of "wells").
    const modelWords = ['model', 'reward', 'study', 'well', 'analysis', 'approache', 'doe', 'ss'];
    const vocabulary = new Vocabulary(modelWords, true);
    const random = seededRandom(4);
    const pool = [
      ...modelWords,
      ...['models', 'Studies', 'studys', 'wells', 'well', 'the', 'this', 'analyses', 'approaches', 'does', 'sss'],
      ...['ies', 'aies', 'eies', 'rewards', 'modeles', 'schrödingers', 'mödels', 'x', 'is', 'us', 'its'],
    ];
    for (let trial = 0; trial < 200; trial++) {
      const text = Array.from({ length: 12 }, () => pool[Math.floor(random() * pool.length)]).join(' ');
      expect(read(vocabulary, text)).toEqual(
        (foldText(text).match(WORD_PATTERN) ?? []).map((raw) => reference(modelWords, raw)),
      );
    }
  });

  it('knows every spelling of a model word, on random words made of the letters the stemmer looks at', () => {
    const random = seededRandom(8);
    const word = () =>
      Array.from({ length: 2 + Math.floor(random() * 5) }, () => 'aeiousy'[Math.floor(random() * 7)]).join('');
    const spellings = Array.from({ length: 3000 }, word);
    const modelWords = [...new Set(spellings.slice(0, 300).map(stem))];
    const vocabulary = new Vocabulary(modelWords, true);
    const text = spellings.join(' ');
    expect(read(vocabulary, text)).toEqual(spellings.map((raw) => reference(modelWords, raw)));
  });

  it('does not stem when the model was trained without stemming', () => {
    const vocabulary = new Vocabulary(['models', 'model'], false);
    expect(read(vocabulary, 'models model studies the')).toEqual([0, 1, UNKNOWN, STOP]);
  });
});
