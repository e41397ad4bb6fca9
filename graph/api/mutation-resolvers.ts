/**
 * Mutations. Who may call them is checked once per operation, before
 * execution (see server.ts); here each one validates with the model's rules,
 * writes through the store (which records the change log entry) and forgets
 * what the request's loaders and analytics had cached.
 */
import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors';
import { ID_PATTERN, isSymmetric, validateActor, validateRelationship, validateSource, type Actor, type Relationship } from '../core/model';
import { isPossibleId } from './args';
import type { ApiContext } from './context';
import type { WriteContext } from '../core/store';
import type { MutationResolvers } from './generated/schema-types';

/** Copies `patch` over `record`: omitted keys keep their value, `null` removes an optional field. */
function applyPatch<T extends object>(record: T, patch: object): Record<string, unknown> {
  const out = { ...record } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

function refuseNull(patch: Record<string, unknown>, fields: string[]): void {
  const problems = fields.filter((f) => patch[f] === null).map((path) => ({ path, message: 'cannot be cleared' }));
  if (problems.length) throw new ValidationError('Invalid patch', problems);
}

/** The request's writer plus the version the change was based on (null/omitted: no check). */
export function basedOn(ctx: ApiContext, expectedVersion: number | null | undefined, expectedMergeVersion?: number | null): WriteContext {
  const w: WriteContext = { ...ctx.writer };
  if (expectedVersion !== null && expectedVersion !== undefined) w.expectedVersion = expectedVersion;
  if (expectedMergeVersion !== null && expectedMergeVersion !== undefined) w.expectedMergeVersion = expectedMergeVersion;
  return w;
}

/** Awaits a write, then forgets what the request had cached (even when the write failed). */
export async function written<T>(ctx: ApiContext, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    ctx.afterWrite();
  }
}

/** `appointed--tokayev--smailov`, or a hashed tail when the ids are too long for one slug; `--2`, `--3`… when taken. */
async function freeRelationshipId(ctx: ApiContext, rel: Pick<Relationship, 'type' | 'source' | 'target'>): Promise<string> {
  const [a, b] = isSymmetric(rel.type) && rel.source > rel.target ? [rel.target, rel.source] : [rel.source, rel.target];
  const typeSlug = rel.type.toLowerCase().replace(/_/g, '-');
  let base = `${typeSlug}--${a}--${b}`;
  if (base.length > 120 || !ID_PATTERN.test(base)) base = `${typeSlug}--${createHash('sha256').update(`${a}\n${b}`).digest('hex').slice(0, 16)}`;
  const candidates = [base, ...Array.from({ length: 19 }, (_, i) => `${base}--${i + 2}`)];
  const existing = await ctx.store.getRelationships(candidates);
  const free = candidates.find((_, i) => existing[i] === null);
  if (!free) throw new ConflictError(`Too many relationships like "${base}"; give the new one an explicit id`);
  return free;
}

/** Every mutation but the evidence-intake ones (intake-resolvers.ts) and maps (map-resolvers.ts). */
export const mutationResolvers: Omit<MutationResolvers, 'addSource' | 'setSourceText' | 'saveMap' | 'deleteMap'> = {
  async createActor(_root, { input }, ctx) {
    const actor = validateActor(input);
    const [existing] = await ctx.store.getActors([actor.id]);
    if (existing) throw new ConflictError(`Actor "${actor.id}" already exists; use updateActor to change it`);
    return written(ctx, ctx.store.upsertActor(actor, ctx.writer));
  },

  async updateActor(_root, { id, patch, expectedVersion }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Actor', id);
    refuseNull(patch as Record<string, unknown>, ['kind', 'name']);
    const current: Actor = await ctx.store.getActor(id);
    const next = applyPatch(current, patch);
    for (const list of ['aliases', 'tags'] as const) if (patch[list] === null) next[list] = [];
    return written(ctx, ctx.store.upsertActor(validateActor({ ...next, id }), basedOn(ctx, expectedVersion)));
  },

  async deleteActor(_root, { id, cascade, expectedVersion }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Actor', id);
    await written(ctx, ctx.store.deleteActor(id, { cascade: cascade ?? false }, basedOn(ctx, expectedVersion)));
    return id;
  },

  async mergeActors(_root, { keepId, mergeId, expectedVersion, expectedMergeVersion }, ctx) {
    for (const id of [keepId, mergeId]) if (!isPossibleId(id)) throw new NotFoundError('Actor', id);
    if (keepId === mergeId) throw new ValidationError('Invalid merge', [{ path: 'mergeId', message: 'must differ from keepId' }]);
    return written(ctx, ctx.store.mergeActors(keepId, mergeId, basedOn(ctx, expectedVersion, expectedMergeVersion)));
  },

  async createRelationship(_root, { input }, ctx) {
    // Validate the shape first (with a placeholder id when none was given), so bad input never reaches the store.
    const checked = validateRelationship({ ...input, id: input.id ?? 'pending' });
    let id: string;
    if (input.id) {
      const [existing] = await ctx.store.getRelationships([input.id]);
      if (existing) throw new ConflictError(`Relationship "${input.id}" already exists; use updateRelationship to change it`);
      id = input.id;
    } else {
      id = await freeRelationshipId(ctx, checked);
    }
    return written(ctx, ctx.store.upsertRelationship({ ...checked, id }, ctx.writer));
  },

  async updateRelationship(_root, { id, patch, expectedVersion }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Relationship', id);
    refuseNull(patch as Record<string, unknown>, ['type', 'source', 'target', 'citations']);
    const current = await ctx.store.getRelationship(id);
    const next = applyPatch(current, patch);
    if (next.amount === undefined && patch.currency === undefined) delete next.currency; // clearing an amount clears its currency
    return written(ctx, ctx.store.upsertRelationship(validateRelationship({ ...next, id }), basedOn(ctx, expectedVersion)));
  },

  async deleteRelationship(_root, { id, expectedVersion }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Relationship', id);
    await written(ctx, ctx.store.deleteRelationship(id, basedOn(ctx, expectedVersion)));
    return id;
  },

  upsertSource: (_root, { input, expectedVersion }, ctx) => written(ctx, ctx.store.upsertSource(validateSource(input), basedOn(ctx, expectedVersion))),

  async deleteSource(_root, { id, expectedVersion }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Source', id);
    await written(ctx, ctx.store.deleteSource(id, basedOn(ctx, expectedVersion)));
    return id;
  },
};
