/**
 * The interest query language: what a researcher types as an interest's query, no manual needed.
 *
 *   agent                      the word in any inflection: agent, agents, Agent's, agentic (Porter2 stemmer)
 *   "reward model"             the phrase: reward model(s), reward-model, rewardmodel, Reward Modeling
 *   self-attention             a hyphenated word is that phrase: self-attention, self attention, selfattention
 *   selfattention              matches the same three (a short function word is never glued: "in formal"
 *                              is not informal, but "in-context" is incontext)
 *   naïve                      case and diacritics folded both ways: naive, Naïve, NAIVE; Straße = strasse
 *   diffusion*                 any word starting with diffusion: diffusion, diffusions, diffusion-based
 *   LLM                        2+ capitals = an acronym, case-sensitive, whole word: LLM, LLMs, LLM-based,
 *                              (LLM); never llm nor MLLM. RL matches RL and RL-based, not RLHF, rl or world.
 *   RL*                        an acronym's prefix, still case-sensitive: RL, RLHF, RLAIF, RLVR
 *   rl                         lower case = any case, whole words only: rl, RL (never world)
 *   =RAG                       exactly this word, case-sensitive, no stemming: RAG, not RAGs nor rag
 *   ="Chain of Thought"        an exact phrase
 *   GPT-3.5  cs.LG             marks other than spaces and dashes must be there: GPT-3.5 or GPT 3.5, not GPT-35
 *   agent planning             both words, anywhere (AND is implicit; `agent AND planning` is the same)
 *   agent OR planner           either; a comma means OR too: agent, planner, "tool use"
 *   agent -survey              agent but not survey; `agent NOT survey` is the same
 *   (agent OR planner) AND (LLM OR "language model")      parentheses group; NOT binds first, then AND, then OR
 *   title:agent                in the title only (terms without a field search the title and the abstract)
 *   abstract:"tool use"        in the abstract only; a field applies to one term or a (group): title:(a OR b)
 *   author:lecun               a word of an author's name, case and diacritics folded (scholkopf = Schölkopf)
 *   author:"Y. LeCun"          a name with initials: Yann LeCun, Y. LeCun, Yann A. LeCun, Le Cun, "LeCun, Yann"
 *   author:lec*                a surname prefix
 *   cat:cs.LG  cat:cs.*  cat:cs           an arXiv category; cs.* and cs both mean every cs category
 *   cat:"machine learning"     the words of a category label, as some sites show them
 *   venue:neurips              part of the venue ("NeurIPS 2024"), case and diacritics folded
 *   /diffusion (model|policy)s?/i         a regular expression on the original text in RE2 syntax (linear time:
 *                              no look-around, no back-references); flags i, m, s; title:/^Towards/ works too
 *
 * A phrase never runs over other punctuation (". Model" does not continue "reward") nor from the title into the
 * abstract. Operators are written in capitals (AND, OR, NOT), as in most search engines: a lower-case `or` is an
 * ordinary word, and the parser returns a warning saying so. Field names are case-insensitive and have short
 * forms (ti:, abs:, au:, category:, subject:); any other `name:` is just words. A query that does not parse
 * returns `{ ok: false, error, position }`, position being the offset of the quote, parenthesis, operator or
 * term at fault (0 for an empty query).
 *
 * Why acronyms are whole words (RL does not match RLHF unless written RL*): prefix matching makes short
 * acronyms noisy (ML would tag every MLP and MLLM paper, QA every QAT one, CV every CVPR mention, AI every
 * AIME), while the few cases where the prefix is wanted are easy to ask for. Why case-sensitive: an acronym
 * in capitals is how a reader tells RL from the letters r-l in lower case; whoever wants any case types `rl`.
 */
import { RE2JS } from 're2js';
import { t } from '../../util/t';
import { gapMarks, isWordChar } from './text';

/** A field a query term can be limited to; unfielded terms search title and abstract. */
export type QueryField = 'title' | 'abstract' | 'author' | 'cat' | 'venue';

/** How one word of a term compares with the text's words. */
export type WordMode = 'stem' | 'acronym' | 'exact';

/** One word of a term (a phrase has several). */
export interface QueryWord {
  /** As typed, without the wildcard star. */
  text: string;
  mode: WordMode;
  /** Ends with `*`: matches words that start with `text`. */
  prefix: boolean;
  /**
   * What must stand between the previous word and this one in the text, whitespace aside: '' for spaces,
   * dashes or nothing (`self attention`, `self-attention`, `selfattention`), else the marks typed (`3.5`).
   */
  sep: string;
}

