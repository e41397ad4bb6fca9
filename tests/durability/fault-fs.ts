/**
 * Preload for journal-fault.test.ts: a fault at the file layer. While the file
 * named by STEPPE_FAULT_FILE exists, Node's FileHandle write, sync and truncate
 * fail with EPERM (as when a volume turns read-only or a security agent
 * blocks it for a moment); once it is removed they work again. Our own code is
 * untouched.
 *
 * Usage: node --import tsx --import ./fault-fs.ts <script>
 */
import { existsSync, promises as fsp } from 'node:fs';

const trigger = process.env.STEPPE_FAULT_FILE;
if (trigger) {
  const probe = await fsp.open('/dev/null', 'r');
  const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  await probe.close();
  for (const name of ['write', 'sync', 'truncate']) {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      if (existsSync(trigger)) return Promise.reject(Object.assign(new Error(`EPERM: operation not permitted, ${name}`), { code: 'EPERM', syscall: name }));
      return original.apply(this, args);
    };
  }
}
