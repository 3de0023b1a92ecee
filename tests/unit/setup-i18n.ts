// The fake browser has no i18n: answer getMessage from locales/en.yml, as the built extension's
// _locales/en/messages.json would (same file, same generator).
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = generateChromeMessages(await parseMessagesFile(resolve(process.cwd(), 'locales/en.yml')));

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
}) as typeof fakeBrowser.i18n.getMessage;
