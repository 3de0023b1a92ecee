import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '../../../lib/util/t';

const globals = globalThis as { browser?: unknown; chrome?: unknown };

describe('t', () => {
  const { browser, chrome } = globals;
  afterEach(() => {
    globals.browser = browser;
    globals.chrome = chrome;
  });

  it('reads the message, with its substitutions, where the browser has i18n', () => {
    expect(t('errors.query.empty')).toBe('The query is empty');
    expect(t('errors.query.nothingAfter', ['OR'])).toBe('"OR" has nothing after it');
  });

  it('returns the key, without throwing, where there is no browser (plain Node)', () => {
    globals.browser = undefined;
    globals.chrome = undefined;
    expect(t('errors.query.empty')).toBe('errors.query.empty');
    expect(t('errors.query.nothingAfter', ['OR'])).toBe('errors.query.nothingAfter');
  });

  it('returns the key where the browser has no i18n', () => {
    globals.browser = { runtime: {} };
    globals.chrome = {};
    expect(t('errors.import.tooLarge', ['50'])).toBe('errors.import.tooLarge');
  });

  it('returns the key when getMessage throws', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('no messages');
    });
    expect(t('errors.query.empty')).toBe('errors.query.empty');
    expect(getMessage).toHaveBeenCalled();
  });
});
