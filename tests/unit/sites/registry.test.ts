import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import content from '../../../entrypoints/content';
import { allMatchPatterns, findAdapter } from '../../../lib/sites/find-adapter';
import { adapters } from '../../../lib/sites/index';
import config from '../../../wxt.config';
import { fixturePages } from '../../fixtures/manifest';

const ROOT = join(import.meta.dirname, '../../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe.each(adapters.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
  it('lives in lib/sites/<id>.ts', () => {
    expect(existsSync(join(ROOT, 'lib/sites', `${id}.ts`))).toBe(true);
  });

  it('has captures with expectations in tests/fixtures/pages/<id>/', () => {
    const pages = fixturePages().filter((p) => p.file.startsWith(`${id}/`));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(existsSync(p.path.replace(/\.html$/, '.expected.json')), p.file).toBe(true);
  });

  it('has example URLs that pick it and no other adapter', () => {
    expect(adapter.exampleUrls.length).toBeGreaterThan(0);
    for (const url of adapter.exampleUrls) expect(findAdapter(url)?.id, url).toBe(id);
  });

  it('has a line in the README’s table of supported sites', () => {
    expect(README).toMatch(new RegExp(`^\\|[^\\n]*\`${id}\`[^\\n]*\\|`, 'm'));
  });
});

describe('permissions follow the adapters', () => {
  it('content-script matches are exactly the adapters’ match patterns', () => {
    expect([...(content.matches as string[])].sort()).toEqual(allMatchPatterns().sort());
  });

  it('host permissions are exactly the adapters’ match patterns, never <all_urls>', async () => {
    const manifest = config.manifest;
    const resolved = await (typeof manifest === 'function'
      ? manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' })
      : manifest);
    expect([...(resolved?.host_permissions ?? [])].sort()).toEqual(allMatchPatterns().sort());
    expect(allMatchPatterns()).not.toContain('<all_urls>');
    expect(allMatchPatterns().every((p) => /^https:\/\/(\*\.)?[a-z0-9.-]+\//.test(p))).toBe(true);
  });
});
