import { storage } from 'wxt/utils/storage';
import { InterestSchema, type Interest, type InterestPatch, type NewInterest } from '../schema/interest';
import { DEFAULT_INTERESTS, INTEREST_COLORS } from './default-interests';
import { migrateInterestsV2 } from './interest-migrations';

/**
 * The user's interests, in extension storage. Versioned: a later schema adds a step to `migrations`
 * (never edits a shipped one); WXT throws rather than overwrite data when a step fails.
 */
export const interestsItem = storage.defineItem<unknown[]>('local:interests', {
  fallback: [],
  init: () => structuredClone([...DEFAULT_INTERESTS]),
  version: 2,
  // Declaring the map also makes WXT check the stored version, so data from a newer release is left
  // untouched (a downgrade error) instead of being read as if it were ours.
  migrations: { 2: migrateInterestsV2 },
});

/** Stored entries that failed validation, kept so nothing the user typed is silently lost. */
export const quarantinedInterestsItem = storage.defineItem<unknown[]>('local:interests-quarantine', {
  fallback: [],
});

/** Reads and validates the interests one by one: an invalid entry is set aside, not the whole list. */
export async function readInterests(): Promise<Interest[]> {
  const raw = await interestsItem.getValue();
  const stored: unknown[] = Array.isArray(raw) ? raw : [raw];
  const valid: Interest[] = [];
  const invalid: unknown[] = [];
  for (const item of stored) {
    const parsed = InterestSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push(item);
  }
  if (invalid.length > 0) {
    console.warn(`Paperlight: ${invalid.length} stored interest(s) were invalid and set aside`);
    await quarantinedInterestsItem.setValue([...(await quarantinedInterestsItem.getValue()), ...invalid]);
    await interestsItem.setValue(valid);
  }
  return valid;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'interest'
  );
}

/** Adds an interest (a keyword or phrase by default) and returns the new list. */
export async function addInterest(input: NewInterest): Promise<Interest[]> {
  const current = await readInterests();
  const base = slug(input.name);
  let id = base;
  for (let n = 2; current.some((i) => i.id === id); n++) id = `${base}-${n}`;
  const interest = InterestSchema.parse({
    id,
    name: input.name,
    query: input.query ?? input.name,
    color: input.color ?? INTEREST_COLORS[current.length % INTEREST_COLORS.length],
    weight: input.weight ?? 1,
    enabled: true,
    ...(input.mute ? { mute: input.mute } : {}),
  });
  const next = [...current, interest];
  await interestsItem.setValue(next);
  return next;
}

/** Changes one interest and returns the new list (an unknown id changes nothing). */
export async function updateInterest(id: string, patch: InterestPatch): Promise<Interest[]> {
  const current = await readInterests();
  const next = current.map((interest) => {
    if (interest.id !== id) return interest;
    const { mute, ...rest } = patch;
    const changed: Interest = { ...interest, ...rest };
    if (mute === null) delete changed.mute;
    else if (mute !== undefined) changed.mute = mute;
    return InterestSchema.parse(changed);
  });
  await interestsItem.setValue(next);
  return next;
}

/** Makes the interests exactly `interests`, in that order (ids must be distinct); returns them. */
export async function saveInterests(interests: readonly Interest[]): Promise<Interest[]> {
  const next = interests.map((i) => InterestSchema.parse(i));
  if (new Set(next.map((i) => i.id)).size !== next.length) throw new Error('Two interests share one id.');
  await interestsItem.setValue(next);
  return next;
}

/** Removes an interest by id and returns the new list. */
export async function removeInterest(id: string): Promise<Interest[]> {
  const next = (await readInterests()).filter((i) => i.id !== id);
  await interestsItem.setValue(next);
  return next;
}

/**
 * Puts interests from a backup in: `replace` makes the list exactly the backup's; `merge` adds those whose id
 * is not in the list yet. Returns the new list.
 */
export async function importInterests(incoming: readonly Interest[], mode: 'merge' | 'replace'): Promise<Interest[]> {
  const valid = incoming.map((i) => InterestSchema.parse(i));
  const current = mode === 'replace' ? [] : await readInterests();
  const next = [...current, ...valid.filter((i) => !current.some((c) => c.id === i.id))];
  await interestsItem.setValue(next);
  return next;
}
