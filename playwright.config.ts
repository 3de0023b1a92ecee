import { defineConfig } from '@playwright/test';

// Both browsers are driven from Playwright's runner: Chromium through Playwright itself, Firefox through
// puppeteer-core over WebDriver BiDi (Playwright's own Firefox build is required for Playwright's driver).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'chromium', testMatch: /chromium\/.*\.spec\.ts$/ },
    { name: 'firefox', testMatch: /firefox\/.*\.spec\.ts$/ },
  ],
});
