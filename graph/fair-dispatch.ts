/**
 * Fair request dispatch for the server process: hands HTTP requests to the
 * server's handler (Next's, for every route) one per event-loop turn, in
 * arrival order, instead of all at once.
 *
 * Why: since libuv 1.45 (Node 20) a listening socket accepts ONE connection
 * per event-loop turn (libuv PR #3696). Without this, a turn runs every ready
 * request on every accepted connection to completion (with the embedded
 * store a whole GraphQL request is one chain of microtasks), so under load a
 * turn takes concurrency × cost per request, and a connection that arrives
 * while others are busy waits one such turn per connection ahead of it to be
 * accepted at all. Measured at 128 connections: a quarter to three quarters
 * of the connections got no answer in 15 s while the rest were served many
 * times over (bench/README.md, "Server load"). One dispatch per turn keeps
 * turns short, so accepting keeps pace, and serves connections in turn.
 * It is not a concurrency limit: a dispatched request that waits for I/O
 * does not hold back the next one.
 */
import http from 'node:http';

const INSTALLED = Symbol.for('steppe.fairDispatch');

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** Installs fair dispatch on every http.Server of this process (once; later calls do nothing). */
export function installFairDispatch(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as Emit;
  const waiting: (() => void)[] = [];
  let scheduled = false;

  // setImmediate from inside a check-phase callback runs on the NEXT turn, after its poll phase (where accepting happens).
  const dispatchOne = () => {
    waiting.shift()?.();
    if (waiting.length) setImmediate(dispatchOne);
    else scheduled = false;
  };

  const fair: Emit = function (event, ...args) {
    if (event !== 'request') return emit.call(this, event, ...args);
    waiting.push(() => emit.call(this, event, ...args));
    if (!scheduled) {
      scheduled = true;
      setImmediate(dispatchOne);
    }
    return this.listenerCount('request') > 0;
  };
  proto.emit = fair as http.Server['emit'];
}
