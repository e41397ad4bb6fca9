/**
 * Evidence intake in the browser: the GraphQL documents and result types of
 * the /intake pages, and the small helpers they share (file → upload input,
 * slugs for new ids). Writes go through the normal mutations with the admin token.
 */
import type { ActorKind, RelationshipType } from '@/graph/core/model';
import { graphqlRequest } from './graphql-client';
import type { ActorRef, SourceRecord } from './queries';

/** An actor as proposals name it. */
export type IntakeActor = ActorRef;

export interface StaleCitationView {
  relationship: { id: string; type: RelationshipType; source: IntakeActor; target: IntakeActor };
  citationIndex: number;
  excerpt: string;
  reason: 'SPACING' | 'MISSING';
}

export interface TextCheckView {
  checkedCitations: number;
  stale: StaleCitationView[];
}

export interface RelationshipProposalView {
  id: string;
  type: RelationshipType;
  source: IntakeActor;
  target: IntakeActor;
  excerpt: string;
  excerptStart: number;
  excerptEnd: number;
  sourceSpan: [number, number];
  targetSpan: [number, number];
  confidence: number;
  cue: string;
  basis: string;
  role: string | null;
  start: string | null;
  accepted: boolean;
  acceptedAs: { id: string } | null;
  existing: { id: string }[];
}

export interface ActorProposalView {
  name: string;
  guessedKind: ActorKind;
  occurrences: number;
  firstStart: number;
}

export interface IntakeView {
  source: SourceRecord & { textLength: number | null; textUpdatedAt: string | null; textCheck: TextCheckView | null };
  sentenceCount: number;
  relationships: RelationshipProposalView[];
  actors: ActorProposalView[];
}

const ACTOR_FIELDS = 'id name kind';

export const INTAKE_QUERY = /* GraphQL */ `
  query Intake($id: ID!) {
    intake(sourceId: $id) {
      source {
        id title publisher author published url textLength textUpdatedAt
        textCheck { checkedCitations stale { citationIndex excerpt reason relationship { id type source { ${ACTOR_FIELDS} } target { ${ACTOR_FIELDS} } } } }
      }
      sentenceCount
      relationships {
        id type excerpt excerptStart excerptEnd sourceSpan targetSpan confidence cue basis role start accepted
        source { ${ACTOR_FIELDS} } target { ${ACTOR_FIELDS} } acceptedAs { id } existing { id }
      }
      actors { name guessedKind occurrences firstStart }
    }
  }
`;

export async function fetchIntake(sourceId: string, signal?: AbortSignal): Promise<IntakeView | null> {
  const data = await graphqlRequest<{ intake: IntakeView | null }, { id: string }>(INTAKE_QUERY, { id: sourceId }, { signal });
  return data.intake;
}

export interface SourceFields {
  id: string;
  title: string;
  publisher?: string;
  author?: string;
  published?: string;
  url?: string;
}

export type SourceTextInput = { text: string } | { file: { filename: string; base64: string; charset?: string } };

const ADD_SOURCE = /* GraphQL */ `
  mutation AddSource($input: SourceInput!, $text: SourceTextInput!) {
    addSource(input: $input, text: $text) { source { id title } length format }
  }
`;

export async function addSource(input: SourceFields, text: SourceTextInput, token: string): Promise<{ source: { id: string; title: string }; length: number; format: string }> {
  const data = await graphqlRequest<{ addSource: { source: { id: string; title: string }; length: number; format: string } }, { input: SourceFields; text: SourceTextInput }>(
    ADD_SOURCE,
    { input, text },
    { token },
  );
  return data.addSource;
}

const SET_TEXT = /* GraphQL */ `
  mutation SetSourceText($id: ID!, $text: SourceTextInput!) {
    setSourceText(sourceId: $id, text: $text) { length textCheck { checkedCitations stale { excerpt } } }
  }
`;

export async function replaceSourceText(sourceId: string, text: SourceTextInput, token: string): Promise<{ length: number; textCheck: { checkedCitations: number; stale: { excerpt: string }[] } }> {
  const data = await graphqlRequest<{ setSourceText: { length: number; textCheck: { checkedCitations: number; stale: { excerpt: string }[] } } }, { id: string; text: SourceTextInput }>(
    SET_TEXT,
    { id: sourceId, text },
    { token },
  );
  return data.setSourceText;
}

export interface NewRelationship {
  type: RelationshipType;
  source: string;
  target: string;
  role?: string;
  start?: string;
  end?: string;
  citations: { sourceId: string; excerpt: string }[];
}

const CREATE_RELATIONSHIP = /* GraphQL */ `
  mutation AcceptProposal($input: RelationshipInput!) {
    createRelationship(input: $input) { id }
  }
`;

export async function createRelationship(input: NewRelationship, token: string): Promise<string> {
  const data = await graphqlRequest<{ createRelationship: { id: string } }, { input: NewRelationship }>(CREATE_RELATIONSHIP, { input }, { token });
  return data.createRelationship.id;
}

const CREATE_ACTOR = /* GraphQL */ `
  mutation CreateProposedActor($input: ActorInput!) {
    createActor(input: $input) { id name kind }
  }
`;

export async function createActor(input: { id: string; name: string; kind: ActorKind; category?: string }, token: string): Promise<IntakeActor> {
  const data = await graphqlRequest<{ createActor: IntakeActor }, { input: typeof input }>(CREATE_ACTOR, { input }, { token });
  return data.createActor;
}

/** A slug id from a name or title: lower-case ASCII words joined by hyphens (as the dataset's ids). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Reads a chosen file as an upload input (base64 of its bytes; the server decodes and checks it). */
export async function fileToUpload(file: File): Promise<SourceTextInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { file: { filename: file.name, base64: btoa(binary) } };
}
