/**
 * Child process for journal-fault.test.ts: the real GraphQL and health routes
 * over node:http on the embedded store in STEPPE_DATA_DIR. Prints
 * `listening <base url>` once ready.
 */
import { GET as health } from '../../app/api/health/route';
import * as graphql from '../../app/api/graphql/route';
import { serve } from '../api/http-harness';

const dispatch = (request: Request) => (new URL(request.url).pathname === '/api/health' ? health() : request.method === 'POST' ? graphql.POST(request) : graphql.GET(request));
const server = await serve({ GET: dispatch, POST: dispatch });
console.log(`listening ${server.url.replace(/\/api\/graphql$/, '')}`);
