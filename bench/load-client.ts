/**
 * The load generator, run in its own process so it does not share an event
 * loop with the server it measures: autocannon against one URL with a fixed
 * number of connections for a fixed time, cycling through the given POST
 * bodies. Receives its job over IPC and answers with a LoadResult.
 */
import autocannon from 'autocannon';
import { summarize, type Summary } from './stats';

export interface LoadJob {
  url: string;
  /** POST bodies to cycle through; none sends GET requests. */
  bodies: string[];
  connections: number;
  durationSeconds: number;
  /** When autocannon gives up on a request (default 10 s); the slow requests are only seen if this is above them. */
  timeoutSeconds?: number;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: Summary & { p99: number };
  /** Requests that took over 2 s. */
  over2s: number;
  /** Socket errors and timeouts, non-2xx answers, and 2xx answers carrying GraphQL `errors`. */
  errors: { connection: number; timeouts: number; non2xx: number; graphql: number };
  /** autocannon's own latency percentiles, as a cross-check. */
  autocannon: { p50: number; p97_5: number; p99: number };
}

export function runLoad(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.durationSeconds,
        pipelining: 1,
        timeout: job.timeoutSeconds ?? 10,
        requests: [
          job.bodies.length
            ? {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
                setupRequest: (request) => ({ ...request, body: job.bodies[next++ % job.bodies.length] }),
                onResponse: (status, body) => {
                  if (status === 200 && body.includes('"errors"')) graphqlErrors++;
                },
              }
            : { method: 'GET' },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = [...latencies].sort((a, b) => a - b);
        resolve({
          connections: job.connections,
          durationSeconds: result.duration,
          requests: latencies.length,
          requestsPerSecond: latencies.length / result.duration,
          latency: { ...summarize(latencies), p99: sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN },
          over2s: latencies.filter((l) => l > 2000).length,
          errors: { connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
          autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
        });
      },
    );
    // The tracker emits (client, statusCode, bytes, responseTime); the typings omit the client.
    (instance as unknown as NodeJS.EventEmitter).on('response', (...args: unknown[]) => {
      latencies.push(args[args.length - 1] as number);
    });
  });
}

if (process.send && process.argv[1]?.endsWith('load-client.ts')) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (e: unknown) => process.send!({ ok: false, message: e instanceof Error ? e.message : String(e) }, () => process.exit(1)),
    );
  });
}
