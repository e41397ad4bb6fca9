import { describe, expect, it } from 'vitest';
import { BATCH_SIZE, BATCHES_IN_FLIGHT, runInBatches } from '@/graph/neo4j/apply';
import type { QueryRunner, Row } from '@/graph/neo4j/executor';

/** A transaction that answers each statement only when the test says so, like a server still running it. */
class HeldTransaction implements QueryRunner {
  readonly sent: { statement: string; size: number; answer: () => void; fail: (e: Error) => void }[] = [];
  pending = 0;
  maxPending = 0;

  run(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.pending++;
      this.maxPending = Math.max(this.maxPending, this.pending);
      const settle = () => this.pending--;
      this.sent.push({
        statement,
        size: (params.rows as unknown[]).length,
        answer: () => (settle(), resolve([])),
        fail: (e) => (settle(), reject(e)),
      });
    });
  }
}

const items = (n: number) => Array.from({ length: n }, (_, i) => i);
const tick = () => new Promise((r) => setImmediate(r));

describe('runInBatches', () => {
  it('sends the next batch before the previous one is answered, never more than BATCHES_IN_FLIGHT, in order', async () => {
    const tx = new HeldTransaction();
    const done = runInBatches(tx, 'S', items(2 * BATCH_SIZE + 500), (batch) => ({ rows: batch }));
    await tick();
    // Both first batches are on their way before either is answered.
    expect(tx.sent.map((s) => s.size)).toEqual([BATCH_SIZE, BATCH_SIZE]);
    tx.sent[0].answer();
    await tick();
    expect(tx.sent.map((s) => s.size)).toEqual([BATCH_SIZE, BATCH_SIZE, 500]);
    tx.sent[1].answer();
    tx.sent[2].answer();
    await done;
    expect(tx.maxPending).toBe(BATCHES_IN_FLIGHT);
    expect(tx.sent.every((s) => s.statement === 'S')).toBe(true);
  });

  it('sends nothing for no items', async () => {
    const tx = new HeldTransaction();
    await runInBatches(tx, 'S', [], (batch) => ({ rows: batch }));
    expect(tx.sent).toHaveLength(0);
  });

  it('throws the first failure once every batch sent has settled, and sends no more', async () => {
    const tx = new HeldTransaction();
    let settled: unknown = 'pending';
    const done = runInBatches(tx, 'S', items(5 * BATCH_SIZE), (batch) => ({ rows: batch })).then(
      () => (settled = 'resolved'),
      (e: Error) => (settled = e),
    );
    await tick();
    tx.sent[0].fail(new Error('first'));
    await tick();
    // The second batch is still running: the failure is not reported before it settles.
    expect(settled).toBe('pending');
    tx.sent[1].fail(new Error('second, caused by the first'));
    await done;
    expect((settled as Error).message).toBe('first');
    expect(tx.sent).toHaveLength(2);
    expect(tx.pending).toBe(0);
  });
});
