// Interned words and stems shared by every prepared paper and compiled query, so that a paper's index
// holds small integers and a query term costs an integer lookup, not a string hash, per paper.
//
// Compiled queries also register here what cannot be read off a single word of the text:
// - compounds: a query word like `selfattention` registers its splits ("self" + stem "attent"), and a
//   paper prepared afterwards indexes "self attention" under the stem of `selfattention`;
// - prefixes: `diffusion*` registers "diffusion", and each word of the vocabulary that starts with it
//   (now or later) carries the prefix's id, which a paper indexes like a stem.
// Papers prepared BEFORE a registration do not have those entries: each text records the registry
// `version` it was prepared at, and the matcher falls back to a scan for terms registered after it.
// So results never depend on the order of calls, only the speed does.
import { stemKey } from './text';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** FNV-1a hash of `source[start..end)`, the same whether computed while scanning a text or on a word. */
export function hashChars(source: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether `word` has the characters of `source[start..end)`, A–Z there read as a–z. */
function sameChars(word: string, source: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    let c = source.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c |= 32;
    if (word.charCodeAt(i) !== c) return false;
  }
  return true;
}

/** Ids are packed two by two into one number key: keep them below this bound. */
const ID_LIMIT = 1 << 24;
/** A fresh vocabulary starts past this many words (memory stays bounded in a long-lived worker). */
const WORD_LIMIT = 500_000;

export class Vocabulary {
  /**
   * Open-addressing table of (hash, word id + 1) pairs (0 = empty), probed with the FNV hash of the folded
   * word: a paper's words are looked up straight from its text, without cutting each one out first.
   */
  private table = new Int32Array(1 << 16);
  private readonly wordHash: number[] = [];
  private readonly stemIds = new Map<string, number>();
  /** Word id → its folded form and its stem id. */
  readonly wordFold: string[] = [];
  readonly wordStem: number[] = [];
  /** Stem id → stem text (prefix ids have a pseudo stem `*prefix`). */
  readonly stemText: string[] = [];
  /** Word id → ids of the registered prefixes it starts with. */
  readonly wordPrefixes: (number[] | undefined)[] = [];
  /** Word id → 1 when the word begins a registered compound. */
  private compoundHead = new Uint8Array(1024);
  /** `headWordId * ID_LIMIT + tailStemId` → the compound stem ids they form together. */
  private readonly compounds = new Map<number, number[]>();
  private readonly prefixIds = new Map<string, number>();
  /** Grows with every new registration (compound or prefix). */
  version = 0;

  /** The id of a folded word, adding it (with its stem) if new. */
  word(folded: string): number {
    return this.wordInAscii(folded, 0, folded.length, hashChars(folded, 0, folded.length));
  }

  /**
   * The id of the word `source[start..end)` with A–Z read as a–z (so pass it folded unless it is ASCII),
   * whose `hashChars` of the lower-cased characters is `hash`; added if new.
   */
  wordInAscii(source: string, start: number, end: number, hash: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = hash & mask;
    for (let entry = table[2 * slot + 1] ?? 0; entry !== 0; entry = table[2 * slot + 1] ?? 0) {
      if (table[2 * slot] === hash && sameChars(this.wordFold[entry - 1] ?? '', source, start, end)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.add(source.slice(start, end).toLowerCase(), hash);
    table[2 * slot] = hash;
    table[2 * slot + 1] = id + 1;
    if (this.wordFold.length * 4 > table.length) this.grow();
    return id;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = (table.length >> 1) - 1;
    this.wordHash.forEach((hash, id) => {
      let slot = hash & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = id + 1;
    });
    this.table = table;
  }

  private add(folded: string, hash: number): number {
    const id = this.wordFold.length;
    this.wordHash.push(hash);
    this.wordFold.push(folded);
    this.wordStem.push(this.stem(stemKey(folded, folded)));
    this.wordPrefixes.push(undefined);
    if (id >= this.compoundHead.length) {
      const grown = new Uint8Array(this.compoundHead.length * 2);
      grown.set(this.compoundHead);
      this.compoundHead = grown;
    }
    if (this.prefixIds.size) {
      for (let len = 1; len <= folded.length; len++) {
        const prefix = this.prefixIds.get(folded.slice(0, len));
        if (prefix !== undefined) (this.wordPrefixes[id] ??= []).push(prefix);
      }
    }
    return id;
  }

  /** The id of a stem, adding it if new. */
  stem(key: string): number {
    let id = this.stemIds.get(key);
    if (id === undefined) {
      id = this.stemText.length;
      this.stemIds.set(key, id);
      this.stemText.push(key);
    }
    return id;
  }

  /** The compound stems that word `head` followed by a word of stem `tailStem` form, if registered. */
  compoundsOf(head: number, tailStem: number): number[] | undefined {
    return this.compoundHead[head] === 1 ? this.compounds.get(head * ID_LIMIT + tailStem) : undefined;
  }

  /** Registers every way to split `key` (a query word's stem) into a word then a stem; returns its stem id. */
  registerCompound(key: string): number {
    const compound = this.stem(key);
    for (let k = 1; k < key.length; k++) {
      const head = this.word(key.slice(0, k));
      const tail = this.stem(key.slice(k));
      const packed = head * ID_LIMIT + tail;
      const known = this.compounds.get(packed);
      if (known?.includes(compound)) continue;
      if (known) known.push(compound);
      else this.compounds.set(packed, [compound]);
      this.compoundHead[head] = 1;
      this.version++;
    }
    return compound;
  }

  /** Registers a word prefix (folded); returns its id, which prepared words starting with it carry. */
  registerPrefix(prefix: string): number {
    let id = this.prefixIds.get(prefix);
    if (id !== undefined) return id;
    id = this.stem(`*${prefix}`);
    this.prefixIds.set(prefix, id);
    this.wordFold.forEach((folded, word) => {
      if (folded.startsWith(prefix)) (this.wordPrefixes[word] ??= []).push(id);
    });
    this.version++;
    return id;
  }

  /** Whether the vocabulary is full: the next prepared paper starts a new one. */
  get full(): boolean {
    return this.wordFold.length >= WORD_LIMIT || this.stemText.length >= ID_LIMIT - 1;
  }
}

let current = new Vocabulary();

/** The vocabulary new papers are prepared with. */
export function currentVocabulary(): Vocabulary {
  if (current.full) current = new Vocabulary();
  return current;
}

/** Starts an empty vocabulary (benchmarks measure a cold start with it; results never change). */
export function resetVocabulary(): void {
  current = new Vocabulary();
}
