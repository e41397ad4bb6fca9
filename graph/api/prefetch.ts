/**
 * Look-ahead loading for lists: before a list of relationships or actors is
 * returned, the records its selection will ask for (relationship ends, cited
 * sources, countries) are fetched in one batch, so every element then resolves
 * synchronously from `loaders.known`. Same number of store calls as the
 * loaders alone; far fewer promises for graphql-js to settle.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Actor, Relationship } from '../model';
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

async function loadMissing(ctx: ApiContext, actorIds: Iterable<string>, sourceIds: Iterable<string>): Promise<void> {
  const { known } = ctx.loaders;
  const actors = [...new Set(actorIds)].filter((id) => !known.actors.has(id));
  const sources = [...new Set(sourceIds)].filter((id) => !known.sources.has(id));
  // Missing records are left to the field resolvers, which report NOT_FOUND where they occur.
  await Promise.all([actors.length ? ctx.loaders.actors.loadMany(actors) : null, sources.length ? ctx.loaders.sources.loadMany(sources) : null]);
}

/** Returns `rels` once the ends and cited sources its selection asks for are loaded. */
export async function withRelationshipRefs(ctx: ApiContext, info: GraphQLResolveInfo, rels: Relationship[]): Promise<Relationship[]> {
  const ends = selects(info, ['source']) || selects(info, ['target']);
  const cited = selects(info, ['citations', 'source']);
  if (ends || cited) {
    await loadMissing(
      ctx,
      ends ? rels.flatMap((r) => [r.source, r.target]) : [],
      cited ? rels.flatMap((r) => r.citations.map((c) => c.sourceId)) : [],
    );
  }
  return rels;
}

/** Returns `actors` once the countries its selection asks for are loaded. */
export async function withActorRefs(ctx: ApiContext, info: GraphQLResolveInfo, actors: Actor[]): Promise<Actor[]> {
  if (selects(info, ['country'])) await loadMissing(ctx, actors.flatMap((a) => (a.country ? [a.country] : [])), []);
  return actors;
}
