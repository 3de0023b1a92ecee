import { describe, expect, it } from 'vitest';
import { allMatchPatterns, findAdapter } from '../../../lib/sites/find-adapter';
import { adapters } from '../../../lib/sites/index';

describe('findAdapter', () => {
  for (const adapter of adapters) {
    it(`${adapter.id}: its example URLs pick it and no other adapter`, () => {
      expect(adapter.exampleUrls.length).toBeGreaterThan(0);
      for (const url of adapter.exampleUrls) expect(findAdapter(url)?.id).toBe(adapter.id);
    });
  }

  it.each([
    'https://huggingface.co/models',
    'https://arxiv.org/help/api',
    'https://openreview.net/login',
    'https://example.com/papers',
    'nonsense',
  ])('rejects %s', (url) => {
    expect(findAdapter(url)).toBeNull();
  });

  it('never asks for every site', () => {
    expect(allMatchPatterns()).not.toContain('<all_urls>');
    expect(allMatchPatterns().every((p) => /^https:\/\/[a-z.]+\//.test(p))).toBe(true);
  });
});
