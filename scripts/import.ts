/**
 * npm run import -- FILE [--format json|csv|graphml|gexf|ftm]
 * Imports a file (for CSV: a directory, or one of its three files) into the
 * configured store, all or nothing. Problems name file, line and field.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../graph/config';
import { importFile } from '../graph/io/exchange';
import { openStore } from '../graph/open-store';
import { runCli, UsageError } from './cli';

runCli('import', async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('usage: npm run import -- FILE [--format json|csv|graphml|gexf|ftm]');
  const store = await openStore(loadConfig({ loadDatasetWhenEmpty: false }));
  try {
    const r = await importFile(store, positionals[0], values.format);
    console.log(`import: ${r.format}: ${r.sources} sources, ${r.actors} actors, ${r.relationships} relationships, ${r.maps} maps written (${store.kind} store)`);
  } finally {
    await store.close();
  }
});
