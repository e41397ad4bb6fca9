/**
 * Reads a text file line by line without ever holding it whole: a 1-million-
 * entity FtM file is gigabytes, past the longest string V8 can make. Lines are
 * numbered from 1; `\r\n` endings and a missing final newline are accepted.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { ValidationError } from '../core/errors';

export interface LineProgress {
  bytes: number;
  totalBytes: number;
  lines: number;
}

const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export async function* readLines(file: string, onChunk?: (p: LineProgress) => void): AsyncGenerator<{ line: number; text: string }> {
  const stat = await fsp.stat(file).catch(() => {
    throw new ValidationError(`Cannot read ${file}`, [{ path: file, message: 'cannot be read' }]);
  });
  let line = 0;
  let bytes = 0;
  let rest: Buffer | null = null;
  const decode = (buf: Buffer, start: number, end: number) => buf.toString('utf8', start, end > start && buf[end - 1] === 0x0d ? end - 1 : end);
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (chunk.includes(0)) throw new ValidationError(`${file} is a binary file`, [{ path: file, message: 'is not text' }]);
    bytes += chunk.length;
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
      line++;
      yield { line, text: decode(buf, start, nl) };
      start = nl + 1;
    }
    rest = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
    onChunk?.({ bytes, totalBytes: stat.size, lines: line });
  }
  if (rest) {
    line++;
    yield { line, text: decode(rest, 0, rest.length) };
  }
}
