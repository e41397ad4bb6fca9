/**
 * Evidence intake over GraphQL: a source's stored text (Source.hasText/text/
 * textCheck), adding or replacing it (addSource, setSourceText: pasted text or
 * an uploaded file decoded by graph/intake/text.ts, checked by graph/core/source-text.ts), and proposals computed
 * from it (Query.intake). Proposals are never written here: a reviewer accepts
 * one with the ordinary createRelationship/createActor mutations, citing the
 * proposal's verbatim excerpt.
 */
import { ConflictError, UnauthenticatedError, ValidationError } from '../core/errors';
import type { CitationReport } from '../core/citations';
import { checkSourceText } from '../core/source-text';
import { decodeUpload, MAX_UPLOAD_BYTES, MIN_PROPOSAL_CONFIDENCE } from '../intake';
import { validateSource, type Actor, type Relationship, type Source } from '../core/model';
import type { GraphStore } from '../core/store';
import { isPossibleId } from './args';
import type { ApiContext } from './context';
import { basedOn, written } from './mutation-resolvers';
import type {
  IntakeProposalsParent,
  MutationResolvers,
  QueryResolvers,
  RelationshipProposalParent,
  SourceResolvers,
  SourceTextInput,
  TextCheckParent,
  TextFormat,
} from './generated/schema-types';


function refuse(path: string, message: string): never {
  throw new ValidationError('Invalid source text', [{ path, message }]);
}

/** The text of a SourceTextInput: pasted text as is, an upload decoded strictly. Exactly one must be given. */
export function readSourceText(input: SourceTextInput): { text: string; format: TextFormat; encoding: string | null } {
  const pasted = input.text ?? undefined;
  const file = input.file ?? undefined;
  if ((pasted === undefined) === (file === undefined)) refuse('text', 'give exactly one of `text` (pasted) or `file` (uploaded)');
  if (pasted !== undefined) return { text: checkSourceText(pasted), format: 'TEXT', encoding: null };
  const b64 = file!.base64.replace(/\s+/g, '');
  // Checked before decoding: Buffer.from ignores bad characters, and a huge string should not be decoded at all.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) refuse('text.file.base64', 'is not valid base64');
  if (Math.floor((b64.length * 3) / 4) > MAX_UPLOAD_BYTES + 2) refuse('text.file', `is larger than ${MAX_UPLOAD_BYTES} bytes`);
  const decoded = decodeUpload(new Uint8Array(Buffer.from(b64, 'base64')), file!.filename, file!.charset ?? undefined);
  return { text: decoded.text, format: decoded.format.toUpperCase() as TextFormat, encoding: decoded.encoding };
}

/** A citation report with each stale citation's relationship record (gone ones are left out). */
async function textCheckOf(store: GraphStore, report: CitationReport): Promise<TextCheckParent> {
  const ids = [...new Set(report.stale.map((s) => s.relationshipId))];
  const rels = new Map((await store.getRelationships(ids)).filter((r): r is Relationship => r !== null).map((r) => [r.id, r]));
  return {
    checkedCitations: report.checked,
    stale: report.stale.flatMap((s) => {
      const relationship = rels.get(s.relationshipId);
      return relationship ? [{ relationship, citationIndex: s.citationIndex, excerpt: s.excerpt, reason: s.reason === 'spacing' ? 'SPACING' : 'MISSING' }] : [];
    }),
  };
}