interface Located {
  /** Offset of the node's first character in the query. */
  position: number;
  /** Offset just past the node's last character. */
  end: number;
}

/** A word, phrase or field value. */
export interface TermNode extends Located {
  type: 'term';
  field: QueryField | null;
  /** What the user typed, without quotes, `=`, or the field name: shown in explanations. */
  display: string;
  /** The value to match: for title/abstract/unfielded terms `words` says how (empty for author/cat/venue). */
  value: string;
  words: QueryWord[];
}

/** A `/regex/flags` term, run with RE2 (linear time). */
export interface RegexNode extends Located {
  type: 'regex';
  field: QueryField | null;
  display: string;
  source: string;
  flags: string;
}

export type QueryNode =
  | TermNode
  | RegexNode
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

/** Something that parses but is probably not what was meant. */
export interface QueryWarning {
  message: string;
  position: number;
}

export type ParseResult =
  { ok: true; ast: QueryNode; warnings: QueryWarning[] } | { ok: false; error: string; position: number };

const FIELDS: Record<string, QueryField> = {
  title: 'title',
  ti: 'title',
  abstract: 'abstract',
  abs: 'abstract',
  author: 'author',
  authors: 'author',
  au: 'author',
  cat: 'cat',
  category: 'cat',
  categories: 'cat',
  subject: 'cat',
  venue: 'venue',
};

const QUOTES = new Set(['"', '“', '”', '„']);
const REGEX_FLAGS = new Set(['i', 'm', 's', 'u', 'g']);
const LOWER_OPERATORS = new Set(['and', 'or', 'not']);

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
/** Characters that end a bare word: whitespace, parentheses, quotes, commas. */
const endsBareWord = (ch: string | undefined): boolean =>
  ch === undefined || isSpace(ch) || ch === '(' || ch === ')' || ch === ',' || QUOTES.has(ch);

const UPPER = /\p{Lu}/gu;
const LOWER = /\p{Ll}/u;

/** 2+ capitals and no lower-case letter, optionally with a plural s: LLM, RLHF, GPT4, LLMs. */
export function isAcronym(word: string): boolean {
  const core = /^[^\p{Ll}]+s$/u.test(word) ? word.slice(0, -1) : word;
  return !LOWER.test(core) && (core.match(UPPER)?.length ?? 0) >= 2;
}

/** The acronym without its plural s: LLMs → LLM. */
export function acronymCore(word: string): string {
  return /^[^\p{Ll}]+s$/u.test(word) ? word.slice(0, -1) : word;
}

class Parser {
  pos = 0;
  readonly warnings: QueryWarning[] = [];

  constructor(private readonly src: string) {}

  parse(): QueryNode {
    this.skipSpace();
    if (this.pos >= this.src.length) throw new QuerySyntaxError(t('errors.query.empty'), 0);
    const node = this.parseOr(null);
    this.skipSpace();
    if (this.pos < this.src.length) {
      // parseOr stops only at the end or at a ')' it was not expecting.
      throw new QuerySyntaxError(t('errors.query.unmatchedClose'), this.pos);
    }
    return node;
  }

  private skipSpace(): void {
    while (isSpace(this.src[this.pos])) this.pos++;
  }

  /** The bare word at the cursor without consuming it. */
  private peekBare(): { text: string; start: number; end: number } {
    let end = this.pos;
    while (!endsBareWord(this.src[end])) end++;
    return { text: this.src.slice(this.pos, end), start: this.pos, end };
  }

  /** An `OR` or `,` at the cursor. */
  private peekOr(): { text: string; start: number; end: number } | null {
    if (this.src[this.pos] === ',') return { text: ',', start: this.pos, end: this.pos + 1 };
    const word = this.peekBare();
    return word.text === 'OR' ? word : null;
  }

  /** Nothing left that could start a term here: the end, a ')' or a binary operator. */
  private atTermEnd(): boolean {
    if (this.pos >= this.src.length || this.src[this.pos] === ')' || this.src[this.pos] === ',') return true;
    const word = this.peekBare().text;
    return word === 'AND' || word === 'OR';
  }

  private expectTermAfter(operator: string, position: number): void {
    this.skipSpace();
    if (this.atTermEnd()) throw new QuerySyntaxError(t('errors.query.nothingAfter', [operator]), position);
  }

