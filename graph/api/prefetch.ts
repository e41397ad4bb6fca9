/**
 * Look-ahead loading for lists: before a list of relationships or actors is
 * returned, the records its selection will ask for (relationship ends, cited
 * sources, countries, degrees) are fetched in one batch, so every element then resolves
 * synchronously from `loaders.known`. Same number of store calls as the
 * loaders alone; far fewer promises for graphql-js to settle.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Actor, Relationship } from '../core/model';
import type { ApiContext } from './context';

/** True when the field being resolved selects `path` (e.g. ['citations', 'source']), through fragments too. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const walk = (set: SelectionSetNode | undefined, i: number, seen: Set<string>): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === path[i] && (i === path.length - 1 || walk(sel.selectionSet, i + 1, seen))) return true;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (walk(sel.selectionSet, i, seen)) return true;
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (walk(info.fragments[sel.name.value]?.selectionSet, i, seen)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet, 0, new Set()));
}

/** Loads the given actors and sources in one batch each (callers pass only ids this request does not know yet). */
async function load(ctx: ApiContext, actorIds: Set<string>, sourceIds: Set<string>): Promise<void> {
  // Missing records are left to the field resolvers, which report NOT_FOUND where they occur.
  await Promise.all([
    actorIds.size ? ctx.loaders.actors.loadMany([...actorIds]) : null,
    sourceIds.size ? ctx.loaders.sources.loadMany([...sourceIds]) : null,
  ]);
}

/** Returns `rels` once the ends and cited sources its selection asks for are loaded. */
export async function withRelationshipRefs(ctx: ApiContext, info: GraphQLResolveInfo, rels: Relationship[]): Promise<Relationship[]> {
  const ends = selects(info, ['source']) || selects(info, ['target']);
  const cited = selects(info, ['citations', 'source']);
  if (!ends && !cited) return rels;
  const { known } = ctx.loaders;
  const actorIds = new Set<string>();
  const sourceIds = new Set<string>();
  for (const r of rels) {
    if (ends) {
      if (!known.actors.has(r.source)) actorIds.add(r.source);
      if (!known.actors.has(r.target)) actorIds.add(r.target);
    }
    if (cited) for (const c of r.citations) if (!known.sources.has(c.sourceId)) sourceIds.add(c.sourceId);
  }
  if (actorIds.size || sourceIds.size) await load(ctx, actorIds, sourceIds);
  return rels;
}

/** Returns `actors` once the countries and degrees its selection asks for are loaded. */
export async function withActorRefs(ctx: ApiContext, info: GraphQLResolveInfo, actors: Actor[]): Promise<Actor[]> {
  const { known } = ctx.loaders;
  const countries = new Set<string>();
  if (selects(info, ['country'])) for (const a of actors) if (a.country && !known.actors.has(a.country)) countries.add(a.country);
  const degrees = selects(info, ['degree']) ? actors.filter((a) => !known.degrees.has(a.id)).map((a) => a.id) : [];
  if (countries.size || degrees.length) await Promise.all([load(ctx, countries, new Set()), degrees.length ? ctx.loaders.degrees.loadMany(degrees) : null]);
  return actors;
}
