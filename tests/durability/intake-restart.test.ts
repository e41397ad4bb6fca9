/**
 * Intake analyses outlive the process: after a real server restart on the
 * same data directory, an anonymous reader is served the analysis of an
 * unchanged text (which an anonymous request can never compute), not
 * UNAUTHENTICATED; a changed text is not served the old analysis; a damaged
 * stored file counts as absent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GqlResponse } from '../api/http-harness';

const ROOT = path.resolve(__dirname, '../..');
const TOKEN = 'intake-restart-admin-token-0123456789';
const TEXT = 'On 11 January 2022, Tokayev appointed Alikhan Smailov as prime minister.\n\nKarim Massimov was detained on suspicion of treason.';
const INTAKE = 'query($id: ID!) { intake(sourceId: $id) { sentenceCount relationships { type source { id } target { id } excerpt confidence } actors { name occurrences } } }';

let dir: string;
let child: ChildProcess | null = null;
let base: string;

/** Starts the real GraphQL and health routes (journal-server.ts) on the data directory; resolves once it listens. */
async function start(): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'journal-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, STEPPE_DATA_DIR: path.join(dir, 'data'), STEPPE_DATASET_DIR: path.join(ROOT, 'data'), STEPPE_ADMIN_TOKEN: TOKEN, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`server exited (code ${code}): ${stderr}`)));
  });
}

async function stop(): Promise<void> {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

const anonymous = (id: string) => gql(`${base}/api/graphql`, INTAKE, { variables: { id } });
const admin = (query: string, variables: Record<string, unknown>) => gql(`${base}/api/graphql`, query, { variables, token: TOKEN });
function ok(r: GqlResponse) {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data!;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-intake-restart-'));
  await start();
}, 60_000);

afterAll(async () => {
  await stop();
  await rm(dir, { recursive: true, force: true });
});

describe('intake analyses across a restart', () => {
  it('an unchanged text is served after a restart without an admin asking first; a changed one is not', async () => {
    ok(await admin('mutation($input: SourceInput!, $text: SourceTextInput!) { addSource(input: $input, text: $text) { length } }', { input: { id: 'restart-note', title: 'Restart note' }, text: { text: TEXT } }));
    // Anonymous reads wait for the analysis the admin's write started.
    const before = ok(await anonymous('restart-note')).intake;
    expect(before.relationships.map((p: { type: string }) => p.type)).toContain('APPOINTED');

    await stop();
    await start();
    expect(ok(await anonymous('restart-note')).intake).toEqual(before);

    // A new text version after the restart: the stored analysis is of the old text and is not served for the new one.
    await stop();
    await start();
    ok(await admin('mutation($id: ID!, $text: SourceTextInput!) { setSourceText(sourceId: $id, text: $text) { length } }', { id: 'restart-note', text: { text: `${TEXT}\n\nTokayev met Smailov.` } }));
    const edited = ok(await anonymous('restart-note')).intake;
    expect(edited.sentenceCount).toBe(3);
    await stop();
    await start();
    expect(ok(await anonymous('restart-note')).intake).toEqual(edited);
  }, 120_000);

  it('without its stored file, or with a damaged one, the analysis is recomputed only on an admin’s request', async () => {
    await stop();
    const intakeDir = path.join(dir, 'data', 'intake');
    const files = await readdir(intakeDir);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    await writeFile(path.join(intakeDir, files.find((f) => f.endsWith('.json'))!), '{"format":1,"sourceId":"restart-no');
    await start();
    expect((await anonymous('restart-note')).codes).toEqual(['UNAUTHENTICATED']);
    const recomputed = ok(await admin(INTAKE, { id: 'restart-note' })).intake;
    expect(recomputed.sentenceCount).toBe(3);
    await stop();
    await start();
    expect(ok(await anonymous('restart-note')).intake).toEqual(recomputed);
  }, 120_000);
});
