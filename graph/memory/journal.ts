/**
 * The append-only journal: one framed record per acknowledged write, fsync'd
 * before the write's promise resolves.
 */
import { promises as fsp } from 'node:fs';
import { encodeFrame } from './framing';

export class JournalFile {
  private broken: Error | null = null;
  private healing: Promise<void> | null = null;

  private constructor(
    readonly path: string,
    private handle: fsp.FileHandle,
    /** Bytes of whole, durable records. */
    public size: number,
  ) {}

  /** Opens (creating if missing) for appending. The caller fsyncs the directory after creating a file. */
  static async open(path: string): Promise<JournalFile> {
    const handle = await fsp.open(path, 'a');
    const { size } = await handle.stat();
    return new JournalFile(path, handle, size);
  }

  /**
   * Appends one record and fsyncs. On failure the file is cut back to its last
   * whole record, so a failed write can never leave half a record for the next
   * one to land behind; if even that fails the journal refuses further writes.
   */
  async append(value: unknown): Promise<void> {
    if (this.broken) await this.heal();
    const frame = encodeFrame(value);
    try {
      let written = 0;
      while (written < frame.length) {
        const { bytesWritten } = await this.handle.write(frame, written, frame.length - written);
        written += bytesWritten;
      }
      await this.handle.sync();
      this.size += frame.length;
    } catch (e) {
      try {
        await this.handle.truncate(this.size);
        await this.handle.sync();
      } catch {
        this.broken = new Error(`journal ${this.path} could not be restored after a failed write`, { cause: e });
      }
      throw e;
    }
  }

  /**
   * After a failed write could not be undone (the disk refused the truncate
   * too), tries again: reopens the file, cuts it back to the last whole
   * record and syncs. Succeeds once the fault has passed (a transient EPERM,
   * a full disk freed); otherwise the journal stays refusing and this throws.
   * Called before the next write and by health checks, so the store recovers
   * without a restart.
   */
  heal(): Promise<void> {
    if (!this.broken) return Promise.resolve();
    this.healing ??= (async () => {
      try {
        // Append mode, like `open`: every write lands at the end whatever the file position.
        const handle = await fsp.open(this.path, 'a');
        try {
          const { size } = await handle.stat();
          if (size > this.size) await handle.truncate(this.size);
          await handle.sync();
        } catch (e) {
          await handle.close().catch(() => undefined);
          throw e;
        }
        await this.handle.close().catch(() => undefined);
        this.handle = handle;
        this.broken = null;
      } catch (e) {
        throw new Error(`journal ${this.path} still cannot be written`, { cause: e });
      } finally {
        this.healing = null;
      }
    })();
    return this.healing;
  }

  /** Why the journal refuses writes, or null while it accepts them. */
  get failure(): Error | null {
    return this.broken;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
