/**
 * Reads schema.graphql, the API's source of truth, once per process, from the
 * working directory (the project root under `next dev`/`next start`, tests and
 * scripts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

export function schemaPath(): string {
  return path.join(process.cwd(), 'schema.graphql');
}

export function loadSchemaText(): string {
  cached ??= readFileSync(schemaPath(), 'utf8');
  return cached;
}
