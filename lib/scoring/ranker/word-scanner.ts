import { foldNonAscii } from './tokenize';
import type { WordTable } from './word-table';

/** Character classes of lower-case text: 2 starts (and continues) a word, 1 only continues one, 0 ends one. */
const CLASS = new Uint8Array(65536);
const STARTS = 2;
const ENDS = 0;
for (let c = 97; c <= 122; c++) CLASS[c] = STARTS; // a-z
CLASS[95] = STARTS; // _
for (let c = 48; c <= 57; c++) CLASS[c] = 1; // 0-9

// FNV-1a, computed as the scan reads each word (plain constants here, next to the loop that reads every character).
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `s[start..end)`: the hash `WordScanner.scan` computes as it reads a word. */
export function wordHash(s: string, start = 0, end = s.length): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ s.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** `WordTable.find`'s answer for a word not in the table, when the scanner is to `resolve` it (no id is NEW). */
export const NEW = -0x80000000;

/**
 * The ranker's tokeniser: splits text into words and gives each the id a `WordTable` holds for it, written as a
 * character scan that hashes words as it reads them and looks them up in place, without making a string per word:
 * the ranker reads every word of thousands of abstracts (`text.match()` plus a `Map` lookup per word is four times
 * slower). A word the table lacks gets the id `missing`; or, when `missing` is NEW, the id `resolve` gives it,
 * which the table then keeps.
 *
 * The table and `missing` are data rather than a method to override: training and scoring share this loop in the
 * same worker, and it then calls the same code for both.
 *
 * A word is `[a-z_][a-z0-9_]+` in the lower-cased, diacritic-folded text (scikit-learn's pattern; `words()` in
 * tokenize.ts is the plain form, and the tests compare the two).
 */
export class WordScanner {
  /** The ids of the words of the last `scan()`, in order. */
  ids = new Int32Array(1024);

  constructor(
    protected readonly table: WordTable,
    private readonly missing: number,
    private readonly resolve: (spelling: string) => number = () => missing,
  ) {}

  /** Reads the words of `text` into `this.ids`; returns how many there are. */
  scan(text: string): number {
    // Lower-casing also gives a flat string of one kind: fed strings cut out of others (as `JSON.parse` makes
    // them), this loop runs several times slower. Most abstracts are plain ASCII: diacritics are folded only once a
    // non-ASCII character shows up (none continues a word, so each is met between words or at a word's end).
    // Folding leaves the ASCII text before it as it was, so the scan goes on from there.
    let s = text.toLowerCase();
    let length = s.length;
    let folded = false;
    let n = 0;
    let i = 0;
    while (i < length) {
      // Skip to the start of a word, then read it, hashing as we go.
      let c = s.charCodeAt(i);
      if (CLASS[c] !== STARTS) {
        if (c >= 0x80 && !folded) {
          s = foldNonAscii(s);
          folded = true;
          length = s.length;
        } else i++;
        continue;
      }
      const start = i;
      let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      for (i++; i < length; i++) {
        c = s.charCodeAt(i);
        if (CLASS[c] === ENDS) break;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
      if (c >= 0x80 && !folded) {
        // "schrö…": the word may go on once folded; read it again.
        s = foldNonAscii(s);
        folded = true;
        length = s.length;
        i = start;
        continue;
      }
      if (i - start < 2) continue;
      if (n === this.ids.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(this.ids);
        this.ids = bigger;
      }
      let id = this.table.find(s, start, i, hash, this.missing);
      if (id === NEW) {
        id = this.resolve(s.slice(start, i));
        this.table.add(s, start, i, hash, id);
      }
      this.ids[n++] = id;
    }
    return n;
  }
}
