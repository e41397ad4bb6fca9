/**
 * npm run data:check [-- --dataset DIR] [--sources DIR]
 * Validates the dataset; with --sources, checks every excerpt verbatim against
 * the source texts named in <dataset>/source-texts.json. Exits 1 on any problem.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDatasetDir } from '../graph/io/dataset';
import { checkDataset } from '../graph/io/dataset-check';
import { ValidationError } from '../graph/core/errors';
import { runCli } from './cli';

async function loadSourceTexts(datasetDir: string, textsDir: string): Promise<Map<string, string>> {
  const mapping = JSON.parse(await fs.readFile(path.join(datasetDir, 'source-texts.json'), 'utf8')) as Record<string, string>;
  const texts = new Map<string, string>();
  for (const [id, file] of Object.entries(mapping)) texts.set(id, await fs.readFile(path.join(textsDir, file), 'utf8'));
  return texts;
}

function table(title: string, rows: Record<string, number>): string {
  const width = Math.max(...Object.keys(rows).map((k) => k.length), title.length);
  return [title, ...Object.entries(rows).map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(5)}`)].join('\n');
}

runCli('data:check', async () => {
  const { values } = parseArgs({ options: { dataset: { type: 'string', default: 'data' }, sources: { type: 'string' } } });
  const datasetDir = path.resolve(values.dataset!);
  const data = await readDatasetDir(datasetDir);
  const sourceTexts = values.sources ? await loadSourceTexts(datasetDir, path.resolve(values.sources)) : undefined;
  const report = checkDataset(data, data.origins, { sourceTexts, curated: true });
  const c = report.counts;
  console.log(`Dataset ${datasetDir}: ${c.sources} sources, ${c.actors} actors, ${c.relationships} relationships, ${c.citations} citations, ${c.maps} maps`);
  console.log(table('Actors by kind', c.byKind));
  console.log(table('Relationships by type', c.byType));
  console.log(table('Relationships citing each source', c.bySource));
  console.log(sourceTexts ? `Excerpts verified verbatim: ${report.excerptsVerified}/${c.citations}` : 'Excerpts not checked against source texts (pass --sources DIR)');
  if (report.problems.length) throw new ValidationError(`${report.problems.length} problem(s) in the dataset`, report.problems);
  console.log('OK');
});
