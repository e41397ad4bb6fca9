/**
 * npm run import -- FILE [--format json|csv|graphml|gexf|ftm]
 * Imports a file (for CSV: a directory, or one of its three files) into the
 * configured store, all or nothing. Problems name file, line and field.
 * FtM, JSON and CSV files are streamed from disk a chunk at a time, with
 * progress on stderr.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../graph/config';
import { importFile } from '../graph/io/exchange';
import { openStore } from '../graph/open-store';
import { runCli, UsageError } from './cli';
import { createProgress } from './progress';

runCli('import', async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('usage: npm run import -- FILE [--format json|csv|graphml|gexf|ftm]');
  const store = await openStore(loadConfig({ loadDatasetWhenEmpty: false }));
  try {
    const reading = createProgress('import: reading');
    const started = performance.now();
    const r = await importFile(store, positionals[0], values.format, {
      onRead: (p) => reading.update({ done: p.bytes, total: p.totalBytes, records: p.records }),
      onWrite: (records) => {
        reading.end();
        console.error(`import: validating and writing ${records.toLocaleString('en-US')} records (all or nothing)…`);
      },
    });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`import: ${r.format}: ${r.sources} sources, ${r.actors} actors, ${r.relationships} relationships, ${r.maps} maps written (${store.kind} store) in ${secs} s`);
  } finally {
    await store.close();
  }
});
