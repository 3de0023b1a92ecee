import { describe, expect, it } from 'vitest';
import {
  INTERESTS_FILE_FORMAT,
  INTERESTS_FILE_VERSION,
  InterestsFileError,
  interestsFileName,
  parseInterestsFile,
  planImport,
  toInterestsFile,
  type InterestsFileProblem,
} from '../../../lib/interests/file';
import { DEFAULT_INTERESTS } from '../../../lib/storage/default-interests';
import { interest } from '../helpers';

const list = [
  ...DEFAULT_INTERESTS,
  { ...interest({ id: 'muted', name: 'Surveys', query: 'title:survey' }), mute: 'hide' as const },
];

function problemOf(text: string): { problem: InterestsFileProblem; detail: string } {
  try {
    parseInterestsFile(text);
  } catch (e) {
    if (e instanceof InterestsFileError) return { problem: e.problem, detail: e.detail };
    throw e;
  }
  throw new Error('the file was accepted');
}

const file = (fields: object) => JSON.stringify({ format: INTERESTS_FILE_FORMAT, schemaVersion: 1, ...fields });

describe('the interests file', () => {
  it('carries a format tag, a version and the date, and reads back exactly', () => {
    const text = toInterestsFile(list, new Date('2026-09-28T08:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'paperlight-interests',
      schemaVersion: INTERESTS_FILE_VERSION,
      exportedAt: '2026-09-28T08:00:00.000Z',
    });
    expect(parseInterestsFile(text)).toEqual(list);
  });

  it('is named by the local date', () => {
    expect(interestsFileName(new Date(2026, 8, 5))).toBe('paperlight-interests-2026-09-05.json');
  });

  it('reads the interests of a full Paperlight backup too', () => {
    const backup = JSON.stringify({ format: 'paperlight-backup', schemaVersion: 1, shortlist: [], interests: list });
    expect(parseInterestsFile(backup)).toEqual(list);
  });

  it('refuses what is not JSON, or not an interests file, saying which', () => {
    expect(problemOf('{"format": "paperlight-interests", ')).toMatchObject({ problem: 'notJson' });
    expect(problemOf('[1, 2]')).toMatchObject({ problem: 'notInterests' });
    expect(problemOf(JSON.stringify({ format: 'zotero', schemaVersion: 1, interests: [] }))).toMatchObject({
      problem: 'notInterests',
    });
    expect(problemOf(file({ interests: 'none' }))).toMatchObject({ problem: 'notInterests' });
    expect(problemOf(file({ schemaVersion: 'one' }))).toMatchObject({ problem: 'notInterests' });
  });

  it('refuses a file from a newer version instead of guessing at it', () => {
    expect(problemOf(file({ schemaVersion: 2, interests: [] }))).toEqual({ problem: 'newer', detail: '2' });
  });

  it('names the invalid interest and the field at fault', () => {
    const bad = { ...DEFAULT_INTERESTS[1], color: 'teal' };
    expect(problemOf(file({ interests: [DEFAULT_INTERESTS[0], bad] }))).toMatchObject({
      problem: 'invalid',
      detail: expect.stringMatching(/^“Reasoning”, color: /),
    });
    expect(problemOf(file({ interests: [42] }))).toMatchObject({
      problem: 'invalid',
      detail: expect.stringMatching(/^#1/),
    });
    expect(problemOf(file({ interests: [{ ...DEFAULT_INTERESTS[0], weight: 11 }] }))).toMatchObject({
      detail: expect.stringContaining('weight'),
    });
  });

  it('refuses two interests with one id, too many interests, and a file too large', () => {
    expect(problemOf(file({ interests: [DEFAULT_INTERESTS[0], DEFAULT_INTERESTS[0]] }))).toEqual({
      problem: 'duplicate',
      detail: 'starter-agents',
    });
    const many = Array.from({ length: 501 }, (_, i) => interest({ id: `i${i}`, query: 'x' }));
    expect(problemOf(file({ interests: many }))).toEqual({ problem: 'tooMany', detail: '500' });
    expect(problemOf(' '.repeat(2 * 1024 * 1024 + 1))).toMatchObject({ problem: 'tooLarge' });
  });

  it('accepts an empty list (replace then clears the interests)', () => {
    expect(parseInterestsFile(file({ interests: [] }))).toEqual([]);
  });
});

describe('planning an import', () => {
  const a = interest({ id: 'a', name: 'A', query: 'a' });
  const b = interest({ id: 'b', name: 'B', query: 'b' });
  const c = interest({ id: 'c', name: 'C', query: 'c' });

  it('merge adds what is new after the list, and keeps what is already there as it is', () => {
    const renamed = { ...a, name: 'A from the file' };
    const sameName = interest({ id: 'other-b', name: 'b', query: 'bb' });
    expect(planImport([a, b], [renamed, sameName, c], 'merge')).toEqual({
      next: [a, b, c],
      added: 1,
      kept: 2,
      removed: 0,
    });
  });

  it('replace makes the list exactly the file’s, counting what goes', () => {
    expect(planImport([a, b], [c, a], 'replace')).toEqual({ next: [c, a], added: 1, kept: 1, removed: 1 });
    expect(planImport([a, b], [], 'replace')).toEqual({ next: [], added: 0, kept: 0, removed: 2 });
  });

  it('a merge of an exported list into itself changes nothing', () => {
    const exported = parseInterestsFile(toInterestsFile(list));
    expect(planImport(list, exported, 'merge')).toEqual({ next: list, added: 0, kept: list.length, removed: 0 });
  });
});
