import { stem, STOP_WORDS } from './tokenize';
import { wordHash, WordScanner } from './word-scanner';
import { WordTable } from './word-table';

/** Ids `Vocabulary.scan` gives the words that are not the model's: a stop word, or a word the model lacks. */
export const STOP = -2;
export const UNKNOWN = -1;

/**
 * The tokeniser of a trained model: reads each word of a text as the model word it is, or as STOP or UNKNOWN, as
 * training read it (`TermTable`: a stop word, else the stem of the spelling). Its table holds every spelling of the
 * model's words (the stem "model" as "model" and "models", "study" as "studies"), so that reading a word is one
 * lookup, in place, in a table of a few thousand spellings that stays in the processor's cache; and it remembers
 * nothing of the texts it reads: a fresh model is as fast as one in use, and a worker that scores pages for weeks
 * does not grow.
 */
export class Vocabulary extends WordScanner {
  /** `words[i]` is model word `i`, as training stored it (stemmed when `stemmed`). */
  constructor(words: readonly string[], stemmed: boolean) {
    const table = new WordTable(STOP_WORDS.size + 2 * words.length);
    const put = (spelling: string, id: number) => table.put(spelling, 0, spelling.length, wordHash(spelling), id);
    words.forEach((word, i) => {
      for (const spelling of spellingsOf(word, stemmed)) put(spelling, i);
    });
    // After the model's words: a stop word is a stop word, even where it is also a model word ("well", of "wells").
    for (const stop of STOP_WORDS) put(stop, STOP);
    super(table, UNKNOWN);
  }
}

/**
 * The spellings that training reads as the model word `word`: those whose stem it is. `stem` keeps a word, drops
 * its final "s", or turns its final "ies" into "y", so these are among the word itself, the word and "s", and the
 * word with "ies" for its "y"; each is kept when `stem` indeed leads back to the word.
 */
function spellingsOf(word: string, stemmed: boolean): string[] {
  if (!stemmed) return [word];
  const candidates = [word, `${word}s`];
  if (word.endsWith('y')) candidates.push(`${word.slice(0, -1)}ies`);
  return candidates.filter((spelling) => stem(spelling) === word);
}
