/**
 * Child process for lock.test.ts: tries to open the store in <dataDir> and
 * prints `opened` or `refused <code> <message>`, then exits.
 *
 * Usage: node --import tsx lock-opener.ts <dataDir>
 */
import { isSteppeError } from '../../graph/core/errors';
import { MemoryStore } from '../../graph/memory';

try {
  const store = await MemoryStore.open({ dataDir: process.argv[2] });
  console.log('opened');
  await store.close();
} catch (e) {
  if (!isSteppeError(e)) throw e;
  console.log(`refused ${e.code} ${e.message}`);
}
