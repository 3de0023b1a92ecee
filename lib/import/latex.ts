/** Combining marks for TeX's accent commands (`\'e` → é). */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030C',
  H: '\u030B',
  u: '\u0306',
  r: '\u030A',
  k: '\u0328',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

/** Commands that stand for a character or a word. */
const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textbraceleft: '{',
  textbraceright: '}',
  textdollar: '$',
  textunderscore: '_',
  textless: '<',
  textgreater: '>',
  textbar: '|',
  textquotedbl: '"',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  S: '§',
  P: '¶',
  dag: '†',
  ddag: '‡',
  copyright: '©',
  textregistered: '®',
  texttrademark: '™',
  pounds: '£',
  euro: '€',
  textdegree: '°',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  times: '×',
  cdot: '·',
  pm: '±',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  approx: '≈',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

/** Commands that only format their argument: the argument's text is kept, the command dropped. */
const FORMATTING = new Set(
  (
    'emph textit textbf textsc texttt textrm textsf textup textsl textmd textnormal mathrm mathbf mathit mathcal ' +
    'mathsf mathtt mathbb mathfrak boldsymbol text mbox hbox textsuperscript textsubscript url uline underline ' +
    'NoCaseChange ensuremath em it bf sc tt rm sf sl'
  ).split(' '),
);

/** Control symbols that print as one character (`\%` → %), or as nothing (`\-` is a hyphenation hint). */
const ESCAPED: Record<string, string> = {
  '{': '{',
  '}': '}',
  '%': '%',
  '&': '&',
  '#': '#',
  _: '_',
  $: '$',
  ' ': ' ',
  '\\': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '-': '',
  '/': '',
  '@': '',
};

class Decoder {
  private i = 0;
  constructor(private readonly s: string) {}

  /** Decodes up to the end, or up to the `}` closing a group opened before (not consumed). */
  run(untilGroupEnd = false): string {
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '}') {
        if (untilGroupEnd) return out;
        this.i++;
      } else if (c === '{') {
        this.i++;
        out += this.run(true);
        this.i++;
      } else if (c === '\\') {
        out += this.command();
      } else if (c === '$') {
        this.i++;
      } else if (c === '~') {
        out += ' ';
        this.i++;
      } else {
        // Fast path: a run of characters that mean nothing to TeX is copied at once.
        PLAIN.lastIndex = this.i;
        const plain = PLAIN.exec(this.s);
        if (plain) {
          out += plain[0];
          this.i += plain[0].length;
        } else {
          out += this.ligature();
        }
      }
    }
    return out;
  }

  /** A character, or the TeX ligature starting here (`--` → –, ``` `` ``` → “). */
  private ligature(): string {
    const rest = this.s.slice(this.i, this.i + 3);
    for (const [from, to] of LIGATURES) {
      if (rest.startsWith(from)) {
        this.i += from.length;
        return to;
      }
    }
    // Astral characters (emoji) are two UTF-16 units: copy both.
    const cp = this.s.codePointAt(this.i)!;
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    return ch;
  }

  /** One command at `\`. */
  private command(): string {
    this.i++;
    const next = this.s[this.i];
    if (next === undefined) return '\\';
    if (!/[A-Za-z]/.test(next)) {
      this.i++;
      if (ACCENTS[next]) return accent(this.argument(), ACCENTS[next]!);
      return ESCAPED[next] ?? next;
    }
    const name = /^[A-Za-z]+/.exec(this.s.slice(this.i, this.i + 64))![0];
    this.i += name.length;
    // TeX drops the spaces after a control word.
    while (this.s[this.i] === ' ' || this.s[this.i] === '\n' || this.s[this.i] === '\t') this.i++;
    if (name.length === 1 && ACCENTS[name]) return accent(this.argument(), ACCENTS[name]!);
    if (SYMBOLS[name] !== undefined) return SYMBOLS[name]!;
    if (FORMATTING.has(name)) return '';
    if (name === 'href') {
      this.argument();
      return '';
    }
    // An unknown command is kept as written: better visible than silently lost.
    return `\\${name}`;
  }

  /** The argument of an accent or command: a braced group, a command, or one character. */
  private argument(): string {
    while (this.s[this.i] === ' ') this.i++;
    const c = this.s[this.i];
    if (c === undefined) return '';
    if (c === '{') {
      this.i++;
      const inner = this.run(true);
      this.i++;
      return inner;
    }
    if (c === '\\') return this.command();
    const ch = String.fromCodePoint(this.s.codePointAt(this.i)!);
    this.i += ch.length;
    return ch;
  }
}

/** Characters with no meaning to TeX (nor starting a ligature). */
const PLAIN = /[^\\{}$~\-`'!?]+/y;
const ANY_SPECIAL = /[\\{}$~\-`'!?]/;

const LIGATURES: [string, string][] = [
  ['---', '—'],
  ['--', '–'],
  ['``', '“'],
  ["''", '”'],
  ['!`', '¡'],
  ['?`', '¿'],
];

/** The accent on the first letter (a dotless i or j takes it as i or j). */
function accent(base: string, mark: string): string {
  if (!base) return mark;
  const first = String.fromCodePoint(base.codePointAt(0)!);
  const letter = first === 'ı' ? 'i' : first === 'ȷ' ? 'j' : first;
  return `${letter}${mark}`.normalize('NFC') + base.slice(first.length);
}

/**
 * A BibTeX field's LaTeX as plain Unicode text: accents and symbol commands decoded, formatting commands and
 * grouping braces dropped, ligatures and ties resolved, whitespace collapsed. Unknown commands stay as written.
 */
export function decodeLatex(raw: string): string {
  if (!ANY_SPECIAL.test(raw)) return raw.replace(/\s+/g, ' ').trim();
  return new Decoder(raw).run().replace(/\s+/g, ' ').trim();
}

/** A verbatim field (URL, DOI, eprint): only the grouping braces go. */
export function decodeVerbatim(raw: string): string {
  return raw.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}
