/**
 * Child process for crash.test.ts: opens a store and writes forever, printing
 * `ack <kind> <id>` the moment each write's promise resolves. The parent
 * SIGKILLs it mid-stream and checks every acknowledged write survived.
 *
 * Usage: node --import tsx crash-writer.ts <dataDir> <compactAfterBytes>
 */
import { MemoryStore } from '../../graph/memory';

const [dataDir, compactAfterBytes] = process.argv.slice(2);
const store = await MemoryStore.open({ dataDir, compactAfterBytes: Number(compactAfterBytes) });
const ack = (kind: string, id: string) => process.stdout.write(`ack ${kind} ${id}\n`);

await store.upsertSource({ id: 'src', title: 'Crash test source' });
ack('source', 'src');
for (let i = 0; ; i++) {
  // Several writes in flight at once: the store must serialise them and still make each durable.
  const batch: Promise<void>[] = [];
  for (let j = 0; j < 4; j++) {
    const id = `p-${i}-${j}`;
    batch.push(
      store
        .upsertActor({ id, kind: 'PERSON', name: `Person ${i} ${j}`, aliases: [`Alias ${i}`], tags: [], summary: 'x'.repeat(200) })
        .then(() => {
          ack('actor', id);
        }),
    );
  }
  await Promise.all(batch);
  const relId = `r-${i}`;
  await store.upsertRelationship({
    id: relId,
    type: 'ALLIED_WITH',
    source: `p-${i}-1`,
    target: `p-${i}-0`,
    start: '2022-01',
    citations: [{ sourceId: 'src', excerpt: `Evidence ${i}` }],
  });
  ack('relationship', relId);
  if (i % 5 === 4) {
    await store.deleteActor(`p-${i}-3`);
    ack('deleted', `p-${i}-3`);
  }
}
