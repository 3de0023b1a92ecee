import { InterestSchema, type Interest } from '../schema/interest';
import { z } from '../schema/zod';

/** The format tag and version an interests file carries; a later version adds a reader here, never edits one. */
export const INTERESTS_FILE_FORMAT = 'paperlight-interests';
export const INTERESTS_FILE_VERSION = 1;
/** At most this many interests in a file (what `saveInterests` accepts) and this many bytes. */
export const INTERESTS_FILE_LIMITS = { maxInterests: 500, maxBytes: 2 * 1024 * 1024 };

/** Why a file was refused; the popup says it in words (locales/en.yml, `interests.importError.*`). */
export type InterestsFileProblem =
  'tooLarge' | 'notJson' | 'notInterests' | 'newer' | 'tooMany' | 'invalid' | 'duplicate';

/** A file that cannot be imported: `detail` names the interest or value at fault. */
export class InterestsFileError extends Error {
  constructor(
    readonly problem: InterestsFileProblem,
    readonly detail = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

const FileSchema = z.object({
  format: z.literal(INTERESTS_FILE_FORMAT),
  schemaVersion: z.literal(INTERESTS_FILE_VERSION),
  exportedAt: z.string().optional(),
  interests: z.array(z.unknown()),
});

/** The interests file's text: the format tag and version, when, and the interests in order. */
export function toInterestsFile(interests: readonly Interest[], exportedAt: Date = new Date()): string {
  const file = {
    format: INTERESTS_FILE_FORMAT,
    schemaVersion: INTERESTS_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    interests,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `paperlight-interests-2026-09-28.json` (the local date). */
export function interestsFileName(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `paperlight-interests-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/**
 * Reads an interests file (or the interests of a full Paperlight backup), validating every interest; throws an
 * `InterestsFileError` saying what is wrong. Queries are checked by the caller (the background parses them).
 */
export function parseInterestsFile(text: string): Interest[] {
  if (text.length > INTERESTS_FILE_LIMITS.maxBytes) throw new InterestsFileError('tooLarge');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InterestsFileError('notJson');
  }
  const tagged = z.object({ format: z.string(), schemaVersion: z.number() }).safeParse(json);
  if (!tagged.success) throw new InterestsFileError('notInterests');
  const { format, schemaVersion } = tagged.data;
  let raw: unknown;
  if (format === INTERESTS_FILE_FORMAT) {
    if (schemaVersion > INTERESTS_FILE_VERSION) throw new InterestsFileError('newer', String(schemaVersion));
    const file = FileSchema.safeParse(json);
    if (!file.success) throw new InterestsFileError('notInterests');
    raw = file.data.interests;
  } else if (format === 'paperlight-backup') {
    // A full backup carries the interests too: taking only them leaves the shortlist alone.
    const backup = z.object({ interests: z.array(z.unknown()) }).safeParse(json);
    if (!backup.success) throw new InterestsFileError('notInterests');
    raw = backup.data.interests;
  } else {
    throw new InterestsFileError('notInterests');
  }
  const items = raw as unknown[];
  if (items.length > INTERESTS_FILE_LIMITS.maxInterests) {
    throw new InterestsFileError('tooMany', String(INTERESTS_FILE_LIMITS.maxInterests));
  }
  const interests = items.map((item, index) => {
    const parsed = InterestSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const name = z.object({ name: z.string() }).safeParse(item);
    const which = name.success ? `“${name.data.name.slice(0, 80)}”` : `#${index + 1}`;
    throw new InterestsFileError('invalid', `${which}, ${issue?.path.join('.') || 'value'}: ${issue?.message ?? ''}`);
  });
  const seen = new Set<string>();
  for (const interest of interests) {
    if (seen.has(interest.id)) throw new InterestsFileError('duplicate', interest.id);
    seen.add(interest.id);
  }
  return interests;
}

/** What an import does to the list: the new list, and how many interests it adds and leaves as they were. */
export interface ImportPlan {
  next: Interest[];
  added: number;
  /** Merge: the file's interests already in the list (same id or same name), kept as the list has them. */
  kept: number;
  /** Replace: the list's interests the file does not have, which go. */
  removed: number;
}

/**
 * Merge adds the file's interests that are not in the list yet (by id or by name, case aside), after the
 * list's own; replace makes the list exactly the file's.
 */
export function planImport(
  current: readonly Interest[],
  incoming: readonly Interest[],
  mode: 'merge' | 'replace',
): ImportPlan {
  if (mode === 'replace') {
    const ids = new Set(incoming.map((i) => i.id));
    const added = incoming.filter((i) => !current.some((c) => c.id === i.id)).length;
    return {
      next: [...incoming],
      added,
      kept: incoming.length - added,
      removed: current.filter((c) => !ids.has(c.id)).length,
    };
  }
  const ids = new Set(current.map((i) => i.id));
  const names = new Set(current.map((i) => i.name.trim().toLocaleLowerCase()));
  const fresh = incoming.filter((i) => !ids.has(i.id) && !names.has(i.name.trim().toLocaleLowerCase()));
  return { next: [...current, ...fresh], added: fresh.length, kept: incoming.length - fresh.length, removed: 0 };
}
