/** The GraphStore contract against the embedded store, each case in a fresh temporary data directory. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MemoryStore } from '@/graph/memory';
import { defineGraphStoreContract } from './graph-store.contract';

defineGraphStoreContract('memory store contract', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steppe-contract-'));
  const store = await MemoryStore.open({ dataDir });
  return { store, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
