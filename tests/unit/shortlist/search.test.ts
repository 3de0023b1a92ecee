import { describe, expect, it } from 'vitest';
import { foldText, matchesWords, searchTextOf, searchWords } from '../../../lib/shortlist/search';
import { record } from './fixtures';

describe('shortlist search', () => {
  it('ignores case and accents', () => {
    expect(foldText('Über NEURAL Café')).toBe('uber neural cafe');
    expect(searchWords('  Über   neural über ')).toEqual(['uber', 'neural']);
    expect(searchWords('   ')).toEqual([]);
  });

  it('looks in the title, authors, abstract and note, and wants every word', () => {
    const text = searchTextOf(
      record(1, { title: 'Reward models', authors: ['José Núñez'], abstract: 'We study RLHF.' }, { note: 'Read §3' }),
    );
    for (const q of ['reward', 'nunez', 'rlhf', '§3', 'models jose']) {
      expect(matchesWords(text, searchWords(q)), q).toBe(true);
    }
    expect(matchesWords(text, searchWords('reward diffusion'))).toBe(false);
    // Tags are filters of their own, not search text.
    expect(matchesWords(searchTextOf(record(2, {}, { tags: ['robotics'] })), ['robotics'])).toBe(false);
  });
});
