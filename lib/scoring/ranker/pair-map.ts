/**
 * A hash map from a pair of small non-negative integers to an integer, with open addressing in typed arrays.
 * Bigram ids are looked up about once per word of every paper; a `Map` keyed by `a * 2^26 + b` spends most of that
 * time hashing heap numbers.
 */
export class PairMap {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.keysA[i] === -1 ? -1 : this.values[i]!;
  }

  /** The value stored for (a, b); when there is none, stores and returns `value`. */
  getOrAdd(a: number, b: number, value: number): number {
    let i = this.slot(a, b);
    if (this.keysA[i] !== -1) return this.values[i]!;
    if ((this.count + 1) * 2 > this.keysA.length) {
      this.grow();
      i = this.slot(a, b);
    }
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.values[i] = value;
    this.count++;
    return value;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    this.keysA = new Int32Array(keysA.length * 2).fill(-1);
    this.keysB = new Int32Array(keysA.length * 2);
    this.values = new Int32Array(keysA.length * 2);
    this.mask = this.keysA.length - 1;
    for (let j = 0; j < keysA.length; j++) {
      if (keysA[j] === -1) continue;
      const i = this.slot(keysA[j]!, keysB[j]!);
      this.keysA[i] = keysA[j]!;
      this.keysB[i] = keysB[j]!;
      this.values[i] = values[j]!;
    }
  }
}
