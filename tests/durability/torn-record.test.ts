/**
 * Damaged journals. A torn or corrupt last record is skipped with one warning
 * naming the file and byte offset, the journal is cut back to the last good
 * record and the store opens. Damage in the middle stops replay there (later
 * records are not loaded), is reported once, the damaged journal is kept
 * aside, and the store moves to a fresh snapshot so new writes are safe.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '@/graph/core/errors';
import { MemoryStore } from '@/graph/memory';
import type { Actor } from '@/graph/core/model';

const person = (id: string): Actor => ({ id, kind: 'PERSON', name: `Person ${id}`, aliases: [], tags: [] });
const journal = (dir: string) => path.join(dir, 'journal-000000.log');

let dir: string;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-torn-'));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  warn.mockRestore();
  await rm(dir, { recursive: true, force: true });
});

/** Writes five actors and closes; returns the byte offset where each journal record starts. */
async function fiveRecords(): Promise<number[]> {
  const store = await MemoryStore.open({ dataDir: dir });
  const starts: number[] = [];
  for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) {
    starts.push((await stat(journal(dir))).size);
    await store.upsertActor(person(id));
  }
  await store.close();
  return starts;
}

async function flipByte(file: string, offset: number): Promise<void> {
  const buf = await readFile(file);
  buf[offset] = buf[offset] === 0x41 ? 0x42 : 0x41;
  await writeFile(file, buf);
}

async function present(store: MemoryStore): Promise<string[]> {
  return (await store.exportGraph()).actors.map((a) => a.id);
}

function expectOneWarning(...fragments: string[]): void {
  expect(warn).toHaveBeenCalledTimes(1);
  const message = String(warn.mock.calls[0][0]);
  for (const f of fragments) expect(message).toContain(f);
}

describe('torn or corrupt last record', () => {
  it('skips half a record, warns once with file and offset, truncates, and opens', async () => {
    await fiveRecords();
    const goodSize = (await stat(journal(dir))).size;
    // Half of a sixth record, as a crash mid-append would leave it.
    const full = await readFile(journal(dir));
    const lastLine = full.subarray(full.lastIndexOf(0x0a, full.length - 2) + 1);
    await appendFile(journal(dir), lastLine.subarray(0, Math.floor(lastLine.length / 2)));

    const store = await MemoryStore.open({ dataDir: dir });
    expectOneWarning(journal(dir), `byte ${goodSize}`);
    expect(await present(store)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect((await stat(journal(dir))).size).toBe(goodSize);
    await store.upsertActor(person('a6'));
    await store.close();

    const again = await MemoryStore.open({ dataDir: dir });
    expect(warn).toHaveBeenCalledTimes(1); // repaired: no second warning
    expect(await present(again)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    await again.close();
  });

  it('detects flipped bytes in the last record by checksum and drops only that record', async () => {
    const starts = await fiveRecords();
    const size = (await stat(journal(dir))).size;
    await flipByte(journal(dir), Math.floor((starts[4] + size) / 2));

    const store = await MemoryStore.open({ dataDir: dir });
    expectOneWarning(journal(dir), `byte ${starts[4]}`);
    expect(await present(store)).toEqual(['a1', 'a2', 'a3', 'a4']);
    await expect(store.getActor('a5')).rejects.toBeInstanceOf(NotFoundError);
    expect((await stat(journal(dir))).size).toBe(starts[4]);
    expect((await store.changes()).totalCount).toBe(4);
    await store.close();
  });

  it('treats a zero-filled tail (preallocated blocks after a crash) as torn', async () => {
    await fiveRecords();
    const goodSize = (await stat(journal(dir))).size;
    await appendFile(journal(dir), Buffer.alloc(4096));
    const store = await MemoryStore.open({ dataDir: dir });
    expectOneWarning(`byte ${goodSize}`);
    expect(await present(store)).toHaveLength(5);
    await store.close();
  });

  it('handles a record cut inside its header', async () => {
    await fiveRecords();
    const goodSize = (await stat(journal(dir))).size;
    await appendFile(journal(dir), '1a2b');
    const store = await MemoryStore.open({ dataDir: dir });
    expectOneWarning(`byte ${goodSize}`);
    expect(await present(store)).toHaveLength(5);
    await store.close();
  });
});

describe('corruption in the middle of the journal', () => {
  it('stops replay at the damaged record, keeps the damaged file, and makes new writes safe', async () => {
    const starts = await fiveRecords();
    await flipByte(journal(dir), starts[1] + 30); // inside record 2 of 5

    const store = await MemoryStore.open({ dataDir: dir });
    expectOneWarning(journal(dir), `byte ${starts[1]}`, 'replay stopped');
    // Records after the damage are not loaded: replay stops at the first bad record.
    expect(await present(store)).toEqual(['a1']);
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('journal-000000.log.corrupt-'))).toBe(true);
    // The store moved on to a new generation so later writes never sit behind the damage.
    expect(files).toContain('snapshot-000001.jsonl');
    expect(files).not.toContain('journal-000000.log');
    await store.upsertActor(person('b1'));
    await store.close();

    const again = await MemoryStore.open({ dataDir: dir });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await present(again)).toEqual(['a1', 'b1']);
    await again.close();
  });

  it('keeps the damaged bytes intact in the .corrupt copy for manual recovery', async () => {
    const starts = await fiveRecords();
    await flipByte(journal(dir), starts[2] + 20);
    const damaged = await readFile(journal(dir));
    const store = await MemoryStore.open({ dataDir: dir });
    const copy = (await readdir(dir)).find((f) => f.includes('.corrupt-'))!;
    expect(await readFile(path.join(dir, copy))).toEqual(damaged);
    expect(await present(store)).toEqual(['a1', 'a2']);
    await store.close();
  });
});
