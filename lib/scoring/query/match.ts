// Compiles a parsed query once (stem keys, regexes, name parts) into a tree of closures, and runs it on
// prepared papers: a word costs a hash lookup per field, a phrase a lookup plus a check of its neighbours.
import type { RE2JS } from 're2js';
import { acronymCore, compileRegex, type QueryField, type QueryNode, type QueryWord, type TermNode } from './parse';
import { PreparedPaper, preparePaper, type PaperLike, type PreparedName, type PaperWords } from './prepare';
import { currentVocabulary, type Vocabulary } from './vocabulary';
import { fold, GAP_OTHER, gapMarks, isWordChar, stemKey, unfoldSpan, type FoldedText } from './text';

/** A character range [start, end) in the original string. */
export type Span = [start: number, end: number];

/** Where a hit was found; title and abstract spans are offsets into those strings as given. */
export type HitField = 'title' | 'abstract' | 'authors' | 'categories' | 'venue';

/** One term found in one field, with every place it was found. */
export interface Hit {
  /** The term as the user typed it (without quotes or field name). */
  term: string;
  field: HitField;
  spans: Span[];
  /** For authors and categories: which one (index into the paper's array); spans are offsets into it. */
  item?: number;
}

export interface MatchResult {
  matched: boolean;
  /** The terms that made the paper match (NOT terms never appear); empty when it did not match. */
  hits: Hit[];
}

/** A query ready to run on many papers: compile it once per change of the interest. */
export interface CompiledQuery {
  readonly ast: QueryNode;
  /** Internal: whether the paper matches, pushing hits into `out` when given. */
  readonly evaluate: Evaluator;
}

type Evaluator = (paper: PreparedPaper, out: Hit[] | null) => boolean;
type TextField = 'title' | 'abstract';
/** Spans found in the title and in the abstract. */
interface FieldSpans {
  title: Span[];
  abstract: Span[];
}
/** Finds a term in a paper's words (in one field or both); records spans into `out`, else stops at the first. */
type TextFinder = (text: PaperWords, field: TextField | null, out: FieldSpans | null) => boolean;

/** Whether word i is in the field searched (null: title or abstract). */
function inField(text: PaperWords, field: TextField | null, i: number): boolean {
  return field === null || (field === 'title') === i < text.titleWords;
}

/** Records the span of words first..last under the field they are in. */
function record(text: PaperWords, out: FieldSpans, first: number, last: number): void {
  (first < text.titleWords ? out.title : out.abstract).push([text.start(first), text.end(last)]);
}

/** Regex matches kept per field: enough to highlight, bounded for patterns that match everywhere. */
const MAX_REGEX_SPANS = 200;

/** A query word, with what it matches in any vocabulary. */
interface CompiledWord {
  text: string;
  mode: QueryWord['mode'];
  prefix: boolean;
  sep: string;
  /** Stem keys a matching word has (acronyms: the key of LLM and of LLMs). */
  keys: string[];
  /** The case-sensitive form: the acronym without plural s, or the exact word. */
  exact: string;
  /** Folded text, for prefixes. */
  folded: string;
}

function compileWord(word: QueryWord): CompiledWord {
  const { text, mode, prefix, sep } = word;
  if (mode === 'acronym') {
    const core = acronymCore(text);
    return {
      text,
      mode,
      prefix,
      sep,
      keys: [...new Set([stemKey(core), stemKey(`${core}s`)])],
      exact: core,
      folded: fold(core),
    };
  }
  const exact = text.normalize('NFC');
  const folded = fold(text);
  return { text, mode, prefix, sep, keys: [stemKey(exact, folded)], exact, folded };
}

/** Query words first..last written as one word in the text ("selfattention" for `self-attention`). */
interface Group {
  last: number;
  key: string;
  /** Case-sensitive parts (acronyms) to find in the raw word, at these offsets. */
  checks: { offset: number; exact: string }[];
}

function compileGroups(words: CompiledWord[]): Group[][] {
  const groups: Group[][] = words.map(() => []);
  words.forEach((start, first) => {
    if (start.prefix || start.mode === 'exact') return;
    let joinedText = start.text;
    for (let last = first + 1; last < words.length; last++) {
      const word = words[last];
      if (!word || word.sep !== '' || word.prefix || word.mode === 'exact') break;
      joinedText += word.text;
      const checks: Group['checks'] = [];
      let offset = 0;
      for (const w of words.slice(first, last + 1)) {
        if (w.mode === 'acronym') checks.push({ offset, exact: w.exact });
        offset += w.text.length;
      }
      groups[first]?.push({ last, key: stemKey(joinedText), checks });
    }
  });
  return groups;
}

