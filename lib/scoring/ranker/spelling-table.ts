import { foldText } from './tokenize';

/** Character classes of lower-case text: 2 starts (and continues) a word, 1 only continues one, 0 ends one. */
const CLASS = new Uint8Array(65536);
for (let c = 97; c <= 122; c++) CLASS[c] = 2; // a-z
CLASS[95] = 2; // _
for (let c = 48; c <= 57; c++) CLASS[c] = 1; // 0-9

/**
 * Splits text into words and maps each distinct spelling to an id once: the tokeniser of the ranker, written as a
 * character scan that hashes words as it reads them, because the ranker reads every word of thousands of abstracts
 * when it trains (`text.match()` plus a `Map` lookup per word is four times slower).
 *
 * A word is `[a-z_][a-z0-9_]+` in the lower-cased, diacritic-folded text (scikit-learn's pattern).
 */
export class SpellingTable {
  /** The ids of the words of the last `scan()`, in order. */
  ids = new Int32Array(1024);
  /** Per slot: hash, offset of the spelling in `chars`, its length (0: empty slot), id. */
  private slots: Int32Array;
  /** Every spelling's characters end to end: probing compares against one flat buffer, not scattered strings. */
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private mask: number;
  private count = 0;

  /**
   * `resolve` gives the id of a new spelling (e.g. a term id, or a negative number for a stop word); past `limit`
   * spellings the table starts afresh; `capacity` spellings fit before it first grows.
   */
  constructor(
    private readonly resolve: (spelling: string) => number,
    private readonly limit = Infinity,
    capacity = 1 << 11,
  ) {
    let size = 1 << 12;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(4 * size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Reads the words of `text` into `this.ids`; returns how many there are. */
  scan(text: string): number {
    const s = foldText(text);
    const length = s.length;
    let n = 0;
    let i = 0;
    while (i < length) {
      // Skip to the start of a word, then read it, hashing as we go.
      let c = s.charCodeAt(i);
      if (CLASS[c] !== 2) {
        i++;
        continue;
      }
      const start = i;
      let hash = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      for (i++; i < length; i++) {
        c = s.charCodeAt(i);
        if (CLASS[c] === 0) break;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      if (i - start < 2) continue;
      if (n === this.ids.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(this.ids);
        this.ids = bigger;
      }
      this.ids[n++] = this.lookUp(s, start, i, hash);
    }
    return n;
  }

  private lookUp(s: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const { slots, chars, mask } = this;
    let slot = (hash ^ (hash >>> 16)) & mask;
    for (;;) {
      const k = slot << 2;
      const stored = slots[k + 2]!;
      if (stored === 0) return this.add(s, start, end, hash);
      if (slots[k] === hash && stored === length) {
        const offset = slots[k + 1]! - start;
        let j = start;
        while (j < end && chars[offset + j] === s.charCodeAt(j)) j++;
        if (j === end) return slots[k + 3]!;
      }
      slot = (slot + 1) & mask;
    }
  }

  private add(s: string, start: number, end: number, hash: number): number {
    const value = this.resolve(s.slice(start, end));
    if (this.count >= this.limit) this.clear();
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.insert(hash, s, start, end - start, value);
    return value;
  }

  private insert(hash: number, s: string, start: number, length: number, value: number): void {
    if (this.used + length > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.chars.length * 2, this.used + length));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    for (let j = 0; j < length; j++) this.chars[this.used + j] = s.charCodeAt(start + j);
    this.place(hash, this.used, length, value);
    this.used += length;
  }

  private place(hash: number, offset: number, length: number, value: number): void {
    let slot = (hash ^ (hash >>> 16)) & this.mask;
    while (this.slots[slot * 4 + 2] !== 0) slot = (slot + 1) & this.mask;
    const k = slot * 4;
    this.slots[k] = hash;
    this.slots[k + 1] = offset;
    this.slots[k + 2] = length;
    this.slots[k + 3] = value;
    this.count++;
  }

  /** Forgets every spelling (a long-lived scorer does so when it has seen `limit` of them). */
  clear(): void {
    this.slots.fill(0);
    this.used = 0;
    this.count = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.count = 0;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k + 2] !== 0) this.place(old[k]!, old[k + 1]!, old[k + 2]!, old[k + 3]!);
    }
  }
}
