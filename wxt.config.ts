import { defineConfig } from 'wxt';
import { allMatchPatterns } from './lib/sites/find-adapter';

// Firefox gets Manifest V2 (WXT's default there): host permissions are granted at install, so highlights
// appear without the user having to grant each site first, as Firefox's MV3 asks.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  // A second build directory lets two checkouts' worth of e2e runs share one working tree (PAPERLIGHT_OUT_DIR).
  outDir: process.env.PAPERLIGHT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Paperlight',
    // Every user-facing string lives in locales/en.yml (read through `i18n.t` from '#i18n').
    default_locale: 'en',
    description: 'Highlights the papers that match your interests on Hugging Face Papers and arXiv.',
    // unlimitedStorage: the shortlist is the user's own data; with it the browser never evicts the database under
    // disk pressure (space itself is not the reason: the worst case is about 100 MB).
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: allMatchPatterns(),
    action: { default_title: 'Paperlight' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperlight@paperlight.dev',
              // data_collection_permissions exists from Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              // Paperlight sends nothing anywhere: Firefox asks every add-on to declare that.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
