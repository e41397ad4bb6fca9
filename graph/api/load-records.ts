/**
 * Records by id for field resolvers: synchronously when this request already
 * holds them (loaders.known), else through the request's DataLoaders, so
 * lookups made while resolving one level of a query become one store call.
 */
import { NotFoundError } from '../core/errors';
import type { Actor, Relationship, Source } from '../core/model';
import { isPossibleId } from './args';
import type { ApiContext } from './context';

/** The actor with this id: at once when this request already has it, else through the loader. NOT_FOUND when none has the id. */
export function loadActor(ctx: ApiContext, id: string): Actor | Promise<Actor> {
  return ctx.loaders.known.actors.get(id) ?? loadViaLoader(ctx, id);
}

async function loadViaLoader(ctx: ApiContext, id: string): Promise<Actor> {
  const actor = isPossibleId(id) ? await ctx.loaders.actors.load(id) : null;
  if (!actor) throw new NotFoundError('Actor', id);
  return actor;
}

export function loadSource(ctx: ApiContext, id: string): Source | Promise<Source> {
  return ctx.loaders.known.sources.get(id) ?? loadSourceViaLoader(ctx, id);
}

async function loadSourceViaLoader(ctx: ApiContext, id: string): Promise<Source> {
  const source = isPossibleId(id) ? await ctx.loaders.sources.load(id) : null;
  if (!source) throw new NotFoundError('Source', id);
  return source;
}

/**
 * Each source `rels` cite, once, ordered by id (Neighborhood.sources,
 * Path.sources): one batch for those this request does not hold yet.
 * NOT_FOUND when one is missing, as for Citation.source.
 */
export function loadCitedSources(ctx: ApiContext, rels: readonly Relationship[]): Promise<Source[]> {
  const ids = new Set<string>();
  for (const r of rels) for (const c of r.citations) ids.add(c.sourceId);
  return Promise.all([...ids].sort().map((id) => loadSource(ctx, id)));
}

/** Several actors at once (one batch); NOT_FOUND when one is missing. */
export function loadActors(ctx: ApiContext, ids: readonly string[]): Promise<Actor[]> {
  return Promise.all(ids.map((id) => loadActor(ctx, id)));
}
