/**
 * Evidence intake in the browser: the GraphQL documents and result types of
 * the /intake pages, and the small helpers they share (file → upload input,
 * slugs for new ids). Writes go through the normal mutations with the admin token.
 */
import { graphql, type ResultOf, type VariablesOf } from './graphql';
import { graphqlRequest } from './graphql-client';
import { ActorRefFields, SourceFields, type ActorRef } from './queries';

/** An actor as proposals name it. */
export type IntakeActor = ActorRef;

export const INTAKE_QUERY = graphql(
  `
    query Intake($id: ID!) {
      intake(sourceId: $id) {
        source {
          ...SourceFields version textLength textUpdatedAt
          textCheck {
            checkedCitations
            stale { citationIndex excerpt reason relationship { id type source { ...ActorRefFields } target { ...ActorRefFields } } }
          }
        }
        sentenceCount
        relationships {
          id type excerpt excerptStart excerptEnd sourceSpan targetSpan confidence cue basis role start reported sourceText targetText rule reason accepted
          source { ...ActorRefFields } target { ...ActorRefFields } acceptedAs { id } existing { id }
        }
        actors { name guessedKind occurrences firstStart }
      }
    }
  `,
  [SourceFields, ActorRefFields],
);

export type IntakeView = NonNullable<ResultOf<typeof INTAKE_QUERY>['intake']>;
export type TextCheckView = NonNullable<IntakeView['source']['textCheck']>;
export type StaleCitationView = TextCheckView['stale'][number];
export type RelationshipProposalView = IntakeView['relationships'][number];
export type ActorProposalView = IntakeView['actors'][number];

/** With the admin token the server computes proposals it has not computed yet; without it, it serves only ones it has. */
export async function fetchIntake(sourceId: string, signal?: AbortSignal, token?: string): Promise<IntakeView | null> {
  const data = await graphqlRequest(INTAKE_QUERY, { id: sourceId }, { signal, token: token || undefined });
  return data.intake;
}

const ADD_SOURCE = graphql(`
  mutation AddSource($input: SourceInput!, $text: SourceTextInput!) {
    addSource(input: $input, text: $text) { source { id title } length format }
  }
`);

export type SourceInput = VariablesOf<typeof ADD_SOURCE>['input'];
export type SourceTextInput = VariablesOf<typeof ADD_SOURCE>['text'];

export async function addSource(input: SourceInput, text: SourceTextInput, token: string): Promise<ResultOf<typeof ADD_SOURCE>['addSource']> {
  const data = await graphqlRequest(ADD_SOURCE, { input, text }, { token });
  return data.addSource;
}

const SET_TEXT = graphql(`
  mutation SetSourceText($id: ID!, $text: SourceTextInput!, $expectedVersion: Int) {
    setSourceText(sourceId: $id, text: $text, expectedVersion: $expectedVersion) { length source { version } textCheck { checkedCitations stale { excerpt } } }
  }
`);

/** Replaces a source's text; `expectedVersion` is the source version the editor loaded (CONFLICT when it moved on). */
export async function replaceSourceText(sourceId: string, text: SourceTextInput, token: string, expectedVersion?: number): Promise<ResultOf<typeof SET_TEXT>['setSourceText']> {
  const data = await graphqlRequest(SET_TEXT, { id: sourceId, text, expectedVersion }, { token });
  return data.setSourceText;
}

const SOURCE_TEXT_STATE = graphql(`
  query SourceTextState($id: ID!) {
    source(id: $id) { version textLength textUpdatedAt }
  }
`);

/** A source's stored text as it is now (length and when it was saved), or null when the source is gone. */
export async function fetchSourceTextState(sourceId: string): Promise<ResultOf<typeof SOURCE_TEXT_STATE>['source']> {
  return (await graphqlRequest(SOURCE_TEXT_STATE, { id: sourceId })).source;
}

const CREATE_RELATIONSHIP = graphql(`
  mutation AcceptProposal($input: RelationshipInput!) {
    createRelationship(input: $input) { id }
  }
`);

export type NewRelationship = VariablesOf<typeof CREATE_RELATIONSHIP>['input'];

export async function createRelationship(input: NewRelationship, token: string): Promise<string> {
  const data = await graphqlRequest(CREATE_RELATIONSHIP, { input }, { token });
  return data.createRelationship.id;
}

const CREATE_ACTOR = graphql(
  `
    mutation CreateProposedActor($input: ActorInput!) {
      createActor(input: $input) { ...ActorRefFields }
    }
  `,
  [ActorRefFields],
);

export async function createActor(input: VariablesOf<typeof CREATE_ACTOR>['input'], token: string): Promise<IntakeActor> {
  const data = await graphqlRequest(CREATE_ACTOR, { input }, { token });
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