  private parseOr(field: QueryField | null): QueryNode {
    const children = [this.parseAnd(field)];
    for (;;) {
      this.skipSpace();
      const op = this.peekOr();
      if (!op) break;
      this.pos = op.end;
      this.expectTermAfter(op.text, op.start);
      children.push(this.parseAnd(field));
    }
    return children.length === 1 && children[0] ? children[0] : { type: 'or', children };
  }

  private parseAnd(field: QueryField | null): QueryNode {
    const children = [this.parseUnary(field)];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length || this.src[this.pos] === ')' || this.peekOr()) break;
      const word = this.peekBare();
      if (word.text === 'AND') {
        this.pos = word.end;
        this.expectTermAfter('AND', word.start);
      }
      children.push(this.parseUnary(field));
    }
    return children.length === 1 && children[0] ? children[0] : { type: 'and', children };
  }

  private parseUnary(field: QueryField | null): QueryNode {
    this.skipSpace();
    const start = this.pos;
    const ch = this.src[start];
    if (ch === ',') throw new QuerySyntaxError(t('errors.query.nothingBefore', [',']), start);
    const word = this.peekBare();
    if (word.text === 'AND' || word.text === 'OR') {
      throw new QuerySyntaxError(t('errors.query.nothingBefore', [word.text]), start);
    }
    if (word.text === 'NOT') {
      this.pos = word.end;
      this.expectTermAfter('NOT', start);
      return { type: 'not', child: this.parseUnary(field) };
    }
    if (ch === '-') {
      const next = this.src[start + 1];
      if (next === undefined || isSpace(next) || next === ')' || next === ',') {
        throw new QuerySyntaxError(t('errors.query.dashNeedsTerm'), start);
      }
      this.pos++;
      return { type: 'not', child: this.parseUnary(field) };
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: QueryField | null): QueryNode {
    const start = this.pos;
    const ch = this.src[start];
    if (ch === '(') {
      this.pos++;
      this.skipSpace();
      if (this.src[this.pos] === ')') throw new QuerySyntaxError(t('errors.query.emptyParentheses'), start);
      if (this.pos >= this.src.length) throw new QuerySyntaxError(t('errors.query.unclosedParenthesis'), start);
      const node = this.parseOr(field);
      this.skipSpace();
      if (this.src[this.pos] !== ')') throw new QuerySyntaxError(t('errors.query.unclosedParenthesis'), start);
      this.pos++;
      return node;
    }
    if (ch === ')') throw new QuerySyntaxError(t('errors.query.unmatchedClose'), start);
    if (ch === '/') return this.parseRegex(field);
    if (ch === '=') {
      this.pos++;
      const next = this.src[this.pos];
      if (next !== undefined && QUOTES.has(next)) return this.parseQuoted(field, true, start);
      if (endsBareWord(next)) {
        throw new QuerySyntaxError(t('errors.query.equalsNeedsTerm'), start);
      }
      return this.parseBare(field, true, start);
    }
    if (ch !== undefined && QUOTES.has(ch)) return this.parseQuoted(field, false, start);

    const word = this.peekBare();
    const named = /^([A-Za-z]+):/.exec(word.text);
    const namedField = named?.[1] ? FIELDS[named[1].toLowerCase()] : undefined;
    if (named && namedField) {
      if (field && field !== namedField) {
        throw new QuerySyntaxError(t('errors.query.nestedField', [named[1] ?? '', field]), start);
      }
      this.pos = start + named[0].length;
      this.skipSpace();
      if (this.atTermEnd()) throw new QuerySyntaxError(t('errors.query.nothingAfter', [named[0]]), start);
      return this.parseUnary(namedField);
    }
    return this.parseBare(field, false, start);
  }

  private parseBare(field: QueryField | null, exact: boolean, start: number): TermNode {
    const word = this.peekBare();
    this.pos = word.end;
    if (!exact && !field && LOWER_OPERATORS.has(word.text)) {
      this.warnings.push({
        message: t('errors.query.lowerCaseOperator', [word.text, word.text.toUpperCase()]),
        position: word.start,
      });
    }
    if (field === 'author' && /^\p{L}\.$/u.test(word.text)) {
      this.warnings.push({
        message: t('errors.query.authorInitials'),
        position: start,
      });
    }
    return this.term(field, word.text, word.text, exact, word.start, start, word.end);
  }

  private parseQuoted(field: QueryField | null, exact: boolean, start: number): TermNode {
    const open = this.pos;
    let close = open + 1;
    while (close < this.src.length && !QUOTES.has(this.src[close] ?? '')) close++;
    if (close >= this.src.length) throw new QuerySyntaxError(t('errors.query.unclosedQuote'), open);
    const value = this.src.slice(open + 1, close);
    this.pos = close + 1;
    if (!value.trim()) throw new QuerySyntaxError(t('errors.query.emptyQuotes'), open);
    return this.term(field, value.trim(), value.trim(), exact, open + 1, start, close + 1);
  }

  /** Builds a term; `valueStart` is where `value` begins in the query, for error positions. */
  private term(
    field: QueryField | null,
    value: string,
    display: string,
    exact: boolean,
    valueStart: number,
    position: number,
    end: number,
  ): TermNode {
    let words: QueryWord[] = [];
    if (field === 'cat' || field === 'venue') {
      const star = value.indexOf('*');
      if (star >= 0 && star !== value.length - 1) {
        throw new QuerySyntaxError(t('errors.query.starEndsValue'), valueStart + star);
      }
      if (!/[\p{L}\p{N}]/u.test(value)) {
        throw new QuerySyntaxError(t('errors.query.nothingToSearch', [value]), valueStart);
      }
    } else {
      words = splitWords(value, valueStart, exact);
      // An author's name is matched as a name (./match), not word by word: the split only checks it.
      if (field === 'author') words = [];
    }
    return { type: 'term', field, display, value, words, position, end };
  }

  private parseRegex(field: QueryField | null): RegexNode {
    const open = this.pos;
    let i = open + 1;
    let inClass = false;
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
    }
    if (i >= this.src.length) throw new QuerySyntaxError(t('errors.query.unclosedRegex'), open);
    const source = this.src.slice(open + 1, i);
    if (!source) throw new QuerySyntaxError(t('errors.query.emptyRegex'), open);
    let end = i + 1;
    while (/[A-Za-z]/.test(this.src[end] ?? '')) {
      const flag = this.src[end] ?? '';
      if (!REGEX_FLAGS.has(flag)) {
        throw new QuerySyntaxError(t('errors.query.unknownRegexFlag', [flag]), end);
      }
      end++;
    }
    if (!endsBareWord(this.src[end])) {
      throw new QuerySyntaxError(t('errors.query.regexEnd'), end);
    }
    const flags = this.src.slice(i + 1, end);
    const error = regexError(source, flags);
    if (error) throw new QuerySyntaxError(t('errors.query.invalidRegex', [error]), open);
    this.pos = end;
    return { type: 'regex', field, display: this.src.slice(open, end), source, flags, position: open, end };
  }
}

