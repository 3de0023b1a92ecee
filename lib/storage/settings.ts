import { storage } from 'wxt/utils/storage';
import { SettingsSchema, type Settings } from '../schema/settings';

export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {}, version: 1, migrations: {} });

/** The settings, every invalid or missing field at its default. */
export async function readSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  return SettingsSchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

/** Changes some settings and returns them all. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
