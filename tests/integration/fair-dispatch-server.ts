/**
 * Child process for fair-dispatch.test.ts: a node:http server whose every
 * request costs `work` ms of CPU, as a GraphQL request on the embedded store
 * does (one chain of microtasks, no I/O), with or without fair dispatch.
 * Prints `listening <port>`.
 * Usage: node --import tsx fair-dispatch-server.ts <fair|plain> <work ms>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { installFairDispatch } from '../../graph/fair-dispatch';

const [mode, work] = process.argv.slice(2);
if (mode === 'fair') installFairDispatch();
const server = http.createServer((_req, res) => {
  const until = performance.now() + Number(work);
  while (performance.now() < until);
  res.end('ok');
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
