#!/usr/bin/env node
/**
 * `npm run explore`: builds the app and serves it the way `output: 'standalone'`
 * expects (the Dockerfile does the same): `node .next/standalone/server.js`
 * with the static assets and schema.graphql copied beside it. `npm start`
 * (`--no-build`) serves the last build.
 *
 * The standalone server changes into its own directory, so the store and the
 * dataset are passed as absolute paths into this checkout (.steppe/ and data/,
 * as `next start` used), unless STEPPE_DATA_DIR / STEPPE_DATASET_DIR are set.
 * Telemetry is off (NEXT_TELEMETRY_DISABLED) unless the environment says otherwise.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const standalone = path.join(root, '.next', 'standalone');
const build = !process.argv.includes('--no-build');
const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };

/** Runs a command in the project, printing its output; rejects on a non-zero exit. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', ...options });
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      // 143/130: the server's own exit after the SIGTERM/SIGINT passed on to it.
      if (code === 0 || code === 143 || code === 130 || signal === 'SIGTERM' || signal === 'SIGINT') resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`));
    });
  });
}

if (build) {
  const started = Date.now();
  console.log('Steppe: building the app (step 1 of 2; a first build takes a minute or more)…');
  // Next prints its stages; its longest one prints nothing, so say it is still going.
  const ticker = setInterval(() => console.log(`  … still building (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
  try {
    await run(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
  } finally {
    clearInterval(ticker);
  }
  console.log(`Steppe: built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (!existsSync(path.join(standalone, 'server.js'))) {
  console.error('Steppe: no build found (.next/standalone/server.js). Run `npm run explore` to build and serve.');
  process.exit(1);
}
// What `output: 'standalone'` leaves out on purpose: static assets, and the schema the API reads at start.
rmSync(path.join(standalone, '.next', 'static'), { recursive: true, force: true });
cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
cpSync(path.join(root, 'schema.graphql'), path.join(standalone, 'schema.graphql'));
if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });

const port = env.PORT ?? '3000';
console.log(`Steppe: serving at http://localhost:${port} (step 2 of 2; Ctrl+C stops it)`);
await run(process.execPath, [path.join(standalone, 'server.js')], {
  env: {
    ...env,
    NODE_ENV: 'production',
    PORT: port,
    // server.js binds HOSTNAME; a shell's own HOSTNAME (the machine's name) is not meant for it.
    HOSTNAME: env.STEPPE_HOST ?? '0.0.0.0',
    STEPPE_DATA_DIR: path.resolve(root, env.STEPPE_DATA_DIR ?? '.steppe'),
    STEPPE_DATASET_DIR: path.resolve(root, env.STEPPE_DATASET_DIR ?? 'data'),
  },
});
