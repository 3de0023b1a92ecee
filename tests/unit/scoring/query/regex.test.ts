import { describe, expect, it } from 'vitest';
import { highlights, match } from './helpers';

describe('/regex/', () => {
  it('matches the original text with RE2 syntax and flags', () => {
    const p = { title: 'Diffusion Models and diffusion policies', abstract: 'We train GPT-4 and GPT3.' };
    expect(highlights('/diffusion (model|polic)/i', p)).toEqual(['title: Diffusion Model', 'title: diffusion polic']);
    expect(highlights('/diffusion (model|polic)/', p)).toEqual(['title: diffusion polic']);
    expect(highlights('/GPT-?[34]/', p)).toEqual(['abstract: GPT-4', 'abstract: GPT3']);
    expect(highlights('/\\bGPT\\d/', p)).toEqual(['abstract: GPT3']);
  });

  it('takes the m and s flags', () => {
    const p = { title: 'x', abstract: 'First line\nSecond line' };
    expect(highlights('/^Second/', p)).toEqual([]);
    expect(highlights('/^Second/m', p)).toEqual(['abstract: Second']);
    expect(highlights('/line.Second/', p)).toEqual([]);
    expect(highlights('/line.Second/s', p)).toEqual(['abstract: line\nSecond']);
  });

  it('can be limited to a field, and combined', () => {
    const p = {
      title: 'Towards agents',
      abstract: 'Towards nothing.',
      authors: ['Ann Lee', 'Bo Li'],
      venue: 'ACL 2024',
    };
    expect(highlights('title:/^Towards/', p)).toEqual(['title: Towards']);
    expect(highlights('abstract:/^Towards/', p)).toEqual(['abstract: Towards']);
    expect(highlights('author:/^B/', p)).toEqual(['authors: B']);
    expect(highlights('venue:/20\\d\\d/', p)).toEqual(['venue: 2024']);
    expect(match('/^Towards/ -agent', p).matched).toBe(false);
  });

  it('ignores empty matches and keeps the spans bounded', () => {
    expect(match('/x*/', { title: 'abc', authors: [] }).matched).toBe(false);
    const many = match('/a/', { title: 'a'.repeat(1000), authors: [] });
    expect(many.matched).toBe(true);
    expect(many.hits[0]?.spans.length).toBe(200);
  });

  it('runs a catastrophic pattern on a long text in linear time', () => {
    const abstract = `${'a'.repeat(100_000)}!`;
    const started = Date.now();
    const result = match('/(a+)+$/', { title: 'x', abstract, authors: [] });
    const nested = match('/(x+x+)+y/ OR /(a|aa)+$/', { title: 'x', abstract, authors: [] });
    expect(result.matched).toBe(false);
    expect(nested.matched).toBe(false);
    // Generous: a backtracking engine would not finish at all.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