/** A term's words and groups as ids of one vocabulary (registering its compounds and prefixes there). */
interface Resolved {
  vocab: Vocabulary;
  /** Papers prepared at this registry version or later have every entry this term looks up. */
  version: number;
  /** Per word: stem ids, and the prefix id for a wildcard word. */
  keys: number[][];
  prefixIds: number[];
  /** Per first word: the stem id of each group, aligned with `groups`. */
  groupIds: number[][];
}

function resolve(words: CompiledWord[], groups: Group[][], vocab: Vocabulary): Resolved {
  // Only the first word is looked up in the index (the others are checked beside it): only it registers.
  const keys = words.map((w, k) =>
    k === 0 && w.mode !== 'exact' && !w.prefix
      ? w.keys.map((key) => vocab.registerCompound(key))
      : w.keys.map((key) => vocab.stem(key)),
  );
  const prefixIds = words.map((w, k) => (k === 0 && w.prefix ? vocab.registerPrefix(w.folded) : -1));
  const groupIds = groups.map((list) => list.map((g) => vocab.stem(g.key)));
  return { vocab, version: vocab.version, keys, prefixIds, groupIds };
}

/** Whether word i of the text is query word w. */
function wordAt(text: PaperWords, word: CompiledWord, keys: number[], i: number): boolean {
  if (word.prefix) {
    if (!text.fold(i).startsWith(word.folded)) return false;
    return word.mode === 'stem' || text.raw(i).normalize('NFC').startsWith(word.exact);
  }
  const stem = text.stem(i);
  if (stem !== keys[0] && stem !== keys[1]) return false;
  if (word.mode === 'stem') return true;
  const raw = text.raw(i).normalize('NFC');
  return raw === word.exact || (word.mode === 'acronym' && raw === `${word.exact}s`);
}

/** Whether what stands between words i-1 and i is what the query asked for. */
function sepOk(text: PaperWords, i: number, sep: string): boolean {
  return sep === '' ? text.joined[i] !== GAP_OTHER : gapMarks(text.gap(i)) === sep;
}

function groupAt(text: PaperWords, group: Group, id: number, i: number): boolean {
  if (text.stem(i) !== id) return false;
  if (!group.checks.length) return true;
  const raw = text.raw(i);
  return group.checks.every((c) => raw.startsWith(c.exact, c.offset));
}

/** One query word written as two in the text ("self attention" for `selfattention`). */
function splitAt(text: PaperWords, word: CompiledWord, i: number): boolean {
  if (word.prefix || word.mode === 'exact' || i + 1 >= text.length || !text.isPair(i)) return false;
  if (text.fold(i) + (text.vocab.stemText[text.stem(i + 1)] ?? '') !== word.keys[0]) return false;
  if (word.mode === 'stem') return true;
  const raw = text.raw(i) + text.raw(i + 1);
  return raw === word.exact || raw === `${word.exact}s`;
}

