/**
 * Browser tests run against the production server as `npm run explore` serves
 * it (`next build`, then the standalone server: scripts/explore.mjs) with an embedded store in a fresh temporary directory, so the
 * bundled dataset loads on start and writes from one run never leak into the next.
 * Chromium is Debian's (/usr/bin/chromium): `npx playwright install` cannot
 * download browsers on these machines.
 */
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_TOKEN, E2E_PORT } from './tests/e2e/helpers';

const baseURL = `http://127.0.0.1:${E2E_PORT}`;

// The config is evaluated by the runner and again by each worker; only the
// runner starts the server, and workers inherit its environment, so the data
// directory is created once.
process.env.STEPPE_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'steppe-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // STEPPE_E2E_NO_BUILD=1 reuses the last build (quicker reruns while iterating on specs).
    command: `node scripts/explore.mjs${process.env.STEPPE_E2E_NO_BUILD ? ' --no-build' : ''}`,
    url: `${baseURL}/sources`,
    // A server already listening would have unknown data and token: never reuse one.
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(E2E_PORT),
      STEPPE_HOST: '127.0.0.1',
      STEPPE_DATA_DIR: process.env.STEPPE_E2E_DATA_DIR,
      STEPPE_ADMIN_TOKEN: ADMIN_TOKEN,
      STEPPE_LOAD_DATASET: '1',
    },
  },
});
