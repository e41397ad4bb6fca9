/**
 * Reads a text file line by line without ever holding it whole: a 1-million-
 * entity FtM file is gigabytes, past the longest string V8 can make. Lines are
 * numbered from 1; `\r\n` endings and a missing final newline are accepted.
 */
import { readTextChunks, type ChunkProgress } from './text-file';

export interface LineProgress extends ChunkProgress {
  lines: number;
}

const NEWLINE = 0x0a;

export async function* readLines(file: string, onChunk?: (p: LineProgress) => void): AsyncGenerator<{ line: number; text: string }> {
  let line = 0;
  let rest: Buffer | null = null;
  const decode = (buf: Buffer, start: number, end: number) => buf.toString('utf8', start, end > start && buf[end - 1] === 0x0d ? end - 1 : end);
  for await (const chunk of readTextChunks(file, (p) => onChunk?.({ ...p, lines: line }))) {
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
      line++;
      yield { line, text: decode(buf, start, nl) };
      start = nl + 1;
    }
    rest = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
  }
  if (rest) {
    line++;
    yield { line, text: decode(rest, 0, rest.length) };
  }
}
