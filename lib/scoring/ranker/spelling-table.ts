import { NEW, WordScanner } from './word-scanner';
import { WordTable } from './word-table';

/**
 * The tokeniser of training: numbers every distinct spelling it meets, once. Training reads each word of thousands
 * of papers, and stems and looks up a spelling (`resolve`) only the first time it appears.
 */
export class SpellingTable extends WordScanner {
  /**
   * `resolve` gives the id of a new spelling (e.g. a term id, or a negative number for a stop word); `capacity`
   * spellings fit before the table first grows.
   */
  constructor(resolve: (spelling: string) => number, capacity = 1 << 11) {
    super(new WordTable(capacity), NEW, resolve);
  }

  /** How many distinct spellings it has met. */
  get size(): number {
    return this.table.size;
  }
}
