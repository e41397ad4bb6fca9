/**
 * Example operations shown in the playground. The first three are the
 * README's GraphQL examples (graph/api/README-graphql.md); tests run every one
 * against the bundled dataset.
 */
export interface PlaygroundExample {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Needs the admin token (a mutation). */
  needsToken?: boolean;
}

export const EXAMPLES: readonly PlaygroundExample[] = [
  {
    title: 'Search by any spelling',
    query: `# Names and aliases, ignoring case and diacritics; best match first.
{
  actors(search: "tokaev", first: 5) {
    totalCount
    edges {
      match
      matchedText
      node { id name kind }
    }
  }
}`,
  },
  {
    title: 'An actor, with cited relationships',
    query: `query Actor($id: ID!) {
  actor(id: $id) {
    name
    kind
    degree
    relationships(first: 5) {
      totalCount
      nodes {
        type
        role
        start
        end
        source { name }
        target { name }
        citations { excerpt source { title publisher } }
      }
    }
  }
}`,
    variables: { id: 'kassym-jomart-tokayev' },
  },
  {
    title: 'Neighbourhood as of a date',
    query: `query Around($id: ID!, $asOf: String) {
  neighborhood(actorId: $id, depth: 2, limit: 25, asOf: $asOf) {
    truncated
    nodes { id name kind }
    edges { type source { id } target { id } }
  }
}`,
    variables: { id: 'kassym-jomart-tokayev', asOf: '2022-01' },
  },
  {
    title: 'Paths between two actors',
    query: `{
  paths(from: "karim-massimov", to: "russia", maxLength: 3, limit: 3) {
    length
    nodes { name }
    edges { type }
  }
}`,
  },
  {
    title: 'Overview: counts and most connected',
    query: `{
  stats(top: 5) {
    actors
    relationships
    sources
    actorsByKind { kind count }
    mostConnected { actor { name } degree }
    dateRange { min max }
  }
  apiInfo { readOnly store }
}`,
  },
  {
    title: 'Change log',
    query: `{
  changes(first: 10) {
    totalCount
    nodes { seq at op entityId by }
  }
}`,
  },
  {
    title: 'Add a relationship (admin token; edit the citation first)',
    query: `mutation Add($input: RelationshipInput!) {
  createRelationship(input: $input) {
    id
    type
    source { name }
    target { name }
  }
}`,
    variables: {
      input: {
        type: 'SUPPORTED',
        source: 'russia',
        target: 'kassym-jomart-tokayev',
        start: '2022-01',
        citations: [{ sourceId: 'replace-with-a-source-id', excerpt: 'The exact words of that source, quoted.' }],
      },
    },
    needsToken: true,
  },
];
