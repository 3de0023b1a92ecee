import type { Interest } from '../schema/interest';

/**
 * Interests to start from: arXiv categories and common topics, each a query in Paperlight's query language
 * (lib/scoring/query/parse.ts). The popup names them (locales/en.yml, `interests.preset.<id>`); a category's
 * name is its code, the same in every language. Every query here parses (tests/unit/interests/presets.test.ts).
 */
export interface Preset {
  id: PresetId;
  group: 'category' | 'topic';
  query: string;
  /** A category's arXiv code, which is also the interest's name. */
  code?: string;
  /** A preset can be a mute ("hide surveys"). */
  mute?: Interest['mute'];
}

const CATEGORY_CODES = {
  csCL: 'cs.CL',
  csLG: 'cs.LG',
  csCV: 'cs.CV',
  csAI: 'cs.AI',
  statML: 'stat.ML',
  csIR: 'cs.IR',
  csRO: 'cs.RO',
  csNE: 'cs.NE',
  csCR: 'cs.CR',
  csHC: 'cs.HC',
  csSE: 'cs.SE',
  csMA: 'cs.MA',
  eessAS: 'eess.AS',
  eessIV: 'eess.IV',
} as const;

const TOPIC_QUERIES = {
  agents: 'agent, "tool use", "tool calling"',
  rag: 'RAG, "retrieval augmented"',
  diffusion: '"diffusion model", "flow matching", "score based"',
  rl: '"reinforcement learning", RL*, "reward model", "policy optimization"',
  reasoning: 'reasoning, "chain of thought", "test time compute"',
  evaluation: 'benchmark, leaderboard, title:evaluation',
  efficiency: 'quantization, pruning, distillation, "speculative decoding", "KV cache", "efficient inference"',
  safety: 'safety, jailbreak*, "red teaming", alignment',
  multimodal: 'multimodal, "vision language", VLM*, MLLM*',
  interpretability: 'interpretability, "sparse autoencoder", "mechanistic interpretability", probing',
  code: '"code generation", "program synthesis", "software engineering"',
  surveys: 'title:survey, title:"a review"',
} as const;

export type CategoryPresetId = keyof typeof CATEGORY_CODES;
export type TopicPresetId = keyof typeof TOPIC_QUERIES;
export type PresetId = CategoryPresetId | TopicPresetId;

/** Every preset: the categories first, then the topics, in the order the popup lists them. */
export const PRESETS: readonly Preset[] = [
  ...(Object.entries(CATEGORY_CODES) as [CategoryPresetId, string][]).map(([id, code]): Preset => ({
    id,
    group: 'category',
    code,
    query: `cat:${code}`,
  })),
  ...(Object.entries(TOPIC_QUERIES) as [TopicPresetId, string][]).map(([id, query]): Preset => ({
    id,
    group: 'topic',
    query,
    ...(id === 'surveys' ? { mute: 'lower' as const } : {}),
  })),
];

/** A query as compared for "already added": whitespace runs and spaces after commas do not count. */
export function normalizeQuery(query: string): string {
  return query
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ');
}

/**
 * Whether the list already holds a preset: an interest with its name (case aside) or its query. The starter
 * interests count as the presets they match ("LLM agents").
 */
export function isPresetAdded(preset: { name: string; query: string }, interests: readonly Interest[]): boolean {
  const name = preset.name.trim().toLocaleLowerCase();
  const query = normalizeQuery(preset.query);
  return interests.some((i) => i.name.trim().toLocaleLowerCase() === name || normalizeQuery(i.query) === query);
}
