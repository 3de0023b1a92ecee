// Query matcher micro-benchmark: 2,000 papers × 50 interests, prepare + match, next to a naive baseline that
// checks every interest's terms with String.includes on the lower-cased title + abstract (same run, same papers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileQuery,
  matchPaper,
  parseQuery,
  preparePaper,
  type CompiledQuery,
  type PaperLike,
  type QueryNode,
} from '../lib/scoring/query';
import { resetVocabulary } from '../lib/scoring/query/vocabulary';
import type { Row } from './measure';

const PAGES = join(import.meta.dirname, '../tests/fixtures/pages');

/** 50 interests as researchers would write them: words, phrases, acronyms, OR/NOT, fields, wildcards, a regex. */
export const BENCH_QUERIES = [
  'agent*, "tool use", planning',
  '"reward model" OR RLHF OR "preference optimization"',
  'reasoning AND (math OR "chain of thought") -survey',
  'diffusion* AND (text OR language)',
  'retrieval-augmented OR RAG',
  '"knowledge graph" OR KG',
  'speech OR ASR OR "spoken language"',
  'translation AND (low-resource OR multilingual)',
  'hallucination*',
  'alignment AND (safety OR harmless*)',
  'summarization OR summarisation',
  'benchmark AND LLM',
  'title:survey',
  '"in-context learning"',
  'chain-of-thought OR CoT',
  'mixture-of-experts OR MoE',
  'quantization OR pruning OR distillation',
  '"vision-language" OR VLM',
  'code AND (generation OR repair)',
  'author:"Y. Bengio" OR author:lecun',
  'cat:cs.CL AND evaluation',
  'cat:cs.LG -cat:cs.CL',
  'tokenizer OR tokenization',
  'long-context OR "context window"',
  'multimodal AND (audio OR video)',
  'bias AND fairness',
  '"question answering" OR QA',
  'medical OR clinical OR biomedical',
  'legal AND (LLM OR "language model")',
  'education* OR tutoring',
  '"named entity" OR NER',
  'sentiment',
  'dialogue OR conversational',
  'embedding* AND retrieval',
  '"instruction tuning" OR "instruction-tuned"',
  'jailbreak* OR "red teaming"',
  'interpretability OR mechanistic',
  '"sparse autoencoder" OR SAE',
  'robot* AND language',
  '"graph neural network" OR GNN',
  'watermark*',
  'uncertainty AND calibration',
  '"data contamination" OR memorization',
  'self-attention OR transformer*',
  'parsing AND syntax',
  'morpholog*',
  '"machine translation" -survey',
  'low-resource AND (African OR Indic)',
  '/\\bGPT-?[345]/',
  'venue:ACL OR venue:EMNLP',
];

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A small seeded PRNG (mulberry32): the same papers on every run and machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 2,000 papers made from the captured pages' titles, abstracts and authors, recombined, with a long tail of
 * rare made-up words (≈16k distinct words, as in 2,000 real arXiv abstracts) so that caches are not flattered.
 */
