import type { Interest } from '../schema/interest';

/** Starter interests a newcomer sees highlights with at once; all editable and removable. */
export const DEFAULT_INTERESTS: readonly Interest[] = [
  {
    id: 'starter-agents',
    name: 'LLM agents',
    query: 'agent, "tool calling", "tool use"',
    color: '#7c3aed',
    weight: 1,
    enabled: true,
  },
  {
    id: 'starter-reasoning',
    name: 'Reasoning',
    query: 'reasoning, "chain of thought"',
    color: '#0891b2',
    weight: 1,
    enabled: true,
  },
  {
    id: 'starter-rl',
    name: 'Reinforcement learning',
    query: '"reinforcement learning", RL, GRPO, "reward model"',
    color: '#d97706',
    weight: 1,
    enabled: true,
  },
  {
    id: 'starter-diffusion',
    name: 'Diffusion',
    query: 'diffusion',
    color: '#db2777',
    weight: 1,
    enabled: true,
  },
];

/** The palette new interests cycle through: distinct hues readable on light and dark pages. */
export const INTEREST_COLORS = ['#7c3aed', '#0891b2', '#d97706', '#db2777', '#16a34a', '#dc2626', '#2563eb'];
