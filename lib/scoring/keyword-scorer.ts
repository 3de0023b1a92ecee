import type { Interest } from '../schema/interest';
import type { PaperEntry } from '../schema/paper';
import type { Reason, ScoredPaper, Tag } from '../schema/score';
import { ABSTRACT_HIT, MAX_SCORE, TITLE_HIT } from './weights';

/** An interest turned into matchers once per change, so scoring a paper does no parsing. */
export interface CompiledInterest {
  interest: Interest;
  terms: { text: string; pattern: RegExp }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive matcher for a keyword or phrase; a plural `s`/`es` is accepted. */
function termPattern(term: string): RegExp {
  const words = term.split(/\s+/).map(escapeRegExp).join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu');
}

/** Splits an interest's query into its comma-separated keywords and phrases. */
export function queryTerms(query: string): string[] {
  return query
    .split(',')
    .map((t) =>
      t
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter(Boolean);
}

/** Compiles the enabled interests; call once whenever the interests change. */
export function compileInterests(interests: readonly Interest[]): CompiledInterest[] {
  return interests
    .filter((i) => i.enabled)
    .map((interest) => ({
      interest,
      terms: queryTerms(interest.query).map((text) => ({ text, pattern: termPattern(text) })),
    }));
}

/** Scores one paper against compiled interests: 0–100, matched tags (strongest first) and reasons. */
export function scorePaper(paper: PaperEntry, compiled: readonly CompiledInterest[]): ScoredPaper {
  const reasons: Reason[] = [];
  const tagPoints: { tag: Tag; points: number }[] = [];
  for (const { interest, terms } of compiled) {
    let points = 0;
    for (const { text, pattern } of terms) {
      if (pattern.test(paper.title)) {
        points += TITLE_HIT;
        reasons.push({ interestId: interest.id, term: text, field: 'title' });
      } else if (paper.abstract && pattern.test(paper.abstract)) {
        points += ABSTRACT_HIT;
        reasons.push({ interestId: interest.id, term: text, field: 'abstract' });
      }
    }
    if (points > 0) {
      tagPoints.push({
        tag: { interestId: interest.id, name: interest.name, color: interest.color },
        points: points * interest.weight,
      });
    }
  }
  tagPoints.sort((a, b) => b.points - a.points);
  const total = tagPoints.reduce((sum, t) => sum + t.points, 0);
  return {
    id: paper.id,
    score: Math.min(MAX_SCORE, Math.round(total)),
    tags: tagPoints.map((t) => t.tag),
    reasons,
  };
}
