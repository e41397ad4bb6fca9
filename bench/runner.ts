/**
 * The benchmark itself, phase by phase (see bench/run.ts for the command and
 * bench/README.md for what each number means).
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../graph/config';
import { MemoryStore } from '../graph/memory';
import { runChild } from './child';
import { measureGraphqlOverhead } from './graphql-overhead';
import { measureHttpLoad } from './http-load';
import type { ImportFileResult, ImportFormat } from './import-file';
import type { ImportPhaseResult } from './import-phase';
import type { LoadPhaseResult } from './load-phase';
import { checkTargets, machine, type BenchResult } from './report';
import { collectGarbage } from './stats';
import { measureStore } from './store-metrics';
// The Neo4j and render phases (neo4j-driver, @neo4j/graphql, esbuild, Playwright) are imported when they run: loaded
// here they added about 95 MB to the resident memory measured after opening the store, which bench/README.md defines as
// Node, tsx, the GraphQL modules and the graph.

const MB = 1024 * 1024;
/** Depth-2 neighbourhoods compared over GraphQL: enough for a stable median, few enough for a slow store (fewer with --quick). */
const OVERHEAD_SAMPLES = 60;
const QUICK_OVERHEAD_SAMPLES = 20;

export interface Options {
  /** `neo4j`: also measure the same reads on a launched Neo4j (bench/neo4j-phase.ts), beside the embedded store. */
  store: 'memory' | 'neo4j';
  /** Neo4j version for `--store neo4j` (default: the launcher's, 5.26). */
  neo4jVersion?: string;
  size: number;
  seed: number;
  quick: boolean;
  out: string;
  explorerUrl?: string;
  keepData: boolean;
  /** Size of the import phase, in FtM entities (the other formats import the same graph); 0 skips the phase. */
  ftmEntities: number;
  /** Formats the import phase writes and imports (default all: ftm, csv, json). */
  importFormats: ImportFormat[];
  /** Skip the render phase: its elements do not depend on the graph size, so a million-actor run need not repeat it. */
  noRender: boolean;
}

const processStart = performance.now();

