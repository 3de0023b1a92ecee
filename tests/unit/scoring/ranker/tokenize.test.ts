import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../lib/scoring/ranker/linear';
import { SpellingTable } from '../../../../lib/scoring/ranker/spelling-table';
import { foldText, stem, STOP_WORDS, WORD_PATTERN, words } from '../../../../lib/scoring/ranker/tokenize';

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

  it('numbers each spelling once, across texts', () => {
    const seen: string[] = [];
    const table = new SpellingTable((raw) => seen.push(raw) - 1);
    table.scan('reward model reward');
    const n = table.scan('Reward models');
    expect(Array.from(table.ids.subarray(0, n))).toEqual([0, 2]);
    expect(seen).toEqual(['reward', 'model', 'models']);
  });

  it('forgets everything past its limit, and keeps working', () => {
    const table = new SpellingTable((raw) => raw.length, 3);
    table.scan('aa bbb cccc dddd eeeee');
    expect(table.size).toBeLessThanOrEqual(3);
    const n = table.scan('aa eeeee');
    expect(Array.from(table.ids.subarray(0, n))).toEqual([2, 5]);
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
