import { describe, expect, it } from 'vitest';
import { isPresetAdded, normalizeQuery, PRESETS } from '../../../lib/interests/presets';
import { parseQuery } from '../../../lib/scoring/query/index';
import { DEFAULT_INTERESTS } from '../../../lib/storage/default-interests';
import { interest } from '../helpers';

describe('interest presets', () => {
  it('has the common arXiv categories as cat: queries and the common topics', () => {
    const categories = PRESETS.filter((p) => p.group === 'category');
    expect(categories.map((p) => p.code)).toEqual(
      expect.arrayContaining(['cs.CL', 'cs.LG', 'cs.CV', 'cs.AI', 'stat.ML']),
    );
    for (const p of categories) expect(p.query).toBe(`cat:${p.code}`);
    expect(PRESETS.filter((p) => p.group === 'topic').map((p) => p.id)).toEqual(
      expect.arrayContaining(['agents', 'rag', 'diffusion', 'rl', 'evaluation', 'efficiency', 'safety']),
    );
  });

  it('has distinct ids, and every query parses', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) expect(parseQuery(p.query), p.id).toMatchObject({ ok: true });
  });

  it('a mute preset says so', () => {
    expect(PRESETS.find((p) => p.id === 'surveys')).toMatchObject({ mute: 'lower' });
    expect(PRESETS.filter((p) => p.mute).map((p) => p.id)).toEqual(['surveys']);
  });

  it('counts a preset as added when an interest has its name (case aside) or its query', () => {
    const list = [
      interest({ name: 'cs.cl', query: 'language' }),
      interest({ name: 'Mine', query: 'RAG,"retrieval augmented"' }),
    ];
    expect(isPresetAdded({ name: 'cs.CL', query: 'cat:cs.CL' }, list)).toBe(true);
    expect(isPresetAdded({ name: 'Retrieval-augmented generation', query: 'RAG, "retrieval augmented"' }, list)).toBe(
      true,
    );
    expect(isPresetAdded({ name: 'cs.LG', query: 'cat:cs.LG' }, list)).toBe(false);
    // The starter interests are the presets of the same name.
    expect(isPresetAdded({ name: 'LLM agents', query: 'anything' }, DEFAULT_INTERESTS)).toBe(true);
  });

  it('compares queries without caring for spaces around commas or runs of spaces', () => {
    expect(normalizeQuery('  a ,b   c  ')).toBe('a, b c');
  });
});
