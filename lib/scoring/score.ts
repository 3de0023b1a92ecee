import type { Interest } from '../schema/interest';
import type { PaperEntry } from '../schema/paper';
import type { Reason, ScoredPaper, Tag } from '../schema/score';
import { compileQuery, matchPaper, parseQuery, preparePaper, type CompiledQuery, type Hit } from './query/index';
import { scorePaper as rankPaper, type CompiledRanker } from './ranker/index';
import {
  ABSTRACT_HIT,
  AUTHOR_HIT,
  CATEGORY_HIT,
  MAX_SCORE,
  MUTE_PENALTY,
  RANKER_FLOOR_PERCENTILE,
  RANKER_MAX,
  REPEAT_CAP,
  REPEAT_HIT,
  TITLE_HIT,
} from './weights';

/** An interest with its query compiled: built once per change of the interests, used for every paper. */
export interface CompiledInterest {
  interest: Interest;
  query: CompiledQuery;
}

/** Compiles the enabled interests whose query parses (the popup refuses the others before they are saved). */
export function compileInterests(interests: readonly Interest[]): CompiledInterest[] {
  const compiled: CompiledInterest[] = [];
  for (const interest of interests) {
    if (!interest.enabled) continue;
    const parsed = parseQuery(interest.query);
    if (parsed.ok) compiled.push({ interest, query: compileQuery(parsed.ast) });
  }
  return compiled;
}

const FIELD_POINTS: Record<Hit['field'], number> = {
  title: TITLE_HIT,
  abstract: ABSTRACT_HIT,
  authors: AUTHOR_HIT,
  categories: CATEGORY_HIT,
  venue: CATEGORY_HIT,
};

/** Points of one interest's hits: each distinct term scores once in its best field, repeats add a little. */
function interestPoints(hits: readonly Hit[]): number {
  const best = new Map<string, { points: number; occurrences: number }>();
  for (const hit of hits) {
    const key = hit.term.toLowerCase();
    const seen = best.get(key) ?? { points: 0, occurrences: 0 };
    seen.points = Math.max(seen.points, FIELD_POINTS[hit.field]);
    seen.occurrences += Math.max(1, hit.spans.length);
    best.set(key, seen);
  }
  let points = 0;
  for (const { points: p, occurrences } of best.values())
    points += p + REPEAT_HIT * (Math.min(occurrences, REPEAT_CAP) - 1);
  return points;
}

/** Points the learned ranker adds: nothing up to RANKER_FLOOR_PERCENTILE, then up to RANKER_MAX. */
export function rankerPoints(percentile: number): number {
  if (percentile <= RANKER_FLOOR_PERCENTILE) return 0;
  return (RANKER_MAX * (percentile - RANKER_FLOOR_PERCENTILE)) / (100 - RANKER_FLOOR_PERCENTILE);
}

/**
 * Scores one paper: the weighted points of every matching interest, plus what the learned ranker adds, minus
 * mutes, capped at 100; with the tags (strongest first) and every reason (term, field, spans).
 */
export function scorePaper(
  paper: PaperEntry,
  interests: readonly CompiledInterest[],
  ranker?: CompiledRanker | null,
): ScoredPaper {
  const prepared = preparePaper(paper);
  const reasons: Reason[] = [];
  const tags: { tag: Tag; points: number }[] = [];
  let muted: ScoredPaper['muted'];
  let total = 0;
  for (const { interest, query } of interests) {
    const result = matchPaper(query, prepared);
    if (!result.matched) continue;
    for (const hit of result.hits) {
      reasons.push({
        interestId: interest.id,
        term: hit.term,
        field: hit.field,
        spans: hit.spans.slice(0, 200),
        ...(hit.item !== undefined ? { item: hit.item } : {}),
      });
    }
    if (interest.mute) {
      muted = muted === 'hide' || interest.mute === 'hide' ? 'hide' : 'lower';
      continue;
    }
    const points = interestPoints(result.hits) * interest.weight;
    total += points;
    tags.push({ tag: { interestId: interest.id, name: interest.name, color: interest.color }, points });
  }
  tags.sort((a, b) => b.points - a.points);
  let verdict: ScoredPaper['ranker'];
  if (ranker) {
    const r = rankPaper(ranker, paper);
    const points = rankerPoints(r.percentile);
    if (points > 0) {
      verdict = { percentile: r.percentile, points, words: r.reasons.map((x) => x.term).slice(0, 8) };
      total += points;
    }
  }
  if (muted === 'hide') total = 0;
  else if (muted === 'lower') total -= MUTE_PENALTY;
  return {
    id: paper.id,
    score: Math.max(0, Math.min(MAX_SCORE, Math.round(total))),
    tags: tags.map((t) => t.tag),
    reasons,
    ...(muted ? { muted } : {}),
    ...(verdict ? { ranker: verdict } : {}),
  };
}
