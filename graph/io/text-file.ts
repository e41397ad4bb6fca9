/**
 * Text files too big for one string, read and written a few megabytes at a
 * time: V8 cannot make a string longer than about 512 MB, and a million-record
 * import is bigger than that. The streamed readers (line-stream.ts for FtM,
 * the JSON and CSV formats) read through `readTextChunks`; the streamed
 * writers write through `writeTextFile`.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { ValidationError } from '../core/errors';

export interface ChunkProgress {
  /** Bytes read so far. */
  bytes: number;
  totalBytes: number;
}

const CHUNK = 4 * 1024 * 1024;

/** The size of a readable regular file; a missing file, a directory or an unreadable path is a ValidationError. */
export async function textFileSize(file: string): Promise<number> {
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new ValidationError(`Cannot read ${file}`, [{ path: file, message: 'cannot be read' }]);
  return stat.size;
}

/** The file's bytes in chunks of up to 4 MiB; a NUL byte (a binary file) is a ValidationError. */
export async function* readTextChunks(file: string, onChunk?: (p: ChunkProgress) => void): AsyncGenerator<Buffer> {
  const totalBytes = await textFileSize(file);
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (chunk.includes(0)) throw new ValidationError(`${file} is a binary file`, [{ path: file, message: 'is not text' }]);
    bytes += chunk.length;
    yield chunk;
    onChunk?.({ bytes, totalBytes });
  }
}

/** Writes pieces of text to a file, a few megabytes per write. Returns the number of pieces. */
export async function writeTextFile(file: string, pieces: Iterable<string>): Promise<number> {
  const handle = await fsp.open(file, 'w');
  let count = 0;
  try {
    let pending: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      pending.push(piece);
      size += piece.length;
      count++;
      if (size > CHUNK) {
        await handle.write(pending.join(''));
        pending = [];
        size = 0;
      }
    }
    await handle.write(pending.join(''));
  } finally {
    await handle.close();
  }
  return count;
}
