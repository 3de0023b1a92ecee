import { newRecord } from '../lib/db/records';
import type { ShortlistRecord } from '../lib/schema/shortlist';

/** Realistic saved papers: arXiv-like titles, five authors, a 1,200-character abstract, tags and notes. */
export function benchRecords(count: number): ShortlistRecord[] {
  let seed = 42;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const words =
    'reward model language agent diffusion retrieval graph robust scaling {LLM} 100% R&D $x_i$ Über 日本'.split(' ');
  const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const arxivId = `24${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`;
    const record = newRecord(
      {
        id: arxivId,
        source: i % 2 ? 'arxiv' : 'huggingface',
        url: `https://arxiv.org/abs/${arxivId}`,
        title: `${pick(8)} ${i}`,
        authors: Array.from({ length: 5 }, (_, j) => `Author${j} ${pick(1)}son`),
        abstract: pick(150),
        categories: ['cs.CL', 'cs.LG'],
        date: '2024-05-01',
        arxivId,
        ...(i % 3 === 0 ? { doi: `10.18653/v1/2024.acl-long.${i}`, venue: 'ACL 2024' } : {}),
      },
      { tags: [pick(1), 'to read'], interestTags: ['RLHF'], score: i % 100 },
      1_700_000_000_000 + i,
    );
    return { ...record, note: i % 5 === 0 ? pick(30) : '', readState: i % 4 === 0 ? 'read' : 'unread' };
  });
}
