/**
 * The append-only journal: one framed record per acknowledged write, fsync'd
 * before the write's promise resolves.
 */
import { promises as fsp } from 'node:fs';
import { encodeFrame } from './framing';

export class JournalFile {
  private broken: Error | null = null;

  private constructor(
    readonly path: string,
    private readonly handle: fsp.FileHandle,
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
    if (this.broken) throw this.broken;
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

  /** Why the journal refuses writes, or null while it accepts them. */
  get failure(): Error | null {
    return this.broken;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
