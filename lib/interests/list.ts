import type { Interest } from '../schema/interest';

/** The list with the item at `from` moved to `to` (both clamped to the list); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/**
 * Puts a deleted interest back where it was (undo): at its old index, or at the end when the list has become
 * shorter. An interest with its id already there (it came back another way) is not doubled.
 */
export function restoreAt(list: readonly Interest[], interest: Interest, index: number): Interest[] {
  if (list.some((i) => i.id === interest.id)) return [...list];
  const next = [...list];
  next.splice(Math.max(0, Math.min(index, next.length)), 0, interest);
  return next;
}

/** The part of a query around a parse error, for showing it with the offending character marked. */
export interface QueryExcerpt {
  /** Text before the marked character, after an ellipsis when `clippedStart`. */
  before: string;
  /** The character at fault; a space when the error is at the end of the query (something is missing). */
  at: string;
  after: string;
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * The query around `position` (0-based, as the parser reports it), at most `width` characters, line breaks
 * shown as spaces: a long query is cut so the marked character stays in view.
 */
export function queryExcerpt(query: string, position: number, width = 48): QueryExcerpt {
  const text = query.replace(/[\r\n\t]/g, ' ');
  const pos = Math.max(0, Math.min(position, text.length));
  // Whole code points: an emoji is one character, never half of one.
  const chars = Array.from(text);
  let index = 0;
  for (let units = 0; index < chars.length && units < pos; index++) units += chars[index]!.length;
  const lead = Math.floor(width * 0.4);
  const start = Math.max(0, Math.min(index - lead, chars.length - width));
  const end = Math.min(chars.length, start + width);
  return {
    before: chars.slice(start, index).join(''),
    at: chars[index] ?? ' ',
    after: chars.slice(index + 1, end).join(''),
    clippedStart: start > 0,
    clippedEnd: end < chars.length,
  };
}
