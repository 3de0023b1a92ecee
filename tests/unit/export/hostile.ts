import { newRecord } from '../../../lib/db/records';
// The ranker's seeded generator: the same corpus on every run.
import { seededRandom } from '../../../lib/scoring/ranker/linear';
import type { PaperEntry } from '../../../lib/schema/paper';
import type { ShortlistRecord } from '../../../lib/schema/shortlist';

const WORDS = ['Reward', 'models', 'for', 'RLHF', 'a', 'Study', 'of', 'BERTScore', 'GPT-4', 'and', 'the', 'Agents'];
const HOSTILE = [
  '{',
  '}',
  '{x}',
  '}{',
  '%',
  '100%',
  '&',
  'R&D',
  '#1',
  'a_b',
  '$x$',
  '$',
  '\\',
  '\\emph{x}',
  '\\\\',
  '~',
  'x^2',
  '^',
  '<b>',
  '</script>',
  '<<',
  '>>',
  '--',
  '---',
  "''",
  '``',
  '`',
  "'",
  '!`',
  '?`',
  ',,',
  '"q"',
  '@misc{',
  '|',
  '[link](javascript:alert(1))',
  '*bold*',
  '_it_',
  '\\{',
  '\\}',
  '{{{',
  '}}}',
  '=1+1',
  '-',
  '+',
  '@',
];
const SCRIPTS = ['日本語', 'Ελληνικά', 'русский', 'العربية', 'עברית', 'हिन्दी', '한국어', 'Ærøskøbing', 'Öztürk', 'ﬁ'];
const EMOJI = ['😀', '👩‍🔬', '🇺🇸', '🧪', '✨'];
const GIVEN = ['Ada', 'Jean-Pierre', 'J. R. R.', 'María José', 'Zoë', 'Łukasz', 'Søren', 'Ana', 'bell', 'Jo'];
const FAMILY = ['Lovelace', 'van der Berg', 'de la Cruz', 'Öztürk', "O'Brien", 'hooks', 'Müller-Lüdenscheidt', 'Smith'];
const ODD_NAMES = [
  '张三',
  'Madonna',
  'Acme, Inc.',
  'Tom and Jerry',
  'others',
  'R&D Team',
  'A {Braced} Name',
  'Back\\slash Person',
  'Tilde~Name Caret^',
  'Percent% Hash# Under_Score',
  'Émilie du Châtelet',
  '👩‍🔬 Scientist',
  'Ana AND Bob',
  'Lower case',
];

/** One hostile text of `n` pieces, single-spaced (BibTeX and CSV readers collapse whitespace differently). */
function text(rnd: () => number, n: number): string {
  const pools = [WORDS, WORDS, HOSTILE, SCRIPTS, EMOJI];
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = pools[Math.floor(rnd() * pools.length)]!;
    pieces.push(pool[Math.floor(rnd() * pool.length)]!);
  }
  return (
    pieces
      .join(rnd() < 0.2 ? '' : ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Untitled'
  );
}

/** `count` papers whose titles, authors and abstracts hold every character citation formats treat specially. */
export function hostilePapers(count: number, seed = 7): PaperEntry[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const arxivId = i % 3 !== 2 ? `${2100 + (i % 12)}.${String(10000 + i).padStart(5, '0')}` : undefined;
    const doi = i % 2 === 0 ? `10.${1000 + (i % 9000)}/x_${i}-(a);b<c>.d/${i % 7}` : undefined;
    const id = arxivId ?? (doi ? `doi:${doi}` : `openreview:Id${i}`);
    const authors = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
      rnd() < 0.3
        ? ODD_NAMES[Math.floor(rnd() * ODD_NAMES.length)]!
        : `${GIVEN[Math.floor(rnd() * GIVEN.length)]} ${FAMILY[Math.floor(rnd() * FAMILY.length)]}`,
    );
    return {
      id,
      source: arxivId ? 'arxiv' : 'openreview',
      url: arxivId ? `https://arxiv.org/abs/${arxivId}` : `https://openreview.net/forum?id=Id${i}&x=%20{y}`,
      title: text(rnd, 3 + Math.floor(rnd() * 8)),
      authors,
      abstract: text(rnd, 20),
      ...(arxivId ? { arxivId, categories: ['cs.CL', 'cs.LG'] } : {}),
      ...(doi ? { doi } : {}),
      ...(i % 4 === 1 ? { venue: `Proc. ${text(rnd, 2)} 2024` } : {}),
      ...(i % 5 !== 0 ? { date: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}` } : {}),
    };
  });
}

/** The hostile papers as saved records, with hostile tags and notes too. */
export function hostileRecords(count: number, seed = 7): ShortlistRecord[] {
  const rnd = seededRandom(seed + 1);
  return hostilePapers(count, seed).map((paper, i) => ({
    ...newRecord(
      paper,
      { tags: [text(rnd, 2), text(rnd, 1)], interestTags: ['RLHF'], score: i % 101 },
      1_700_000_000_000 + i,
    ),
    note: i % 3 === 0 ? `${text(rnd, 6)}\n# not a heading\n- not a list\n> ${text(rnd, 3)}` : '',
    readState: i % 2 ? 'read' : 'unread',
  }));
}
