import { t } from '../util/t';
import { ImportError } from './errors';

/** One BibTeX entry with its fields' raw values (macros expanded, LaTeX and braces still in). */
export interface BibEntry {
  type: string;
  key: string;
  /** Field names lower-cased; the first of repeated fields wins. */
  fields: Map<string, string>;
  line: number;
}

/** Bounds on what one file may make the reader do (a hostile file could expand `@string` macros without end). */
export const BIBTEX_LIMITS = {
  fieldLength: 1_000_000,
  /** Characters all fields may hold together, as a multiple of the file's length. */
  expansion: 4,
  braceDepth: 100,
} as const;

const MONTHS: Record<string, string> = {
  jan: '1',
  feb: '2',
  mar: '3',
  apr: '4',
  may: '5',
  jun: '6',
  jul: '7',
  aug: '8',
  sep: '9',
  oct: '10',
  nov: '11',
  dec: '12',
};

const IDENTIFIER = /[^\s"#%'(),={}]+/y;
const SPACE = /\s*/y;
const GROUP_SPECIALS = /[\\{}]/g;
const GROUP_SPECIALS_PAREN = /[\\{}()]/g;
const QUOTED_SPECIALS = /[\\{}"]/g;

/**
 * Reads BibTeX's structure: `@type{key, field = {…} # "…" # macro, …}`, `@string`, `@comment`, `@preamble`.
 * Text outside entries is a comment, as in BibTeX. Errors name the line and entry; nothing is guessed.
 */
export class BibtexReader {
  private pos = 0;
  private line = 1;
  private linePos = 0;
  private expanded = 0;
  private readonly strings = new Map<string, string>(Object.entries(MONTHS));
  private entryKey: string | undefined;

  constructor(
    private readonly text: string,
    private readonly maxEntries: number,
  ) {}

  /** Every entry, in file order. */
  read(): BibEntry[] {
    const entries: BibEntry[] = [];
    for (;;) {
      const at = this.text.indexOf('@', this.pos);
      if (at < 0) return entries;
      // Outside entries everything is comment: an "@" inside a word (an e-mail) or on a %-line starts nothing.
      if (/\w/.test(this.text[at - 1] ?? '')) {
        this.pos = at + 1;
        continue;
      }
      const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
      if (/^\s*%/.test(this.text.slice(lineStart, at))) {
        const eol = this.text.indexOf('\n', at);
        this.pos = eol < 0 ? this.text.length : eol;
        continue;
      }
      this.advanceTo(at + 1);
      const entry = this.item();
      if (!entry) continue;
      entries.push(entry);
      if (entries.length > this.maxEntries) {
        throw new ImportError(t('errors.import.tooManyEntries', [this.maxEntries.toLocaleString('en')]));
      }
    }
  }

  /** The line of `pos` (counted as the reader moves forward, once over the file). */
  private advanceTo(pos: number): void {
    for (let i = this.linePos; i < pos; i++) if (this.text.charCodeAt(i) === 10) this.line++;
    this.linePos = Math.max(this.linePos, pos);
    this.pos = pos;
  }

  private fail(problem: string, line = this.currentLine()): never {
    throw new ImportError(problem, { line, entry: this.entryKey });
  }

  private currentLine(): number {
    this.advanceTo(this.pos);
    return this.line;
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private identifier(): string | undefined {
    IDENTIFIER.lastIndex = this.pos;
    const m = IDENTIFIER.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** The entry after an `@`, or undefined for `@comment`, `@preamble` and `@string`. */
  private item(): BibEntry | undefined {
    const line = this.currentLine();
    this.entryKey = undefined;
    this.skipSpace();
    const type = this.identifier()?.toLowerCase();
    if (!type) return this.fail(t('errors.import.noEntryType'));
    this.skipSpace();
    const open = this.text[this.pos];
    if (type === 'comment') {
      if (open === '{' || open === '(') this.skipGroup(line);
      return undefined;
    }
    if (open !== '{' && open !== '(') return this.fail(t('errors.import.noOpeningBrace', [type]));
    const close = open === '{' ? '}' : ')';
    this.pos++;
    if (type === 'preamble') {
      this.pos--;
      this.skipGroup(line);
      return undefined;
    }
    if (type === 'string') {
      this.skipSpace();
      const name = this.identifier()?.toLowerCase();
      if (!name) return this.fail(t('errors.import.stringWithoutName'));
      this.entryKey = `@string ${name}`;
      this.expect('=');
      this.strings.set(name, this.value(line));
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      this.skipSpace();
      this.expect(close);
      return undefined;
    }
    this.skipSpace();
    const keyStart = this.pos;
    while (this.pos < this.text.length && !/[,\s}]/.test(this.text[this.pos]!) && this.text[this.pos] !== close) {
      this.pos++;
    }
    const key = this.text.slice(keyStart, this.pos);
    if (!key) return this.fail(t('errors.import.noCitationKey', [type]));
    this.entryKey = key;
    const fields = new Map<string, string>();
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === close) {
        this.pos++;
        return { type, key, fields, line };
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === undefined) return this.fail(t('errors.import.entryNotClosed'), line);
      const name = this.identifier()?.toLowerCase();
      if (!name) return this.fail(t('errors.import.unexpectedFieldName', [c]));
      this.expect('=');
      const value = this.value(line);
      if (!fields.has(name)) fields.set(name, value);
      this.skipSpace();
      const after = this.text[this.pos];
      if (after !== ',' && after !== close) {
        if (after === undefined) return this.fail(t('errors.import.entryNotClosed'), line);
        return this.fail(t('errors.import.missingComma', [name]));
      }
    }
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) {
      const found = this.text[this.pos];
      this.fail(
        found === undefined ? t('errors.import.endsWhereExpected', [c]) : t('errors.import.expectedFound', [c, found]),
      );
    }
    this.pos++;
  }

  /** A field value: pieces joined by `#`. */
  private value(entryLine: number): string {
    let out = '';
    for (;;) {
      this.skipSpace();
      out += this.piece(entryLine);
      if (out.length > BIBTEX_LIMITS.fieldLength) {
        this.fail(t('errors.import.fieldTooLong', [BIBTEX_LIMITS.fieldLength.toLocaleString('en')]));
      }
      this.skipSpace();
      if (this.text[this.pos] !== '#') break;
      this.pos++;
    }
    this.expanded += out.length;
    if (this.expanded > BIBTEX_LIMITS.expansion * this.text.length + 10_000) {
      this.fail(t('errors.import.macrosTooLong'));
    }
    return out;
  }

  private piece(entryLine: number): string {
    const c = this.text[this.pos];
    if (c === '{') {
      const start = this.pos + 1;
      this.skipGroup(entryLine);
      return this.text.slice(start, this.pos - 1);
    }
    if (c === '"') return this.quoted(entryLine);
    const word = this.identifier();
    if (word === undefined) {
      return this.fail(
        c === undefined ? t('errors.import.endsInsideEntry') : t('errors.import.unexpectedInValue', [c]),
      );
    }
    if (/^\d+$/.test(word)) return word;
    const macro = this.strings.get(word.toLowerCase());
    if (macro === undefined) return this.fail(t('errors.import.undefinedMacro', [word]));
    return macro;
  }

  /** Skips a `{…}` or `(…)` group from its opening character (a backslash escapes the next character). */
  private skipGroup(entryLine: number): void {
    const open = this.text[this.pos];
    const close = open === '(' ? ')' : '}';
    const special = open === '(' ? GROUP_SPECIALS_PAREN : GROUP_SPECIALS;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      // Jump to the next character that matters: fields are mostly plain text.
      special.lastIndex = this.pos;
      if (!special.test(this.text)) break;
      this.pos = special.lastIndex - 1;
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{' || c === open) {
        if (++depth > BIBTEX_LIMITS.braceDepth)
          this.fail(t('errors.import.bracesTooDeep', [String(BIBTEX_LIMITS.braceDepth)]));
      } else if (c === '}' || c === close) {
        if (--depth === 0) {
          this.pos++;
          return;
        }
      }
    }
    this.fail(t('errors.import.braceNotClosed'), entryLine);
  }

  private quoted(entryLine: number): string {
    const start = ++this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      QUOTED_SPECIALS.lastIndex = this.pos;
      if (!QUOTED_SPECIALS.test(this.text)) break;
      this.pos = QUOTED_SPECIALS.lastIndex - 1;
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') {
        if (++depth > BIBTEX_LIMITS.braceDepth)
          this.fail(t('errors.import.bracesTooDeep', [String(BIBTEX_LIMITS.braceDepth)]));
      } else if (c === '}') {
        if (--depth < 0) this.fail(t('errors.import.unmatchedBrace'));
      } else if (c === '"' && depth === 0) {
        this.pos++;
        return this.text.slice(start, this.pos - 1);
      }
    }
    return this.fail(t('errors.import.quoteNotClosed'), entryLine);
  }
}

/**
 * Splits an `author` field into names at top-level " and " and writes each as a display name ("Given Family"):
 * "Family, Given" and "Family, Jr, Given" are turned around; braced groups stay whole. `decode` turns each
 * part's LaTeX into text.
 */
export function bibtexNames(raw: string, decode: (latex: string) => string): string[] {
  return splitTopLevel(raw, /\s+and\s+/iy)
    .map((name) => name.trim())
    .filter((name) => name && name !== 'others')
    .map((name) => {
      const parts = splitTopLevel(name, /\s*,\s*/y).map(decode);
      if (parts.length === 1) return parts[0]!;
      if (parts.length === 2) return `${parts[1]} ${parts[0]}`.trim();
      return `${parts.slice(2).join(', ')} ${parts[0]}, ${parts[1]}`.trim();
    })
    .filter(Boolean);
}

/** Splits at a separator met outside braces (`sticky` regex tried at each top-level position). */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(text);
      if (m && m[0].length > 0) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
