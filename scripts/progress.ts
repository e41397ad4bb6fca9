/**
 * Progress of a long command on stderr: a bar redrawn in place on a terminal
 * (records/s and an ETA from the share of bytes read), and on anything else
 * (logs, CI, pipes) a plain line at most every few seconds.
 */
export interface ProgressSnapshot {
  done: number;
  total: number;
  records: number;
}

const BAR = 28;
const PLAIN_EVERY_MS = 5000;
const REDRAW_EVERY_MS = 100;

const seconds = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** One progress line: share done, records, rate, elapsed, ETA. */
export function progressLine(label: string, p: ProgressSnapshot, elapsedMs: number, bar: boolean): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const rate = elapsedMs > 0 ? (p.records / elapsedMs) * 1000 : 0;
  const eta = share > 0 && share < 1 ? seconds((elapsedMs / share) * (1 - share)) : share >= 1 ? '0 s' : '?';
  const filled = Math.round(share * BAR);
  const head = bar ? `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ` : '';
  return `${label}: ${head}${(share * 100).toFixed(1)}%, ${p.records.toLocaleString('en-US')} records, ${Math.round(rate).toLocaleString('en-US')} records/s, ${seconds(elapsedMs)} elapsed, ETA ${eta}`;
}

export function createProgress(label: string, out: NodeJS.WriteStream = process.stderr): { update(p: ProgressSnapshot): void; end(): void } {
  const tty = out.isTTY === true;
  const started = performance.now();
  let last = -Infinity;
  let latest: ProgressSnapshot | null = null;
  const draw = () => {
    if (!latest) return;
    const line = progressLine(label, latest, performance.now() - started, tty);
    out.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  };
  return {
    update(p) {
      latest = p;
      const now = performance.now();
      if (now - last < (tty ? REDRAW_EVERY_MS : PLAIN_EVERY_MS)) return;
      last = now;
      draw();
    },
    end() {
      draw();
      if (tty && latest) out.write('\n');
    },
  };
}
