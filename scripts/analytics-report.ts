/**
 * npx tsx scripts/analytics-report.ts [--dataset DIR] [--as-of DATE] [--from DATE --to DATE]
 * Loads the dataset into a throwaway embedded store and prints the most central
 * actors (PageRank, betweenness), the communities, the brokers between them,
 * and what changed between --from and --to (default: 2022).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { computeMetrics, diffBetween, type ActorMetrics } from '../graph/analytics';
import { readDatasetDir } from '../graph/io/dataset';
import { MemoryStore } from '../graph/memory';
import type { TimelineEvent } from '../graph/core/store';
import { runCli } from './cli';

const TOP = 5;
const EXAMPLES = 8;

runCli('analytics-report', async () => {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'data' },
      'as-of': { type: 'string' },
      from: { type: 'string', default: '2022-01-01' },
      to: { type: 'string', default: '2022-12-31' },
    },
  });
  const datasetDir = path.resolve(values.dataset!);
  const { sources, actors, relationships } = await readDatasetDir(datasetDir);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steppe-analytics-report-'));
  const store = await MemoryStore.open({ dataDir });
  try {
    await store.importGraph({ sources, actors, relationships }, { by: 'analytics-report' });
    const names = new Map(actors.map((a) => [a.id, a.name]));
    const name = (id: string) => names.get(id) ?? id;
    const m = await computeMetrics(store, { asOf: values['as-of'] });
    const at = (id: string): ActorMetrics => m.actors.get(id)!;
    const fmt = (x: number) => x.toFixed(4);

    console.log(`Dataset ${datasetDir}${m.asOf ? `, as of ${m.asOf}` : ''}: ${m.actorCount} connected actors, ${m.relationshipCount} relationships, ${m.tieCount} ties`);
    console.log(`\nTop ${TOP} by PageRank`);
    m.rankings.pageRank.slice(0, TOP).forEach((id, i) => {
      const a = at(id);
      console.log(`  ${i + 1}. ${name(id)}  pagerank ${fmt(a.pageRank)}  degree ${a.degree}  betweenness ${fmt(a.betweenness)}`);
    });
    console.log(`\nTop ${TOP} by betweenness${m.betweennessSampled ? ' (sampled)' : ''}`);
    m.rankings.betweenness.slice(0, TOP).forEach((id, i) => {
      const a = at(id);
      console.log(`  ${i + 1}. ${name(id)}  betweenness ${fmt(a.betweenness)}  pagerank ${fmt(a.pageRank)}  degree ${a.degree}`);
    });

    console.log(`\n${m.communities.length} communities (Louvain, modularity ${m.modularity.toFixed(3)})`);
    for (const c of m.communities) {
      const shown = c.members.slice(0, 6).map(name).join(', ');
      console.log(`  #${c.id} "${c.label}" (${c.size}): ${shown}${c.size > 6 ? ', …' : ''}`);
    }

    console.log(`\nBrokers (by communities bridged, then participation coefficient)`);
    m.rankings.brokers.slice(0, EXAMPLES).forEach((id, i) => {
      const a = at(id);
      console.log(`  ${i + 1}. ${name(id)}  bridges ${a.bridgedCommunities} other communit${a.bridgedCommunities === 1 ? 'y' : 'ies'}  participation ${fmt(a.participation)}  (home: "${m.communities[a.community].label}")`);
    });
    if (m.rankings.brokers.length > EXAMPLES) console.log(`  … ${m.rankings.brokers.length - EXAMPLES} more`);

    const d = await diffBetween(store, values.from!, values.to!);
    const line = (e: TimelineEvent) => {
      const r = e.relationship;
      return `    ${e.date}  ${name(r.source)} ${r.type} ${name(r.target)}${r.role ? ` (${r.role})` : ''}`;
    };
    const gained = d.positions.reduce((n, p) => n + p.gained.length, 0);
    const lost = d.positions.reduce((n, p) => n + p.lost.length, 0);
    console.log(`\nWhat changed between ${d.from} and ${d.to}`);
    console.log(`  ${d.started.length} relationships started, ${d.ended.length} ended, ${d.uncertain.length} dated too loosely to tell`);
    console.log(`  ${d.positions.length} actors gained or lost positions (${gained} gains, ${lost} losses)`);
    console.log('  Started:');
    d.started.slice(0, EXAMPLES).forEach((e) => console.log(line(e)));
    if (d.started.length > EXAMPLES) console.log(`    … ${d.started.length - EXAMPLES} more`);
    console.log('  Ended:');
    d.ended.slice(0, EXAMPLES).forEach((e) => console.log(line(e)));
    if (d.ended.length > EXAMPLES) console.log(`    … ${d.ended.length - EXAMPLES} more`);
    console.log('  Positions:');
    for (const p of d.positions) {
      for (const c of p.gained) console.log(`    + ${name(p.actorId)}: ${c.role ?? c.type} (${c.type === 'HOLDS_POSITION' ? 'at' : 'by'} ${name(c.counterpartId)}, ${c.date})`);
      for (const c of p.lost) console.log(`    − ${name(p.actorId)}: ${c.role ?? c.type} (${c.type === 'HOLDS_POSITION' ? 'at' : 'by'} ${name(c.counterpartId)}, ${c.date})`);
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
