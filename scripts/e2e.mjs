#!/usr/bin/env node
// `npm run test:e2e`: the browser tests, in Debian's Chromium, against a fresh
// data directory that is removed afterwards. Extra arguments go to Playwright.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';

// On a fresh Debian machine as root, install Debian's Chromium rather than fail.
if (!existsSync(CHROMIUM) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`Chromium is missing at ${CHROMIUM}: installing Debian's chromium package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['-o', 'APT::Sandbox::User=root', 'update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['-o', 'APT::Sandbox::User=root', 'install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}

if (!existsSync(CHROMIUM)) {
  console.error(
    `Browser tests need Chromium at ${CHROMIUM}, and it is not there.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      '(`npx playwright install` cannot download browsers on these machines.)',
  );
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'steppe-e2e-'));
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, STEPPE_E2E_DATA_DIR: dataDir },
});
rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
