import { expect } from 'vitest';
import {
  compileQuery,
  matchPaper,
  parseQuery,
  type Hit,
  type MatchResult,
  type PaperLike,
} from '../../../../lib/scoring/query';

/** A paper with defaults for what a test does not care about. */
export function paper(fields: Partial<PaperLike> & { title: string }): PaperLike {
  return { authors: [], ...fields };
}

/** Parses (failing the test on a syntax error) and compiles a query. */
export function compile(query: string) {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`"${query}" did not parse: ${parsed.error} at ${parsed.position}`);
  return compileQuery(parsed.ast);
}

/** Matches one query against one paper. */
export function match(query: string, fields: Partial<PaperLike> & { title: string }): MatchResult {
  return matchPaper(compile(query), paper(fields));
}

/** Whether the query matches a paper with this title (and abstract). */
export function matches(query: string, title: string, abstract?: string): boolean {
  return match(query, abstract === undefined ? { title } : { title, abstract }).matched;
}

/** The string a hit's spans point into, per its field and item. */
function fieldText(p: PaperLike, hit: Hit): string {
  switch (hit.field) {
    case 'title':
      return p.title;
    case 'abstract':
      return p.abstract ?? '';
    case 'authors':
      return p.authors[hit.item ?? -1] ?? '';
    case 'categories':
      return p.categories?.[hit.item ?? -1] ?? '';
    case 'venue':
      return p.venue ?? '';
  }
}

/**
 * What each hit highlights: `field: text` per span, by slicing the ORIGINAL strings with the spans.
 * Also checks every span is a non-empty range inside its string, sorted, without duplicates.
 */
export function highlights(query: string, fields: Partial<PaperLike> & { title: string }): string[] {
  const p = paper(fields);
  const result = matchPaper(compile(query), p);
  const out: string[] = [];
  for (const hit of result.hits) {
    const text = fieldText(p, hit);
    let previous: [number, number] | null = null;
    for (const span of hit.spans) {
      const [start, end] = span;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(text.length);
      if (previous) expect(start > previous[0] || (start === previous[0] && end > previous[1])).toBe(true);
      previous = span;
      out.push(`${hit.field}: ${text.slice(start, end)}`);
    }
  }
  return out;
}