/** Splits a term's text into words: `self-attention` → self + attention, `GPT-3.5` → GPT + 3 (.) 5. */
function splitWords(value: string, offset: number, exact: boolean): QueryWord[] {
  const words: QueryWord[] = [];
  let i = 0;
  let gapStart = 0;
  while (i < value.length) {
    if (!isWordChar(value[i])) {
      if (value[i] === '*') {
        throw new QuerySyntaxError(t('errors.query.starEndsWord'), offset + i);
      }
      i++;
      continue;
    }
    const start = i;
    while (i < value.length && isWordChar(value[i])) i++;
    const text = value.slice(start, i);
    let prefix = false;
    if (value[i] === '*') {
      prefix = true;
      i++;
      if (isWordChar(value[i])) throw new QuerySyntaxError(t('errors.query.starEndsWord'), offset + i - 1);
    }
    const sep = words.length ? gapMarks(value.slice(gapStart, start)) : '';
    const mode: WordMode = exact ? 'exact' : isAcronym(text) ? 'acronym' : 'stem';
    words.push({ text, mode, prefix, sep });
    gapStart = i;
  }
  if (!words.length) throw new QuerySyntaxError(t('errors.query.nothingToSearch', [value]), offset);
  return words;
}

/** RE2JS flags for a JavaScript-style flag string (g and u change nothing here). */
export function re2Flags(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}

/** Compiles a regex with RE2 (JavaScript syntax translated); throws on what RE2 cannot run. */
export function compileRegex(source: string, flags: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(source), re2Flags(flags));
}

function regexError(source: string, flags: string): string | null {
  try {
    compileRegex(source, flags);
    return null;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/^error parsing regexp: /, '');
  }
}

/** Parses a query; on error says what is wrong and where (an offset into `text`). */
export function parseQuery(text: string): ParseResult {
  const parser = new Parser(text);
  try {
    const ast = parser.parse();
    return { ok: true, ast, warnings: parser.warnings };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { ok: false, error: err.message, position: err.position };
    throw err;
  }
}
