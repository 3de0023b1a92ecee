/**
 * A hash table from words, read in place from a text (no string is made per word), to numbers: open addressing,
 * each slot holding the word's hash, where its characters are in one flat buffer, its length and its value.
 * Words are keyed by their FNV-1a hash (`wordHash`), which `WordScanner.scan` computes as it reads them.
 */
export class WordTable {
  /** Per slot: hash, offset of the word in `chars`, its length (0: empty slot), value. */
  private slots: Int32Array;
  /** Every word's characters end to end: probing compares against one flat buffer, not scattered strings. */
  private chars = new Uint16Array(1 << 12);
  private used = 0;
  private mask: number;
  private count = 0;

  /** `capacity` words fit before the table first grows. */
  constructor(capacity = 1 << 11) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(4 * size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value of the word `s[start..end)`, whose FNV-1a hash is `hash`, or `missing`. */
  find(s: string, start: number, end: number, hash: number, missing: number): number {
    const length = end - start;
    const { slots, chars, mask } = this;
    let slot = (hash ^ (hash >>> 16)) & mask;
    for (;;) {
      const k = slot << 2;
      const stored = slots[k + 2]!;
      if (stored === 0) return missing;
      if (slots[k] === hash && stored === length) {
        const offset = slots[k + 1]! - start;
        let j = start;
        while (j < end && chars[offset + j] === s.charCodeAt(j)) j++;
        if (j === end) return slots[k + 3]!;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Stores the value of the word `s[start..end)`, in place of the one it had if any. */
  put(s: string, start: number, end: number, hash: number, value: number): void {
    const length = end - start;
    const { slots, chars, mask } = this;
    for (let slot = (hash ^ (hash >>> 16)) & mask; slots[(slot << 2) + 2] !== 0; slot = (slot + 1) & mask) {
      const k = slot << 2;
      if (slots[k] !== hash || slots[k + 2] !== length) continue;
      const offset = slots[k + 1]! - start;
      let j = start;
      while (j < end && chars[offset + j] === s.charCodeAt(j)) j++;
      if (j === end) {
        slots[k + 3] = value;
        return;
      }
    }
    this.add(s, start, end, hash, value);
  }

  /** Stores the word `s[start..end)` (not yet in the table) with its value. */
  add(s: string, start: number, end: number, hash: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const length = end - start;
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
