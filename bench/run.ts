/**
 * `npm run bench -- --size N`: benchmarks the embedded store, the GraphQL API
 * and the explorer's canvas on a generated graph of N actors (default 10 000)
 * and about 5N relationships, prints a table, and records the run in
 * bench/results.json and bench/RESULTS.md.
 *
 * Phases: (1) generate and bulk-load in a child process; (2) open the store
 * from disk here and measure memory and direct store reads; (3) GraphQL over
 * HTTP against the same reads; (4) HTTP load with autocannon; (5) render
 * ratio in headless Chromium. See bench/README.md.
 *
 * The process runs with NODE_ENV=production (unless set otherwise), as a
 * deployed server does: graphql-js runs extra development checks otherwise.
 *
 * Options: --size N, --seed S, --store neo4j (also measure the same reads on a
 * launched Neo4j, with db:load, and the @neo4j/graphql peer; --neo4j-version V
 * picks another Neo4j than the launcher's 5.26), --quick (skip the HTTP load and render phases),
 * --out DIR (where results go; default bench/), --explorer-url URL (measure a
 * running explorer page instead of the bundled canvas), --keep-data,
 * --no-render (skip the render phase, which does not depend on --size),
 * --render-only (only the render ratio, printed, nothing recorded),
 * --render-large (only the render phase, with the 10 000-node / 20 000-edge view and both of Cytoscape's
 * renderers, canvas and WebGL, WebGL up to 5 000 elements unless --webgl-large; recorded as results.json's `largeView`),
 * --ftm-entities N (size of the import phase, in FtM entities; default 1 000 000, 0 skips it; skipped under --quick unless given),
 * --import-formats LIST (formats the import phase times on that graph: default ftm,csv,json),
 * --server-load [--connections N] [--seconds S] (only the production server
 * under load, default 128 connections for 30 s per request kind; printed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// None of these imports loads graphql: generate.ts needs only the model, import-file.ts the formats, and the runner's type is erased.
import { DEFAULT_SEED } from './generate';
import { IMPORT_FORMATS, type ImportFormat } from './import-file';
import type { Options } from './runner';

const DEFAULT_FTM_ENTITIES = 1_000_000;
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

type RunOptions = Options & { renderOnly: boolean; renderLarge: boolean; webglLarge: boolean; serverLoad: boolean; connections: number; seconds: number };

function parseArgs(argv: string[]): RunOptions {
  const opts: RunOptions = { store: 'memory', size: 10_000, seed: DEFAULT_SEED, quick: false, out: BENCH_DIR, keepData: false, renderOnly: false, renderLarge: false, webglLarge: false, ftmEntities: -1, importFormats: [...IMPORT_FORMATS], noRender: false, serverLoad: false, connections: 128, seconds: 30 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--size':
        opts.size = Number(value());
        break;
      case '--seed':
        opts.seed = Number(value());
        break;
      case '--quick':
        opts.quick = true;
        break;
      case '--out':
        opts.out = path.resolve(value());
        break;
      case '--explorer-url':
        opts.explorerUrl = value();
        break;
      case '--keep-data':
        opts.keepData = true;
        break;
      case '--store': {
        const store = value();
        if (store !== 'memory' && store !== 'neo4j') throw new Error(`--store must be memory or neo4j, got ${store}`);
        opts.store = store;
        break;
      }
      case '--neo4j-version':
        opts.neo4jVersion = value();
        break;
      case '--ftm-entities':
        opts.ftmEntities = Number(value());
        break;
      case '--import-formats': {
        const formats = value().split(',').filter(Boolean);
        const unknown = formats.filter((f) => !(IMPORT_FORMATS as readonly string[]).includes(f));
        if (!formats.length || unknown.length) throw new Error(`--import-formats takes a comma-separated list of ${IMPORT_FORMATS.join(', ')}, got ${formats.join(',') || 'nothing'}`);
        opts.importFormats = formats as ImportFormat[];
        break;
      }
      case '--no-render':
        opts.noRender = true;
        break;
      case '--render-only':
        opts.renderOnly = true;
        break;
      case '--render-large':
        opts.renderLarge = true;
        break;
      case '--webgl-large':
        opts.webglLarge = true;
        break;
      case '--server-load':
        opts.serverLoad = true;
        break;
      case '--connections':
        opts.connections = Number(value());
        break;
      case '--seconds':
        opts.seconds = Number(value());
        break;
      default:
        throw new Error(
          `Unknown option ${argv[i]}. Options: --size N, --seed S, --store memory|neo4j, --neo4j-version V, --quick, --out DIR, --explorer-url URL, --keep-data, --no-render, --render-only, --render-large [--webgl-large], --ftm-entities N, --import-formats LIST, --server-load [--connections N] [--seconds S]`,
        );
    }
  }
  if (!Number.isInteger(opts.size) || opts.size < 100) throw new Error(`--size must be an integer of at least 100, got ${opts.size}`);
  // The import phase: a million FtM entities by default, none under --quick unless asked for.
  if (opts.ftmEntities < 0) opts.ftmEntities = opts.quick ? 0 : DEFAULT_FTM_ENTITIES;
  if (!Number.isInteger(opts.ftmEntities)) throw new Error(`--ftm-entities must be an integer, got ${opts.ftmEntities}`);
  if (!Number.isInteger(opts.connections) || opts.connections < 1) throw new Error(`--connections must be a positive integer, got ${opts.connections}`);
  if (!Number.isInteger(opts.seconds) || opts.seconds < 1) throw new Error(`--seconds must be a positive integer, got ${opts.seconds}`);
  if (!Number.isInteger(opts.seed)) throw new Error(`--seed must be an integer, got ${opts.seed}`);
  return opts;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const opts = parseArgs(process.argv.slice(2));
  // Before graphql (and anything else reading it at load time) is imported.
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= 'production';
  if (opts.renderOnly) {
    // The render ratio alone (about a minute): its elements do not depend on --size.
    const { measureRender } = await import('./render/render');
    const render = await measureRender({ workDir: path.join(opts.out, '.work'), explorerUrl: opts.explorerUrl });
    for (const s of render.sizes) {
      console.log(`render ${s.elements} elements (${s.nodes} nodes): explorer ${(s.explorer.totalMs / 1000).toFixed(2)} s vs bare ${(s.bare.totalMs / 1000).toFixed(2)} s = ${s.ratio.toFixed(2)}×`);
      if (s.panZoom) console.log(`  pan/zoom frame time p50 / p95: explorer ${s.panZoom.explorer.p50.toFixed(1)} / ${s.panZoom.explorer.p95.toFixed(1)} ms, bare ${s.panZoom.bare.p50.toFixed(1)} / ${s.panZoom.bare.p95.toFixed(1)} ms`);
      if (s.gesture) console.log(`  wheel and drag by hand: explorer ${(s.gesture.explorer.wallMs / 1000).toFixed(2)} s (frame p95 ${s.gesture.explorer.p95.toFixed(1)} ms), bare ${(s.gesture.bare.wallMs / 1000).toFixed(2)} s (frame p95 ${s.gesture.bare.p95.toFixed(1)} ms)`);
    }
    return;
  }
  if (opts.renderLarge) {
    // The render phase alone at 1 000 and 5 000 elements and the 10 000-node view, canvas and WebGL (several minutes).
    const os = await import('node:os');
    const { measureRender, DEFAULT_VIEWS, LARGE_VIEW } = await import('./render/render');
    const { formatLargeView, machine, writeLargeView } = await import('./report');
    const loadAverageAtStart = os.loadavg()[0];
    const render = await measureRender({ workDir: path.join(opts.out, '.work'), views: [...DEFAULT_VIEWS, LARGE_VIEW],
      webgl: true,
      // WebGL in software (SwiftShader, under --disable-gpu) at 30 000 elements takes longer than a 10-minute command limit: only when asked.
      webglMaxElements: opts.webglLarge ? Infinity : 5000,
      explorerUrl: opts.explorerUrl,
      log: (m: string) => console.log(`[bench] ${m}`),
    });
    const run = {
      finishedAt: new Date().toISOString(),
      durationSeconds: (performance.now() - t0) / 1000,
      machine: machine(loadAverageAtStart, render.chromium),
      loadAverageAtEnd: Math.round(os.loadavg()[0] * 100) / 100,
      render,
    };
    const files = await writeLargeView(opts.out, run);
    console.log(`\n${formatLargeView(run)}\n`);
    console.log(`[bench] wrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.md)}`);
    return;
  }
  if (opts.serverLoad) {
    // The production server under many connections (a few minutes): printed, not recorded.
    const { step } = await import('./runner');
    const { measureServerLoad, formatServerLoad } = await import('./server-load');
    const result = await measureServerLoad({ size: opts.size, seed: opts.seed, workDir: path.join(opts.out, '.work'), connections: opts.connections, seconds: opts.seconds }, step);
    console.log(`\n${formatServerLoad(result)}\n`);
    console.log(JSON.stringify(result));
    return;
  }
  const { runBench, step } = await import('./runner');
  const { formatTable, writeResults } = await import('./report');
  const result = await runBench(opts);
  const files = await writeResults(opts.out, result);
  console.log(`\n${formatTable(result)}\n`);
  step(`wrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.md)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((e: unknown) => {
  console.error(`[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
