import { describe, expect, it } from 'vitest';
import { moveItem, queryExcerpt, restoreAt } from '../../../lib/interests/list';
import { interest } from '../helpers';

describe('moving interests', () => {
  it('moves one item up or down and leaves the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });

  it('clamps a move past either end and ignores an index outside the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('undoing a delete', () => {
  const [a, b, c] = ['a', 'b', 'c'].map((q) => interest({ query: q })) as [
    ReturnType<typeof interest>,
    ReturnType<typeof interest>,
    ReturnType<typeof interest>,
  ];

  it('puts the interest back at its old place', () => {
    expect(restoreAt([a, c], b, 1)).toEqual([a, b, c]);
    expect(restoreAt([b, c], a, 0)).toEqual([a, b, c]);
  });

  it('puts it at the end when the list has become shorter, and never twice', () => {
    expect(restoreAt([a], c, 2)).toEqual([a, c]);
    expect(restoreAt([a, b], b, 0)).toEqual([a, b]);
  });
});

describe('the excerpt of a query around a parse error', () => {
  it('marks the character at fault', () => {
    expect(queryExcerpt('agent AND (planning', 10)).toEqual({
      before: 'agent AND ',
      at: '(',
      after: 'planning',
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('marks a space past the end when something is missing there', () => {
    expect(queryExcerpt('agent OR', 8)).toMatchObject({ before: 'agent OR', at: ' ', after: '' });
  });

  it('cuts a long query around the position, keeping it in view', () => {
    const query = `${'word '.repeat(40)}"open ${'more '.repeat(40)}`;
    const at = query.indexOf('"');
    const x = queryExcerpt(query, at, 40);
    expect(x.at).toBe('"');
    expect(x.clippedStart && x.clippedEnd).toBe(true);
    expect(x.before.length + 1 + x.after.length).toBe(40);
    expect(x.before.length).toBe(16);
  });

  it('shows line breaks as spaces and never splits an emoji', () => {
    expect(queryExcerpt('a\n🙂 (', 5)).toMatchObject({ before: 'a 🙂 ', at: '(' });
  });
});
