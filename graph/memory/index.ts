/** The embedded store. See README.md in this directory for its on-disk format and guarantees. */
export { MemoryStore, DEFAULT_COMPACT_AFTER_BYTES, DEFAULT_SNAPSHOT_IMPORTS_ABOVE, type MemoryStoreOptions } from './memory-store';
