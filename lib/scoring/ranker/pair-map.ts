/**
 * A hash map from a pair of non-negative 32-bit integers to an integer, with open addressing in one typed array
 * (key, key, value side by side: one cache line per probe). Bigram ids are looked up once per word of every paper;
 * a `Map` keyed by `a * 2^26 + b` spends most of that time hashing heap numbers.
 */
export class PairMap {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 3).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    let i = h & this.mask;
    const slots = this.slots;
    for (;;) {
      const k = i * 3;
      if (slots[k] === -1 || (slots[k] === a && slots[k + 1] === b)) return k;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const k = this.slot(a, b);
    return this.slots[k] === -1 ? -1 : this.slots[k + 2]!;
  }

  /** The value stored for (a, b); when there is none, stores and returns `value`. */
  getOrAdd(a: number, b: number, value: number): number {
    let k = this.slot(a, b);
    if (this.slots[k] !== -1) return this.slots[k + 2]!;
    if ((this.count + 1) * 2 > this.slots.length / 3) {
      this.grow();
      k = this.slot(a, b);
    }
    this.slots[k] = a;
    this.slots[k + 1] = b;
    this.slots[k + 2] = value;
    this.count++;
    return value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = (old.length / 3) * 2 - 1;
    for (let k = 0; k < old.length; k += 3) {
      if (old[k] === -1) continue;
      const j = this.slot(old[k]!, old[k + 1]!);
      this.slots[j] = old[k]!;
      this.slots[j + 1] = old[k + 1]!;
      this.slots[j + 2] = old[k + 2]!;
    }
  }
}
