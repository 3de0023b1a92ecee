import { seededRandom } from '../../../../lib/scoring/ranker/linear';
import type { RankerDoc } from '../../../../lib/scoring/ranker';

/** Vocabulary and authors of each toy subject; every paper also draws from the shared filler words. */
export const SUBJECTS = {
  alignment: {
    words: ['reward model', 'rubric', 'RLHF', 'preference optimisation', 'human feedback', 'policy', 'annotators'],
    authors: ['Ada Reward', 'Rui Rubric', 'Pat Policy'],
  },
  proteins: {
    words: ['protein folding', 'structure prediction', 'residue', 'amino acid', 'docking', 'binding site'],
    authors: ['Fay Fold', 'Dan Dock', 'Ama Amino'],
  },
  galaxies: {
    words: ['galaxy', 'redshift', 'dark matter', 'cosmic web', 'sky survey', 'halo'],
    authors: ['Gil Galaxy', 'Hal Halo', 'Sky Surveyor'],
  },
} as const;
export type Subject = keyof typeof SUBJECTS;

const FILLER = ['we propose', 'method', 'results', 'experiments', 'data', 'novel', 'approach', 'performance'];

/** `count` seeded toy papers on one subject: a title and an abstract mixing subject words and filler. */
export function papersOn(subject: Subject, count: number, seed: number): RankerDoc[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const { words, authors } = SUBJECTS[subject];
  return Array.from({ length: count }, () => {
    const phrase = () => (random() < 0.6 ? pick(words) : pick(FILLER));
    return {
      title: `${pick(words)} ${pick(FILLER)} ${pick(words)}`,
      abstract: `${Array.from({ length: 25 }, phrase).join(' ')}.`,
      authors: [pick(authors), `Someone ${Math.floor(random() * 1000)}`],
    };
  });
}

/** Average precision of a ranking (scores) against which items are relevant. */
export function averagePrecision(scores: readonly number[], relevant: readonly boolean[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (relevant[i]) sum += ++hits / (rank + 1);
  });
  return hits ? sum / hits : 0;
}