export function benchPapers(count = 2000): PaperLike[] {
  const listing = readFileSync(join(PAGES, 'arxiv/list-cs.CL-2025-05-show50.html'), 'utf8');
  const search = readFileSync(join(PAGES, 'arxiv/search-advanced-agent-2026-02-21.html'), 'utf8');
  const daily = readFileSync(join(PAGES, 'huggingface/papers-daily-2026-09-28.html'), 'utf8');
  const titles = [
    ...Array.from(listing.matchAll(/<span class='descriptor'>Title:<\/span>([\s\S]*?)<\/div>/g), (m) => m[1] ?? ''),
    ...Array.from(search.matchAll(/<p class="title is-5 mathjax">([\s\S]*?)<\/p>/g), (m) => m[1] ?? ''),
  ].map(decode);
  const abstracts = [
    ...Array.from(search.matchAll(/abstract-full[^>]*>([\s\S]*?)<a /g), (m) => m[1] ?? ''),
    ...Array.from(daily.matchAll(/summary&quot;:&quot;([\s\S]*?)&quot;/g), (m) => m[1] ?? ''),
  ].map(decode);
  const sentences = [...new Set(abstracts.flatMap((a) => a.split(/(?<=\.) /)).filter((s) => s.length > 30))];
  const authors = [...new Set(Array.from(listing.matchAll(/query=[^"]*">([^<]+)<\/a>/g), (m) => decode(m[1] ?? '')))];
  if (titles.length < 50 || sentences.length < 100 || authors.length < 100) {
    throw new Error(`bench corpus too small: ${titles.length} titles, ${sentences.length} sentences`);
  }
  const rand = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const syllables = ['ka', 'lor', 'mi', 'tren', 'vo', 'sel', 'dra', 'pin', 'qua', 'zet', 'bru', 'nol'];
  const suffixes = ['', 's', 'ing', 'ation', 'ed', 'ive', 'ness', 'er'];
  const rare = Array.from({ length: 14_000 }, (_, i) => {
    let word = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
    return word + (suffixes[i % suffixes.length] ?? '');
  });
  // Zipf-like: most rare words appear once or twice in the whole corpus.
  const rareWord = () => rare[Math.floor(rare.length * rand() ** 2)] ?? 'x';
  const categories = ['cs.CL', 'cs.LG', 'cs.AI', 'cs.CV', 'stat.ML', 'cs.RO', 'cs.IR'];
  const venues = ['ACL 2025', 'EMNLP 2024', 'NeurIPS 2024', 'ICLR 2025'];
  return Array.from({ length: count }, () => {
    const sentenceCount = 5 + Math.floor(rand() * 5);
    const abstract = Array.from({ length: sentenceCount }, () =>
      pick(sentences).replace(/[a-z]{4,}/g, (w) => (rand() < 0.08 ? rareWord() : w)),
    ).join(' ');
    return {
      title: pick(titles),
      abstract,
      authors: Array.from({ length: 2 + Math.floor(rand() * 6) }, () => pick(authors)),
      categories: [pick(categories), pick(categories)],
      ...(rand() < 0.3 ? { venue: pick(venues) } : {}),
    };
  });
}

/** The baseline's terms: every term not under a NOT, lower-cased (wildcard star dropped). */
function naiveTerms(node: QueryNode, negated = false): string[] {
  switch (node.type) {
    case 'term':
      return negated ? [] : [node.value.replace(/\*$/, '').toLowerCase()];
    case 'regex':
      return negated ? [] : [node.source.toLowerCase()];
    case 'not':
      return naiveTerms(node.child, !negated);
    default:
      return node.children.flatMap((c) => naiveTerms(c, negated));
  }
}

/**
 * Median wall time of each function, the functions taking turns run after run: on a shared machine a burst of
 * load then slows them alike, where timing one block of runs after the other would skew the ratio.
 */
function interleavedMedians(fns: (() => unknown)[], runs = 15, warmup = 3): number[] {
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < warmup + runs; r++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      if (r >= warmup) times[k]?.push(performance.now() - t0);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? NaN);
}

/** Runs the benchmark, prints the medians and ratios, and returns them as rows for `bench/run.ts`. */
export function runQueryBench(papers: readonly PaperLike[] = benchPapers()): Row[] {
  const asts = BENCH_QUERIES.map((q) => {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(`bench query "${q}": ${parsed.error} at ${parsed.position}`);
    return parsed.ast;
  });
  const terms = asts.map((ast) => naiveTerms(ast));
  const naive = () => {
    let hits = 0;
    for (const p of papers) {
      const text = `${p.title} ${p.abstract ?? ''}`.toLowerCase();
      for (const interest of terms) for (const t of interest) if (text.includes(t)) hits++;
    }
    return hits;
  };
  const matchAll = (compiled: CompiledQuery[]) => {
    let matched = 0;
    for (const p of papers) {
      const prepared = preparePaper(p);
      for (const q of compiled) if (matchPaper(q, prepared).matched) matched++;
    }
    return matched;
  };
  const compiled = asts.map(compileQuery);
  // Cold: an empty vocabulary (every word stemmed anew) and the interests compiled again, as in a fresh worker.
  const cold = () => {
    resetVocabulary();
    return matchAll(asts.map(compileQuery));
  };
  const warm = () => matchAll(compiled);
  const [naiveMs = NaN, coldMs = NaN] = interleavedMedians([naive, cold], 7, 1);
  resetVocabulary();
  const fresh = asts.map(compileQuery);
  const [baselineMs = NaN, warmMs = NaN, prepareMs = NaN, compileMs = NaN] = interleavedMedians([
    naive,
    () => matchAll(fresh),
    () => papers.map(preparePaper),
    () => asts.map(compileQuery),
  ]);
  const matched = warm();
  console.log(
    `query matcher: ${papers.length} papers × ${compiled.length} interests (${matched} matches): ` +
      `naive includes ${baselineMs.toFixed(1)} ms, prepare + match ${warmMs.toFixed(1)} ms ` +
      `(×${(warmMs / baselineMs).toFixed(2)}; prepare alone ${prepareMs.toFixed(1)} ms); ` +
      `cold vocabulary ${coldMs.toFixed(1)} ms vs ${naiveMs.toFixed(1)} ms (×${(coldMs / naiveMs).toFixed(2)}); ` +
      `compiling the ${compiled.length} interests ${compileMs.toFixed(2)} ms`,
  );
  const row = (subject: string, subjectMs: number, base: number, budget: number): Row => ({
    bench: `query: ${papers.length} papers × ${compiled.length} interests`,
    baseline: 'naive includes',
    baselineMs: base,
    subject,
    subjectMs,
    budget,
  });
  // The budget (≤ the naive baseline) is for the steady state; the cold start, once per worker, is shown beside it.
  return [row('prepare + match', warmMs, baselineMs, 1), row('prepare + match, cold vocabulary', coldMs, naiveMs, 1.5)];
}