/** A word or phrase on title/abstract: candidates from the index, then the neighbours checked. */
function compileTextTerm(words: CompiledWord[]): TextFinder {
  const first = words[0];
  if (!first) return () => false;
  const groups = compileGroups(words);
  const cache = new WeakMap<Vocabulary, Resolved>();
  let last: Resolved = resolve(words, groups, currentVocabulary());
  cache.set(last.vocab, last);
  const resolved = (vocab: Vocabulary): Resolved => {
    if (last.vocab !== vocab) {
      let r = cache.get(vocab);
      if (!r) cache.set(vocab, (r = resolve(words, groups, vocab)));
      last = r;
    }
    return last;
  };

  /** Matches words[w..] from text word i; returns the index of the last text word used, or -1. */
  const matchFrom = (text: PaperWords, r: Resolved, w: number, i: number): number => {
    const word = words[w];
    if (!word) return i - 1;
    if (i >= text.length) return -1;
    if (w > 0 && !sepOk(text, i, word.sep)) return -1;
    if (wordAt(text, word, r.keys[w] ?? [], i)) {
      const end = matchFrom(text, r, w + 1, i + 1);
      if (end >= 0) return end;
    }
    const starting = groups[w] ?? [];
    for (let g = 0; g < starting.length; g++) {
      const group = starting[g];
      if (group && groupAt(text, group, r.groupIds[w]?.[g] ?? -1, i)) {
        const end = matchFrom(text, r, group.last + 1, i + 1);
        if (end >= 0) return end;
      }
    }
    if (splitAt(text, word, i)) {
      const end = matchFrom(text, r, w + 1, i + 2);
      if (end >= 0) return end;
    }
    return -1;
  };

  /** Tries a match from each entry of the chain under `id`; records spans into `out`, else stops at the first. */
  const fromChain = (text: PaperWords, r: Resolved, id: number, field: TextField | null, out: FieldSpans | null) => {
    let any = false;
    for (let e = text.first(id); e >= 0; e = text.next[e] ?? -1) {
      const i = text.entryFirst(e);
      if (!inField(text, field, i)) continue;
      const end = matchFrom(text, r, 0, i);
      if (end < 0) continue;
      if (!out) return true;
      any = true;
      record(text, out, i, end);
    }
    return any;
  };

  /**
   * Candidates come from the index: the first word's stems (with its registered splits) or prefix, and the
   * groups it starts. A paper indexed before this term registered them is scanned word by word instead.
   * (The same span found twice is merged away with the hits.)
   */
  const find = (text: PaperWords, r: Resolved, field: TextField | null, out: FieldSpans | null): boolean => {
    let any = false;
    if (text.version < r.version) {
      for (let i = 0; i < text.length; i++) {
        if (!inField(text, field, i)) continue;
        const end = matchFrom(text, r, 0, i);
        if (end < 0) continue;
        if (!out) return true;
        any = true;
        record(text, out, i, end);
      }
      return any;
    }
    const ids = first.prefix ? [r.prefixIds[0] ?? -1] : (r.keys[0] ?? []);
    for (const id of ids) {
      if (fromChain(text, r, id, field, out)) {
        if (!out) return true;
        any = true;
      }
    }
    for (const id of r.groupIds[0] ?? []) {
      if (fromChain(text, r, id, field, out)) {
        if (!out) return true;
        any = true;
      }
    }
    return any;
  };

  if (words.length === 1 && first.mode === 'stem' && !first.prefix) {
    // The common case, a plain word: every entry under its stem (the word, or it split in two) is a match.
    return (text, field, out) => {
      const r = resolved(text.vocab);
      if (text.version < r.version) return find(text, r, field, out);
      let any = false;
      for (let e = text.first(r.keys[0]?.[0] ?? -1); e >= 0; e = text.next[e] ?? -1) {
        const i = text.entryFirst(e);
        if (!inField(text, field, i)) continue;
        if (!out) return true;
        any = true;
        record(text, out, i, text.entryLast(e));
      }
      return any;
    };
  }
  return (text, field, out) => find(text, resolved(text.vocab), field, out);
}

/** Does query name part q fit name word a? Initials fit any word they start, and the other way round. */
function namePartFits(q: { folded: string; initial: boolean }, a: string): boolean {
  if (q.initial) return a.startsWith(q.folded);
  if (a.length === 1) return q.folded.startsWith(a);
  return q.folded === a;
}

/** `author:`: the last word is the surname (or any word when alone), the others given names or initials. */
function compileAuthor(value: string): { surname: string; fits: (name: PreparedName) => Span | null } {
  const comma = value.indexOf(',');
  const ordered = comma < 0 ? value : `${value.slice(comma + 1)} ${value.slice(0, comma)}`;
  const typed = Array.from(ordered.matchAll(/([\p{L}\p{N}\p{M}]+)(\*)?/gu), (m) => ({
    raw: m[1] ?? '',
    prefix: m[2] === '*',
  }));
  const last = typed.pop();
  if (!last) return { surname: '', fits: () => null };
  const surname = { folded: fold(last.raw), prefix: last.prefix };
  const given: { folded: string; initial: boolean }[] = [];
  for (const { raw } of typed) {
    const folded = fold(raw);
    // "JB LeCun": capitals glued together before the surname are initials.
    if (/^\p{Lu}{2,3}$/u.test(raw)) given.push(...Array.from(folded, (c) => ({ folded: c, initial: true })));
    else given.push({ folded, initial: folded.length === 1 });
  }
  const surnameFits = (word: string) => (surname.prefix ? word.startsWith(surname.folded) : word === surname.folded);
  const fits = (name: PreparedName): Span | null => {
    const { folds, starts, ends } = name;
    for (let j = 0; j < folds.length; j++) {
      let joined = '';
      // The surname may be written in one word or several: LeCun, Le Cun.
      for (let len = 1; len <= 3 && j + len <= folds.length; len++) {
        joined += folds[j + len - 1];
        if (!surnameFits(joined)) continue;
        // Given names and initials in order before the surname, others (middle names) skipped.
        const used: number[] = [];
        for (let a = 0; a < j && used.length < given.length; a++) {
          const part = given[used.length];
          if (part && namePartFits(part, folds[a] ?? '')) used.push(a);
        }
        if (used.length < given.length) continue;
        used.push(j, j + len - 1);
        return [Math.min(...used.map((x) => starts[x] ?? 0)), Math.max(...used.map((x) => ends[x] ?? 0))];
      }
    }
    return null;
  };
  return { surname: surname.folded, fits };
}

