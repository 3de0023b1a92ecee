/**
 * What a user must see on the captured pages with the starter interests (checked by hand against the
 * captures: titles and abstracts quoted in the comments).
 */
export const HF_DAILY = {
  file: 'huggingface/papers-daily-2026-09-28.html',
  /** "AgentWorld: Benchmarking Long-Horizon Collaboration of Multi-agent LLMs" */
  agentPaper: { id: '2609.31590', tag: 'LLM agents', color: '#7c3aed' },
  /** "SAGE: Mitigating Long-Horizon Reasoning Biases via Topological Guidance" */
  reasoningPaper: { id: '2609.30192', tag: 'Reasoning', color: '#0891b2' },
  /** "LightMIS: Ultra-Lightweight Medical Image Segmentation Without a Stage-Wise Decoder": no starter term. */
  unmatchedPaper: { id: '2609.28327' },
  /** A keyword the tests add in the popup, found in that title only: "Medical Image Segmentation". */
  addedKeyword: 'segmentation',
};

export const ARXIV_LIST = {
  file: 'arxiv/list-cs.CL-2025-05-show50.html',
  /** "Rosetta-PL: Propositional Logic as a Benchmark for Large Language Model Reasoning" */
  reasoningPaper: { id: '2505.00001', tag: 'Reasoning', color: '#0891b2' },
};
