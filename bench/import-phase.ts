/**
 * Child process: `importFile` of an FtM file into an empty embedded store,
 * the same call `npm run import` makes (streamed read, progress lines on
 * stderr, one all-or-nothing write). Its own process, so its peak resident
 * memory is the import's alone.
 *
 * Usage: node --import tsx bench/import-phase.ts <file> <dataDir>
 */
import { rm, stat } from 'node:fs/promises';
import { importFile } from '../graph/io/exchange';
import { MemoryStore } from '../graph/memory';
import { createProgress } from '../scripts/progress';
import { replyToParent } from './child';

export interface ImportPhaseResult {
  fileMb: number;
  records: number;
  ms: number;
  cpuMs: number;
  /** Peak resident memory of the importing process (getrusage maxrss). */
  peakRssMb: number;
}

const MB = 1024 * 1024;

export async function importPhase(file: string, dataDir: string): Promise<ImportPhaseResult> {
  await rm(dataDir, { recursive: true, force: true });
  const store = await MemoryStore.open({ dataDir });
  try {
    const reading = createProgress('import: reading');
    const c = process.cpuUsage();
    const t = performance.now();
    const r = await importFile(store, file, 'ftm', {
      onRead: (p) => reading.update({ done: p.bytes, total: p.totalBytes, records: p.records }),
      onWrite: () => reading.end(),
    });
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(c);
    return {
      fileMb: (await stat(file)).size / MB,
      records: r.sources + r.actors + r.relationships,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
    };
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const [fileArg, dirArg] = process.argv.slice(2);
if (dirArg && process.argv[1]?.endsWith('import-phase.ts')) replyToParent(() => importPhase(fileArg, dirArg));