/** Whole-word (or word-prefix) occurrences of `needle` in a folded string, as original spans. */
function findInFolded(map: FoldedText, needle: string, wholeWord: boolean, prefixOnly = false): Span[] {
  const spans: Span[] = [];
  if (!needle) return spans;
  const hay = map.folded;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (wholeWord) {
      const before = isWordChar(hay[at - 1]) && isWordChar(needle[0]);
      const after = !prefixOnly && isWordChar(hay[end]) && isWordChar(needle[needle.length - 1]);
      if (before || after) continue;
    }
    spans.push(unfoldSpan(map, at, end));
  }
  return spans;
}

/** `cat:`: an arXiv code (cs.LG), an archive (cs = cs.*), a code prefix (cs.*), or a label's words. */
function compileCategory(value: string): (paper: PreparedPaper, out: Hit[] | null, term: string) => boolean {
  const star = value.endsWith('*');
  const base = fold(star ? value.slice(0, -1) : value).trim();
  return (paper, out, term) => {
    let any = false;
    const categories = paper.categories;
    for (let item = 0; item < categories.length; item++) {
      const cat = categories[item];
      if (!cat) continue;
      const spans: Span[] = [];
      const code = cat.code;
      if (code !== null) {
        const fits = star ? code.startsWith(base) : code === base || (!base.includes('.') && cat.archive === base);
        if (fits) spans.push([cat.codeStart, cat.codeEnd]);
      }
      if (!spans.length && !cat.codeOnly) spans.push(...findInFolded(cat.label, base, true, star));
      if (spans.length) {
        if (!out) return true;
        any = true;
        out.push({ term, field: 'categories', spans, item });
      }
    }
    return any;
  };
}

/** Spans of the non-empty matches of a regex in a string (RE2: linear in the text, whatever the pattern). */
function regexSpans(re: RE2JS, text: string, out: Span[] | null): boolean {
  if (!text || !re.test(text)) return false;
  const matcher = re.matcher(text);
  let found = false;
  let count = 0;
  while (matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end === start) continue;
    found = true;
    if (!out) return true;
    out.push([start, end]);
    if (++count >= MAX_REGEX_SPANS) break;
  }
  return found;
}

/** Runs a title/abstract finder on the field(s) it applies to, one hit per field it is found in. */
function onTextFields(field: QueryField | null, term: string, find: TextFinder): Evaluator {
  const where: TextField | null = field === 'title' || field === 'abstract' ? field : null;
  return (paper, out) => {
    if (!out) return find(paper.words, where, null);
    const spans: FieldSpans = { title: [], abstract: [] };
    if (!find(paper.words, where, spans)) return false;
    if (spans.title.length) out.push({ term, field: 'title', spans: spans.title });
    if (spans.abstract.length) out.push({ term, field: 'abstract', spans: spans.abstract });
    return true;
  };
}

function compileTerm(node: TermNode): Evaluator {
  const term = node.display;
  switch (node.field) {
    case 'author': {
      const { surname, fits } = compileAuthor(node.value);
      return (paper, out) => {
        // The surname's letters must be somewhere among the authors' before any name is read.
        if (!paper.authorLetters.includes(surname)) return false;
        let any = false;
        const names = paper.names;
        for (let item = 0; item < names.length; item++) {
          const name = names[item];
          const span = name && fits(name);
          if (!span) continue;
          if (!out) return true;
          any = true;
          out.push({ term, field: 'authors', spans: [span], item });
        }
        return any;
      };
    }
    case 'cat': {
      const fits = compileCategory(node.value);
      return (paper, out) => fits(paper, out, term);
    }
    case 'venue': {
      const needle = fold(node.value.replace(/\*$/, '')).trim();
      return (paper, out) => {
        const venue = paper.venue;
        if (!venue) return false;
        const spans = findInFolded(venue, needle, false);
        if (!spans.length) return false;
        out?.push({ term, field: 'venue', spans });
        return true;
      };
    }
    default:
      return onTextFields(node.field, term, compileTextTerm(node.words.map(compileWord)));
  }
}

