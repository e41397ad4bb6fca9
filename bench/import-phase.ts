/**
 * Child process: `importFile` of a generated file (FtM or JSON) or directory
 * (CSV) into an empty embedded store, the same call `npm run import` makes
 * (streamed read, progress lines on stderr, one all-or-nothing write). Its
 * own process, so its peak resident memory is the import's alone.
 *
 * Usage: node --import tsx bench/import-phase.ts <file|dir> <dataDir> [format, default ftm]
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
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

/** Bytes of a file, or of the files in a directory (CSV). */
async function inputBytes(input: string): Promise<number> {
  const s = await stat(input);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const f of await readdir(input)) total += (await stat(path.join(input, f))).size;
  return total;
}

export async function importPhase(input: string, dataDir: string, format = 'ftm'): Promise<ImportPhaseResult> {
  await rm(dataDir, { recursive: true, force: true });
  const store = await MemoryStore.open({ dataDir });
  try {
    const reading = createProgress(`import ${format}: reading`);
    const c = process.cpuUsage();
    const t = performance.now();
    const r = await importFile(store, input, format, {
      onRead: (p) => reading.update({ done: p.bytes, total: p.totalBytes, records: p.records }),
      onWrite: () => reading.end(),
    });
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(c);
    return {
      fileMb: (await inputBytes(input)) / MB,
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

const [inputArg, dirArg, formatArg] = process.argv.slice(2);
if (dirArg && process.argv[1]?.endsWith('import-phase.ts')) replyToParent(() => importPhase(inputArg, dirArg, formatArg));