async function allActors(store: GraphStore): Promise<Actor[]> {
  const out: Actor[] = [];
  let after: string | null = null;
  do {
    const page = await store.findActors({ first: 500, after });
    for (const hit of page.items) out.push(hit.actor);
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return out;
}

async function allCiting(store: GraphStore, sourceId: string): Promise<Relationship[]> {
  const out: Relationship[] = [];
  let after: string | null = null;
  do {
    const page = await store.listRelationships({ sourceId }, { first: 500, after });
    out.push(...page.items);
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The analysis of a source's text, from the API's cache (intake-analyses.ts).
 * Only an admin may start one; anyone is served one that exists or is running.
 */
async function analysisFor(ctx: ApiContext, source: Source, text: string, actors: Actor[]) {
  const kept = await ctx.intake.get(source.id, text, actors, ctx.auth === 'ADMIN');
  if (!kept) {
    throw new UnauthenticatedError(
      `Proposals for source "${source.id}" have not been computed since its text was last set; computing them needs the admin token (send it as "Authorization: Bearer <token>").`,
    );
  }
  return kept.analysis;
}

/** Proposals for a source's text, each marked with what the graph already holds. */
async function proposalsFor(ctx: ApiContext, source: Source, text: string, minConfidence: number | undefined): Promise<IntakeProposalsParent> {
  const actors = await allActors(ctx.store);
  const byId = new Map(actors.map((a) => [a.id, a]));
  const analysis = await analysisFor(ctx, source, text, actors);
  // The analysis keeps every proposal (floor 0); a kept one may name an actor deleted since.
  const floor = minConfidence ?? MIN_PROPOSAL_CONFIDENCE;
  const result = {
    ...analysis,
    relationshipProposals: analysis.relationshipProposals.filter((p) => p.confidence >= floor && byId.has(p.source) && byId.has(p.target)),
  };
  ctx.loaders.primeActors(actors.filter((a) => result.relationshipProposals.some((p) => p.source === a.id || p.target === a.id)));

  // Accepted: a relationship between the same two actors cites this very excerpt of this source (whatever type or direction the reviewer chose).
  const citedHere = new Map<string, Relationship>();
  for (const rel of await allCiting(ctx.store, source.id)) {
    for (const c of rel.citations) if (c.sourceId === source.id) citedHere.set(`${pairKey(rel.source, rel.target)}|${c.excerpt}`, rel);
  }
  const ends = [...new Set(result.relationshipProposals.map((p) => p.source))];
  const types = [...new Set(result.relationshipProposals.map((p) => p.type))];
  const incident = ends.length ? await ctx.store.relationshipsOfActors(ends, { types }) : new Map<string, Relationship[]>();

  const relationships: RelationshipProposalParent[] = result.relationshipProposals.map((p) => {
    const acceptedAs = citedHere.get(`${pairKey(p.source, p.target)}|${p.excerpt}`) ?? null;
    const existing = (incident.get(p.source) ?? []).filter((r) => r.type === p.type && pairKey(r.source, r.target) === pairKey(p.source, p.target));
    return {
      id: p.id,
      type: p.type,
      source: byId.get(p.source)!,
      target: byId.get(p.target)!,
      excerpt: p.excerpt,
      excerptStart: p.excerptStart,
      excerptEnd: p.excerptEnd,
      sourceSpan: p.sourceSpan,
      targetSpan: p.targetSpan,
      confidence: p.confidence,
      cue: p.cue,
      basis: p.basis,
      role: p.role ?? null,
      start: p.start ?? null,
      reported: p.reported ?? null,
      sourceText: p.sourceText,
      targetText: p.targetText,
      rule: p.rule,
      reason: p.reason,
      accepted: acceptedAs !== null,
      acceptedAs,
      existing,
    };
  });
  return {
    source,
    sentenceCount: result.sentenceCount,
    relationships,
    actors: result.actorProposals.map((a) => ({ name: a.name, guessedKind: a.guessedKind, occurrences: a.occurrences, firstStart: a.firstStart })),
  };
}

export const intakeQueryResolvers: Pick<QueryResolvers, 'intake'> = {
  async intake(_root, { sourceId, minConfidence }, ctx) {
    if (!isPossibleId(sourceId)) return null;
    if (minConfidence !== null && minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
      throw new ValidationError('Invalid argument', [{ path: 'minConfidence', message: 'must be between 0 and 1' }]);
    }
    const [source] = await ctx.store.getSources([sourceId]);
    if (!source) return null;
    const text = await ctx.store.getSourceText(sourceId);
    if (text === null) throw new ValidationError('No source text', [{ path: 'sourceId', message: `source "${sourceId}" has no stored text; add one with setSourceText` }]);
    return proposalsFor(ctx, source, text, minConfidence ?? undefined);
  },
};

/** Starts (does not await) the new text's analysis on the admin's write, so reviewers without the token find it ready. */
async function startAnalysis(ctx: ApiContext, source: Source, text: string): Promise<void> {
  const kept = await ctx.intake.get(source.id, text, await allActors(ctx.store), true);
  kept?.analysis.catch((e: unknown) => console.error(`steppe: intake analysis of source "${source.id}" failed: ${(e as Error).message}`));
}

export const intakeMutationResolvers: Pick<MutationResolvers, 'addSource' | 'setSourceText'> = {
  async addSource(_root, { input, text }, ctx) {
    const source = validateSource(input);
    const read = readSourceText(text);
    const [existing] = await ctx.store.getSources([source.id]);
    if (existing) throw new ConflictError(`Source "${source.id}" already exists; use setSourceText to replace its text`);
    const result = await written(ctx, ctx.store.setSourceText(source.id, read.text, { source }, ctx.writer));
    await startAnalysis(ctx, source, read.text);
    return { source, length: result.info.length, format: read.format, encoding: read.encoding, textCheck: await textCheckOf(ctx.store, result.check) };
  },

  async setSourceText(_root, { sourceId, text, expectedVersion }, ctx) {
    if (!isPossibleId(sourceId)) refuse('sourceId', `"${sourceId}" is not a valid id`);
    const read = readSourceText(text);
    const result = await written(ctx, ctx.store.setSourceText(sourceId, read.text, {}, basedOn(ctx, expectedVersion)));
    const source = await ctx.store.getSource(sourceId);
    await startAnalysis(ctx, source, read.text);
    return { source, length: result.info.length, format: read.format, encoding: read.encoding, textCheck: await textCheckOf(ctx.store, result.check) };
  },
};

/** Source fields about its stored text; the length and date come batched through the request's loader. */
export const intakeSourceResolvers: Pick<SourceResolvers, 'hasText' | 'textLength' | 'textUpdatedAt' | 'text' | 'textCheck'> = {
  hasText: async (source, _args, ctx) => (await ctx.loaders.sourceTexts.load(source.id)) !== null,
  textLength: async (source, _args, ctx) => (await ctx.loaders.sourceTexts.load(source.id))?.length ?? null,
  textUpdatedAt: async (source, _args, ctx) => (await ctx.loaders.sourceTexts.load(source.id))?.updatedAt ?? null,
  text: (source, _args, ctx) => ctx.store.getSourceText(source.id),
  async textCheck(source, _args, ctx) {
    const report = await ctx.store.verifySourceCitations(source.id);
    return report ? textCheckOf(ctx.store, report) : null;
  },
};
