import { describe, expect, it } from 'vitest';
import { bibtexNames } from '../../../lib/import/bibtex-reader';
import { decodeLatex, decodeVerbatim } from '../../../lib/import/latex';

describe('LaTeX in BibTeX fields', () => {
  it.each([
    ['{\\"O}zt{\\"u}rk', 'Öztürk'],
    ["\\'{e}t\\'e \\`a la \\^{o}", 'été à la ô'],
    ['\\c{c}a \\v{s} \\H{o} \\r{a} \\k{e} \\~n \\={a} \\.{z} \\u{g}', 'ça š ő å ę ñ ā ż ğ'],
    ['na\\"{\\i}ve \\\'\\i', 'naïve í'],
    // TeX drops the space after a control word.
    ["\\ss{} \\o \\AE\\ae \\L{}ód\\'z", 'ß øÆæŁódź'],
    ['\\emph{Deep} \\textbf{learning} in \\textsc{Pytorch}', 'Deep learning in Pytorch'],
    ['The {RLHF} {{Handbook}}', 'The RLHF Handbook'],
    ['100\\% \\& \\#1 \\$5 a\\_b \\{x\\}', '100% & #1 $5 a_b {x}'],
    ['\\textbackslash{} \\textasciitilde{} \\textasciicircum{} \\textless{}b\\textgreater{}', '\\ ~ ^ <b>'],
    ["1--2 a---b ``quoted'' ?` !`", '1–2 a—b “quoted” ¿ ¡'],
    ["-{}- `{}` '{}'", "-- `` ''"],
    ['$\\alpha$-divergence and $O(n^2)$', 'α-divergence and O(n^2)'],
    ['Dr.~Who \\\\ next', 'Dr. Who next'],
    ['\\href{http://x.org}{the site}', 'the site'],
    ['\\unknowncommand{kept}', '\\unknowncommandkept'],
    ['日本語 😀 👩‍🔬', '日本語 😀 👩‍🔬'],
    ['  spread\n  over   lines  ', 'spread over lines'],
  ])('%s → %s', (latex, text) => {
    expect(decodeLatex(latex)).toBe(text);
  });

  it('leaves verbatim fields (URLs, DOIs) alone but for grouping braces', () => {
    expect(decodeVerbatim('{https://x.org/a_b%20c#frag}')).toBe('https://x.org/a_b%20c#frag');
  });

  it('splits author lists at top-level "and" and turns "Family, Given" around', () => {
    expect(
      bibtexNames(
        'Smith, Jane and {Smith and Wesson} and van der Berg, Ana and Curie, Jr, Pierre and {Acme, Inc.} and Anderson, Bo and others',
        decodeLatex,
      ),
    ).toEqual(['Jane Smith', 'Smith and Wesson', 'Ana van der Berg', 'Pierre Curie, Jr', 'Acme, Inc.', 'Bo Anderson']);
    expect(bibtexNames('Jane Smith AND John Doe', decodeLatex)).toEqual(['Jane Smith', 'John Doe']);
  });
});
