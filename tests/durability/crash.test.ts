/**
 * Crash safety: a writer process is SIGKILLed mid-stream; every write it had
 * acknowledged (printed after its promise resolved) must be there on reopen.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '@/graph/core/errors';
import { MemoryStore } from '@/graph/memory';

const WRITER = path.join(__dirname, 'crash-writer.ts');
const ROOT = path.resolve(__dirname, '../..');

interface Acks {
  source: string[];
  actor: string[];
  relationship: string[];
  deleted: string[];
}

/** Runs the writer until it has acknowledged `killAfter` writes, then SIGKILLs it. */
function runAndKill(dataDir: string, compactAfterBytes: number, killAfter: number): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(compactAfterBytes)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { source: [], actor: [], relationship: [], deleted: [] };
    let count = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // a line cut by the kill is not an acknowledgement
      for (const line of lines) {
        const [, kind, id] = line.split(' ');
        acks[kind as keyof Acks].push(id);
        if (++count === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited early (code ${code}): ${stderr}`));
      else resolve(acks);
    });
  });
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function checkSurvivors(dataDir: string, acks: Acks): Promise<void> {
  const store = await MemoryStore.open({ dataDir });
  try {
    expect(acks.actor.length).toBeGreaterThan(0);
    const deleted = new Set(acks.deleted);
    for (const id of acks.actor) {
      if (deleted.has(id)) await expect(store.getActor(id)).rejects.toBeInstanceOf(NotFoundError);
      else expect((await store.getActor(id)).aliases).toHaveLength(1);
    }
    for (const id of acks.relationship) expect((await store.getRelationship(id)).citations[0].sourceId).toBe('src');
    // The change log survived too, numbered without gaps.
    const log = await store.changes({ first: 500 });
    expect(log.items.map((c) => c.seq)).toEqual(log.items.map((_, i) => i + 1));
    expect(log.totalCount).toBeGreaterThanOrEqual(acks.actor.length + acks.relationship.length + acks.deleted.length);
    // And the store still takes writes.
    await store.upsertActor({ id: 'after-crash', kind: 'PERSON', name: 'After Crash', aliases: [], tags: [] });
  } finally {
    await store.close();
  }
  const again = await MemoryStore.open({ dataDir });
  expect((await again.getActor('after-crash')).name).toBe('After Crash');
  await again.close();
}

describe('crash safety (SIGKILL mid-stream)', () => {
  it('keeps every acknowledged write', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steppe-crash-'));
    dirs.push(dataDir);
    const acks = await runAndKill(dataDir, 64 * 1024 * 1024, 300);
    await checkSurvivors(dataDir, acks);
  }, 60_000);

  it('keeps every acknowledged write when compactions run during the stream', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steppe-crash-compact-'));
    dirs.push(dataDir);
    // A 16 KB threshold compacts every few dozen writes, so the kill may land inside a compaction.
    const acks = await runAndKill(dataDir, 16 * 1024, 400);
    expect((await readdir(dataDir)).some((f) => f.startsWith('snapshot-'))).toBe(true);
    await checkSurvivors(dataDir, acks);
  }, 60_000);
});
