/**
 * A transient write failure in a real server process: with EPERM injected at
 * the file layer (fault-fs.ts) a write fails with STORE_UNAVAILABLE and health
 * turns 503; once the fault passes, health recovers by itself and writes
 * succeed again without a restart, and every acknowledged write is on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '@/graph/core/errors';
import { MemoryStore } from '@/graph/memory';
import { gql } from '../api/http-harness';

const ROOT = path.resolve(__dirname, '../..');
const TOKEN = 'fault-test-admin-token-0123456789';

let dir: string;
let fault: string;
let child: ChildProcess;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-fault-'));
  fault = path.join(dir, '..', `${path.basename(dir)}.FAULT`);
  const data = path.join(dir, 'data');
  child = spawn(process.execPath, ['--import', 'tsx', '--import', path.join(__dirname, 'fault-fs.ts'), path.join(__dirname, 'journal-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, STEPPE_DATA_DIR: data, STEPPE_ADMIN_TOKEN: TOKEN, STEPPE_FAULT_FILE: fault, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (code ${code}): ${stderr}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await rm(fault, { force: true });
  await rm(dir, { recursive: true, force: true });
});

const create = (id: string) =>
  gql(`${base}/api/graphql`, 'mutation($input: ActorInput!) { createActor(input: $input) { id } }', {
    variables: { input: { id, kind: 'PERSON', name: `Person ${id}` } },
    token: TOKEN,
  });
const healthStatus = async () => (await fetch(`${base}/api/health`)).status;

describe('journal after a transient write failure (real server process, fault at the file layer)', () => {
  it('refuses while the disk refuses, then heals by itself: health first, then writes; nothing acknowledged is lost', async () => {
    const acknowledged: string[] = [];
    for (const id of ['before-1', 'before-2']) {
      const r = await create(id);
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      acknowledged.push(id);
    }
    expect(await healthStatus()).toBe(200);

    await writeFile(fault, 'on');
    const failed = await create('during');
    expect(failed.codes).toEqual(['STORE_UNAVAILABLE']);
    expect(await healthStatus()).toBe(503);
    expect((await create('during-2')).codes).toEqual(['STORE_UNAVAILABLE']);

    await rm(fault);
    // No write and no restart needed: the health check itself reopens the journal.
    expect(await healthStatus()).toBe(200);
    for (const id of ['after-1', 'after-2']) {
      const r = await create(id);
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      acknowledged.push(id);
    }

    // A second fault, healed this time by the next write rather than by health.
    await writeFile(fault, 'on');
    expect((await create('during-3')).codes).toEqual(['STORE_UNAVAILABLE']);
    await rm(fault);
    const healedByWrite = await create('after-3');
    expect(healedByWrite.body.errors, JSON.stringify(healedByWrite.body.errors)).toBeUndefined();
    acknowledged.push('after-3');

    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(path.join(dir, 'data', 'LOCK'))).toBe(false);
    const store = await MemoryStore.open({ dataDir: path.join(dir, 'data') });
    try {
      for (const id of acknowledged) expect((await store.getActor(id)).id).toBe(id);
      for (const id of ['during', 'during-2', 'during-3']) await expect(store.getActor(id)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await store.close();
    }
  }, 120_000);
});
