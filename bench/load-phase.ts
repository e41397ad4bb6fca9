/**
 * The bulk-load phase, run in its own process so the measuring process never
 * holds the generated input: generates the graph, imports it into an empty
 * embedded store in `dataDir`, and reports timings, memory and the probes
 * (over IPC when forked, else on stdout as JSON). With a fourth argument it also
 * writes the graph as a dataset directory there (for `db:load` into Neo4j), untimed.
 *
 * Usage: node --import tsx bench/load-phase.ts <size> <seed> <dataDir> [datasetDir]
 */
import { rm } from 'node:fs/promises';
import { MemoryStore } from '../graph/memory';
import { replyToParent } from './child';
import { degreeStats, generateGraph, type DegreeStats } from './generate';
import { pickProbes, type Probes } from './probes';
import { collectGarbage } from './stats';

export interface LoadPhaseResult {
  actors: number;
  relationships: number;
  sources: number;
  degree: DegreeStats;
  generateMs: number;
  importMs: number;
  /** CPU time of the import (all threads of the process): what a busy machine does not inflate. */
  importCpuMs: number;
  /** Resident memory of the importing process after the import, with the generated input released. */
  rssAfterImportMb: number;
  probes: Probes;
}

const MB = 1024 * 1024;

export async function loadPhase(size: number, seed: number, dataDir: string, datasetDir?: string): Promise<LoadPhaseResult> {
  await rm(dataDir, { recursive: true, force: true });
  const t0 = performance.now();
  let graph: ReturnType<typeof generateGraph> | null = generateGraph({ actors: size, seed });
  const generateMs = performance.now() - t0;
  const counts = { actors: graph.actors.length, relationships: graph.relationships.length, sources: graph.sources.length };
  const degree = degreeStats(graph);
  const probes = pickProbes(graph);
  if (datasetDir) {
    const { writeDatasetDir } = await import('../graph/io/dataset');
    await rm(datasetDir, { recursive: true, force: true });
    await writeDatasetDir(datasetDir, graph);
  }
  const store = await MemoryStore.open({ dataDir });
  try {
    collectGarbage();
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    await store.importGraph(graph, { by: 'bench' });
    const importMs = performance.now() - t1;
    const cpu = process.cpuUsage(c1);
    const importCpuMs = (cpu.user + cpu.system) / 1000;
    graph = null;
    collectGarbage();
    const rssAfterImportMb = process.memoryUsage().rss / MB;
    return { ...counts, degree, generateMs, importMs, importCpuMs, rssAfterImportMb, probes };
  } finally {
    await store.close();
  }
}

const [sizeArg, seedArg, dirArg, datasetArg] = process.argv.slice(2);
if (dirArg && process.argv[1]?.endsWith('load-phase.ts')) {
  replyToParent(() => loadPhase(Number(sizeArg), Number(seedArg), dirArg, datasetArg));
}
