/**
 * npm run export -- --format json|csv|graphml|gexf|ftm|dataset [--out DIR]
 * Writes everything in the configured store to DIR (default ./export).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../graph/config';
import { DATASET_FORMAT, exportTo } from '../graph/io/exchange';
import { FORMATS } from '../graph/io/formats';
import { openStore } from '../graph/open-store';
import { runCli, UsageError } from './cli';

runCli('export', async () => {
  const { values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string', default: 'export' } } });
  if (!values.format) throw new UsageError(`usage: npm run export -- --format ${[...FORMATS.map((f) => f.name), DATASET_FORMAT].join('|')} [--out DIR]`);
  const store = await openStore(loadConfig());
  try {
    const files = await exportTo(store, values.format, path.resolve(values.out!));
    for (const f of files) console.log(`export: wrote ${f}`);
  } finally {
    await store.close();
  }
});