function compileRegexNode(node: Extract<QueryNode, { type: 'regex' }>): Evaluator {
  const re = compileRegex(node.source, node.flags);
  const term = node.display;
  const onItems = (field: 'authors' | 'categories', items: (p: PreparedPaper) => readonly string[]): Evaluator => {
    return (paper, out) => {
      let any = false;
      for (const [item, text] of items(paper).entries()) {
        const spans: Span[] = [];
        if (!regexSpans(re, text, out ? spans : null)) continue;
        if (!out) return true;
        any = true;
        out.push({ term, field, spans, item });
      }
      return any;
    };
  };
  switch (node.field) {
    case 'author':
      return onItems('authors', (p) => p.paper.authors);
    case 'cat':
      return onItems('categories', (p) => p.paper.categories ?? []);
    case 'venue':
      return (paper, out) => {
        const spans: Span[] = [];
        if (!regexSpans(re, paper.paper.venue ?? '', out ? spans : null)) return false;
        out?.push({ term, field: 'venue', spans });
        return true;
      };
    default:
      return onTextFields(node.field, term, (text, field, out) => {
        let any = false;
        for (const f of field ? [field] : (['title', 'abstract'] as const)) {
          if (regexSpans(re, f === 'title' ? text.title : text.abstract, out ? out[f] : null)) {
            if (!out) return true;
            any = true;
          }
        }
        return any;
      });
  }
}

function compileNode(node: QueryNode): Evaluator {
  switch (node.type) {
    case 'term':
      return compileTerm(node);
    case 'regex':
      return compileRegexNode(node);
    case 'not': {
      const child = compileNode(node.child);
      // NOT terms explain nothing: they are evaluated without collecting hits.
      return (paper) => !child(paper, null);
    }
    case 'and': {
      const children = node.children.map(compileNode);
      return (paper, out) => {
        const mark = out?.length ?? 0;
        for (const child of children) {
          if (!child(paper, out)) {
            if (out) out.length = mark;
            return false;
          }
        }
        return true;
      };
    }
    case 'or': {
      const children = node.children.map(compileNode);
      return (paper, out) => {
        if (!out) {
          for (const child of children) if (child(paper, null)) return true;
          return false;
        }
        let any = false;
        // Every matching alternative is explained, not only the first.
        for (const child of children) if (child(paper, out)) any = true;
        return any;
      };
    }
  }
}

/** Compiles a parsed query into a matcher; do it once per change of the interest, not per paper. */
export function compileQuery(ast: QueryNode): CompiledQuery {
  return { ast, evaluate: compileNode(ast) };
}

/** Joins the hits of the same term in the same field (and item), spans sorted and without duplicates. */
function mergeHits(hits: Hit[]): Hit[] {
  const merged = new Map<string, Hit>();
  for (const hit of hits) {
    const key = `${hit.term}\u0000${hit.field}\u0000${hit.item ?? ''}`;
    const seen = merged.get(key);
    if (seen) seen.spans.push(...hit.spans);
    else merged.set(key, { ...hit, spans: [...hit.spans] });
  }
  for (const hit of merged.values()) {
    hit.spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    hit.spans = hit.spans.filter((s, i, all) => i === 0 || s[0] !== all[i - 1]?.[0] || s[1] !== all[i - 1]?.[1]);
  }
  return [...merged.values()];
}

/** Matches a paper (prepare it once with `preparePaper` when several queries run on it): matched + hits. */
export function matchPaper(query: CompiledQuery, paper: PaperLike | PreparedPaper): MatchResult {
  const prepared = paper instanceof PreparedPaper ? paper : preparePaper(paper);
  // Most papers match no given interest: decide first without building explanations.
  if (!query.evaluate(prepared, null)) return { matched: false, hits: [] };
  const hits: Hit[] = [];
  query.evaluate(prepared, hits);
  return { matched: true, hits: mergeHits(hits) };
}