export function step(message: string): void {
  console.log(`[bench ${((performance.now() - processStart) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}

/**
 * Writes the generated graph sized for about `opts.ftmEntities` FtM entities
 * in each of `opts.importFormats` with the format's own writer, then times
 * `importFile` of it in a fresh process; the file is removed after.
 */
async function measureImports(opts: Options, workDir: string): Promise<Pick<BenchResult, 'ftmImport' | 'formatImports'>> {
  const out: Pick<BenchResult, 'ftmImport' | 'formatImports'> = {};
  for (const format of opts.importFormats) {
    const input = path.join(workDir, `bench-${opts.ftmEntities}-${opts.seed}.${format === 'ftm' ? 'ftm.jsonl' : format === 'json' ? 'json' : 'csv.d'}`);
    step(`writing the ${format.toUpperCase()} import input (the graph for about ${opts.ftmEntities} FtM entities)…`);
    const written = await runChild<ImportFileResult>('import-file.ts', [format, String(opts.ftmEntities), String(opts.seed), input]);
    step(`importing ${written.actors} actors and ${written.relationships} relationships from ${format.toUpperCase()}${written.entities ? ` (${written.entities} entities)` : ''} with importFile, as npm run import does…`);
    try {
      const r = await runChild<ImportPhaseResult>('import-phase.ts', [input, path.join(workDir, 'import-store'), format]);
      if (format === 'ftm') out.ftmImport = { ...written, entities: written.entities ?? 0, ...r };
      else (out.formatImports ??= {})[format] = { ...written, ...r };
    } finally {
      await rm(input, { recursive: true, force: true });
    }
  }
  return out;
}

export async function runBench(opts: Options): Promise<BenchResult> {
  const started = performance.now();
  const loadAverageAtStart = os.loadavg()[0];
  // Scratch space next to the results (bench/.work by default, git-ignored).
  const workDir = path.join(opts.out, '.work');
  const dataDir = path.join(workDir, `store-${opts.size}-${opts.seed}`);
  // For --store neo4j: the same graph as a dataset directory, for db:load.
  const datasetDir = path.join(workDir, `dataset-${opts.size}-${opts.seed}`);
  const withNeo4j = opts.store === 'neo4j';

  step(`generating ${opts.size} actors (seed ${opts.seed}) and bulk-loading them in a child process…`);
  const loaded = await runChild<LoadPhaseResult>('load-phase.ts', [String(opts.size), String(opts.seed), dataDir, ...(withNeo4j ? [datasetDir] : [])]);
  const records = loaded.actors + loaded.relationships + loaded.sources;
  step(`generated in ${(loaded.generateMs / 1000).toFixed(1)} s; imported ${records} records in ${(loaded.importMs / 1000).toFixed(1)} s`);

  step('opening the store from disk…');
  collectGarbage();
  const c = process.cpuUsage();
  const t = performance.now();
  const store = await MemoryStore.open({ dataDir });
  const openMs = performance.now() - t;
  const openCpu = process.cpuUsage(c);
  collectGarbage();
  const memory = process.memoryUsage();
  try {
    step('measuring store reads (search, neighbourhoods, paths, as-of)…');
    const storeMetrics = await measureStore(store, loaded.probes);

    // Depth 2 with limit 500 and every record field costs about 5 500 under the API's cost model; the default cap is 5 000.
    const config = loadConfig({ store: { kind: 'memory', dataDir }, limits: { maxQueryCost: 50_000 }, production: true, loadDatasetWhenEmpty: false });
    const samples = opts.quick ? QUICK_OVERHEAD_SAMPLES : OVERHEAD_SAMPLES;
    step(`measuring GraphQL over HTTP against the same depth-2 reads (${samples} centres)…`);
    const graphql = await measureGraphqlOverhead(store, config, loaded.probes.centres.slice(0, samples));

    let http: BenchResult['http'];
    let render: BenchResult['render'];
    if (opts.quick) {
      step('--quick: skipping the HTTP load and the browser render phases');
      http = { skipped: '--quick' };
    } else {
      step('HTTP load: autocannon, 32 connections, 10 s, loopback…');
      http = await measureHttpLoad(store, config, loaded.probes, { connections: 32, durationSeconds: 10 });
    }
    await store.close();

    let neo4j: BenchResult['neo4j'];
    if (withNeo4j) {
      const { measureNeo4j } = await import('./neo4j-phase');
      neo4j = await measureNeo4j(datasetDir, loaded.probes, loaded.probes.centres.slice(0, samples), step, opts.neo4jVersion);
    }

    if (opts.quick || opts.noRender) render = { skipped: opts.quick ? '--quick' : '--no-render' };
    else {
      step('render ratio in headless Chromium (1 000 and 5 000 elements)…');
      const { measureRender } = await import('./render/render');
      render = await measureRender({ workDir, explorerUrl: opts.explorerUrl });
    }

    await store.close();
    const imports = opts.ftmEntities > 0 ? await measureImports(opts, workDir) : { ftmImport: { skipped: opts.quick ? '--quick' : '--ftm-entities 0' } };

    const partial: Omit<BenchResult, 'targets'> = {
      size: opts.size,
      seed: opts.seed,
      finishedAt: new Date().toISOString(),
      durationSeconds: (performance.now() - started) / 1000,
      machine: machine(loadAverageAtStart, 'chromium' in render ? render.chromium : undefined),
      graph: { actors: loaded.actors, relationships: loaded.relationships, sources: loaded.sources, degree: loaded.degree },
      load: {
        generateMs: loaded.generateMs,
        importMs: loaded.importMs,
        importCpuMs: loaded.importCpuMs,
        recordsPerSecond: records / (loaded.importMs / 1000),
        rssAfterImportMb: loaded.rssAfterImportMb,
        openMs,
        openCpuMs: (openCpu.user + openCpu.system) / 1000,
        rssAfterOpenMb: memory.rss / MB,
        heapUsedAfterOpenMb: memory.heapUsed / MB,
      },
      store: storeMetrics,
      graphql,
      http,
      render,
      ...(neo4j ? { neo4j } : {}),
      ...imports,
    };
    return { ...partial, targets: checkTargets(partial) };
  } finally {
    await store.close().catch(() => undefined);
    if (!opts.keepData) {
      await rm(dataDir, { recursive: true, force: true });
      await rm(datasetDir, { recursive: true, force: true });
    }
  }
}
