#!/usr/bin/env node
// Prints one closing line for the whole `npm test` run from the Vitest and
// Playwright JSON reports (embedded and real-Neo4j runs): "Tests: N passed, N failed, N skipped".
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

// The embedded run, then the real-Neo4j run (npm run test:neo4j).
for (const vitest of ['reports/vitest.json', 'reports/vitest-neo4j.json']) {
  if (!existsSync(vitest)) continue;
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}

for (const playwright of ['reports/playwright.json', 'reports/playwright-neo4j.json']) {
  if (!existsSync(playwright)) continue;
  const s = JSON.parse(readFileSync(playwright, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}

console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
