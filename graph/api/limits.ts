/**
 * Query limits: selection depth, aliases and operations per document as
 * GraphQL validation rules, and the estimated cost, which needs the request's
 * variables and so is checked once the operation is resolved (server.ts).
 * Each reports a QueryTooComplexError, so clients always see
 * `extensions.code: QUERY_TOO_COMPLEX`. Walks follow fragments with a memo per
 * fragment, so a "fragment bomb" costs linear time to reject.
 *
 * Cost model (an estimate of records the operation can touch): a field that
 * returns objects costs `size × (1 + cost of its selections)`, where size is 1
 * for a single object and the page size or limit for lists (see LIST_SIZES).
 * Scalars are free. `neighborhood` adds `depth × limit` and `paths` adds
 * `maxLength × limit` for the traversal itself. Fields that read and analyse
 * the whole graph (WHOLE_GRAPH_READS) add WHOLE_GRAPH_READ_COST once per
 * field in the document, not per list element: within a request, equal
 * analyses share one computation, so a page of actors each asking for
 * `metrics` costs one analysis, while every differently-aliased analysis costs another.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldMap,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { QueryTooComplexError } from '../core/errors';
import { MAX_PAGE_SIZE } from '../core/store';

/** Most operations one document may define (only one runs; the rest still cost parsing and validation). */
export const MAX_OPERATIONS_PER_DOCUMENT = 10;
/** Most tokens the parser reads before giving up, bounding parse time and nesting before validation. */
export const MAX_TOKENS = 10_000;

function tooComplex(message: string, node?: FieldNode | OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    originalError: new QueryTooComplexError(message),
    extensions: { code: 'QUERY_TOO_COMPLEX' },
  });
}

const isIntrospection = (field: FieldNode) => field.name.value.startsWith('__');

// ---------------------------------------------------------------------------
// Depth
// ---------------------------------------------------------------------------

/**
 * Deepest nesting of selection sets allowed per operation: `{ stats { actors } }`
 * is 1 deep, `{ actor(id: "x") { country { name } } }` 2. Introspection is left
 * to graphql-js's own MaxIntrospectionDepthRule.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentDepth = new Map<string, number>();

    /** Depth below this selection set, stopping once past the limit so hostile nesting costs little. */
    function depthOf(set: SelectionSetNode, budget: number, seen: Set<string>): number {
      let deepest = 0;
      for (const sel of set.selections) {
        let d = 0;
        if (sel.kind === Kind.FIELD) {
          if (isIntrospection(sel)) continue;
          if (!sel.selectionSet) continue; // a scalar adds no level
          d = 1 + (budget > 0 ? depthOf(sel.selectionSet, budget - 1, seen) : 0);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          d = depthOf(sel.selectionSet, budget, seen);
        } else {
          const name = sel.name.value;
          if (seen.has(name)) continue; // a cycle: NoFragmentCyclesRule reports it
          const cached = fragmentDepth.get(name);
          if (cached !== undefined) d = cached;
          else {
            const frag = context.getFragment(name);
            if (!frag) continue;
            d = depthOf(frag.selectionSet, maxDepth + 1, new Set(seen).add(name));
            fragmentDepth.set(name, d);
          }
        }
        deepest = Math.max(deepest, d);
        if (deepest > budget) return deepest;
      }
      return deepest;
    }

    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet, maxDepth + 1, new Set());
        if (depth > maxDepth) {
          context.reportError(tooComplex(`Query is nested deeper than ${maxDepth} levels.`, op));
        }
      },
    };
  };
}

// ---------------------------------------------------------------------------
// Aliases and operations
// ---------------------------------------------------------------------------

/** Most aliased fields per operation (counting each fragment use). Stops a query from repeating an expensive field under many names. */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentAliases = new Map<string, number>();

    function aliasesIn(set: SelectionSetNode, seen: Set<string>): number {
      let n = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.alias) n++;
          if (sel.selectionSet) n += aliasesIn(sel.selectionSet, seen);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          n += aliasesIn(sel.selectionSet, seen);
        } else {
          const name = sel.name.value;
          if (seen.has(name)) continue;
          let count = fragmentAliases.get(name);
          if (count === undefined) {
            const frag = context.getFragment(name);
            count = frag ? aliasesIn(frag.selectionSet, new Set(seen).add(name)) : 0;
            fragmentAliases.set(name, count);
          }
          n += count;
        }
        if (n > maxAliases) return n;
      }
      return n;
    }

    return {
      OperationDefinition(op) {
        const n = aliasesIn(op.selectionSet, new Set());
        if (n > maxAliases) context.reportError(tooComplex(`Query uses more than ${maxAliases} aliases.`, op));
      },
    };
  };
}

export function maxOperationsRule(maxOperations: number = MAX_OPERATIONS_PER_DOCUMENT): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(doc) {
      const n = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
      if (n > maxOperations) context.reportError(tooComplex(`Document defines ${n} operations; at most ${maxOperations} are allowed.`));
    },
  });
}

// ---------------------------------------------------------------------------
// Cost
// ---------------------------------------------------------------------------

type Args = Record<string, unknown>;
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);

/**
 * How many objects a list field can return. `page` is the page size set by the
 * enclosing field (a connection's `first`, a neighborhood's `limit`, stats' `top`).
 */
export const LIST_SIZES: Record<string, (args: Args, page: number) => number> = {
  'Query.paths': (a) => num(a.limit, 5),
  'Query.timeline': (a) => num(a.limit, 500),
  'Query.sources': () => 100,
  'Query.relationshipTypes': () => 12,
  'Actor.neighbors': (a) => num(a.limit, 50),
  'Relationship.citations': () => 1, // most relationships cite one source
  'Path.nodes': () => 7,
  'Path.edges': () => 6,
  'Path.sources': () => 6,
  'Neighborhood.nodes': (_a, page) => page,
  'Neighborhood.edges': (_a, page) => page,
  'Neighborhood.sources': () => 50, // each cited source once: far fewer than the edges citing them
  'ActorConnection.nodes': (_a, page) => page,
  'ActorConnection.edges': (_a, page) => page,
  'RelationshipConnection.nodes': (_a, page) => page,
  'ChangeConnection.nodes': (_a, page) => page,
  'Stats.mostConnected': (_a, page) => page,
  'Stats.actorsByKind': () => 3,
  'Stats.relationshipsByType': () => 12,
  // Analytics. Community counts and diff sizes depend on the data; these are generous estimates.
  'Query.communities': () => 50,
  'GraphAnalytics.communities': () => 50,
  'GraphAnalytics.central': (a) => num(a.first, 10),
  'GraphAnalytics.brokers': (a) => num(a.first, 10),
  'Community.members': (a) => num(a.first, 50),
  'GraphDiff.started': () => 200,
  'GraphDiff.ended': () => 200,
  'GraphDiff.uncertain': () => 200,
  'GraphDiff.positions': () => 100,
  'ActorPositionChanges.gained': () => 2,
  'ActorPositionChanges.lost': () => 2,
  // Evidence intake. A 60 KB report gives about a hundred proposals; stale citations are usually few.
  'IntakeProposals.relationships': () => 200,
  'IntakeProposals.actors': () => 50,
  'RelationshipProposal.existing': () => 1,
  'TextCheck.stale': () => 20,
  // Curated maps: a map holds at most 500 nodes, but most hold dozens; estimates, like the ones above.
  'CuratedMapConnection.nodes': (_a, page) => page,
  'CuratedMap.nodes': () => 60,
  'CuratedMap.edges': () => 80,
  'CuratedMap.annotations': () => 10,
  'CuratedMap.sources': () => 20,
};

/** Fields that set the page size for the lists inside them. */
export const PAGE_SETTERS: Record<string, (args: Args) => number> = {
  'Query.actors': (a) => num(a.first, 50),
  'Query.relationships': (a) => num(a.first, 50),
  'Query.changes': (a) => num(a.first, 50),
  'Actor.relationships': (a) => num(a.first, 50),
  'Source.relationships': (a) => num(a.first, 50),
  'Query.neighborhood': (a) => num(a.limit, 100),
  'Query.stats': (a) => num(a.top, 10),
  'Query.maps': (a) => num(a.first, 50),
};

/** Fields that read the whole graph and analyse it (graph/analytics). */
export const WHOLE_GRAPH_READS: ReadonlySet<string> = new Set([
  'Query.communities',
  'Query.diff',
  'Stats.analytics',
  'Actor.metrics',
  // Evidence intake: reads every actor to find mentions in the text.
  'Query.intake',
]);

/**
 * Fields that read a source's whole stored text (up to 1,000,000 characters)
 * cost this much each, so a list of sources cannot ask for every text at once.
 */
export const SOURCE_TEXT_COST = 200;
export const SOURCE_TEXT_READS: ReadonlySet<string> = new Set(['Source.text', 'Source.textCheck', 'Query.intake']);

/** What one whole-graph read adds to an operation's cost: a fifth of the default limit (5000). */
export const WHOLE_GRAPH_READ_COST = 1000;

/**
 * Introspection answers are built from the schema, not the store, but a whole
 * `__schema` is about 70 KB of JSON: a fifth of the default limit each, so the
 * playground's and standard tools' one introspection query passes while 30
 * aliased copies (2.5 MB) do not. Selections inside are not counted again.
 */
export const INTROSPECTION_COST: Record<string, number> = { __schema: 1000, __type: 20 };

/** Work a field does on top of the objects it returns. */
export const TRAVERSAL_COST: Record<string, (args: Args) => number> = {
  'Query.neighborhood': (a) => num(a.depth, 1) * num(a.limit, 100),
  'Query.paths': (a) => num(a.maxLength, 4) * num(a.limit, 5),
};

/** The estimated cost of one operation (see the module comment), stopping early once above `maxCost`. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const varDefaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) varDefaults.set(v.variable.name.value, v.defaultValue);
  const fragmentCost = new Map<string, number>();
  /** Whole-graph fields met so far, each counted once however many list elements select it. */
  const wholeGraphFields = new Set<FieldNode>();
  const overBudget = (cost: number) => cost + wholeGraphFields.size * WHOLE_GRAPH_READ_COST > maxCost;

  function literal(node: ValueNode | undefined): unknown {
    if (!node) return undefined;
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const given = variables?.[node.name.value];
      return given !== undefined ? given : literal(varDefaults.get(node.name.value));
    }
    return undefined;
  }

  /** Numeric arguments as the resolver will see them: given value, else variable default, else the schema default. */
  function argsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): Args {
    const out: Args = {};
    for (const arg of field.args) {
      const given = literal(node.arguments?.find((a) => a.name.value === arg.name)?.value);
      out[arg.name] = given !== undefined && given !== null ? given : arg.defaultValue;
    }
    return out;
  }

  function costOf(set: SelectionSetNode, type: GraphQLNamedType | null | undefined, page: number, seen: Set<string>): number {
    if (!isObjectType(type) && !isInterfaceType(type)) return 0;
    const fields = type.getFields();
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) total += fieldCost(sel, type.name, fields, page, seen);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += costOf(sel.selectionSet, cond, page, seen);
      } else {
        const name = sel.name.value;
        if (seen.has(name)) continue;
        const key = `${name}@${page}`;
        let c = fragmentCost.get(key);
        if (c === undefined) {
          const frag = fragments.get(name);
          const cond = frag ? schema.getType(frag.typeCondition.name.value) : undefined;
          c = frag ? costOf(frag.selectionSet, cond, page, new Set(seen).add(name)) : 0;
          fragmentCost.set(key, c);
        }
        total += c;
      }
      if (overBudget(total)) return maxCost + 1;
    }
    return total;
  }

  function fieldCost(node: FieldNode, parentName: string, fields: GraphQLFieldMap<unknown, unknown>, page: number, seen: Set<string>): number {
    if (isIntrospection(node)) return INTROSPECTION_COST[node.name.value] ?? 0;
    const coordinate = `${parentName}.${node.name.value}`;
    const textRead = SOURCE_TEXT_READS.has(coordinate) ? SOURCE_TEXT_COST : 0;
    if (!node.selectionSet) return textRead;
    const field = fields[node.name.value];
    if (!field) return 0;
    if (WHOLE_GRAPH_READS.has(coordinate)) wholeGraphFields.add(node);
    const args = field.args.length ? argsOf(field, node) : {};
    const size = coordinate in LIST_SIZES ? LIST_SIZES[coordinate](args, page) : 1;
    const innerPage = coordinate in PAGE_SETTERS ? PAGE_SETTERS[coordinate](args) : page;
    const inner = costOf(node.selectionSet, getNamedType(field.type), innerPage, seen);
    return size * (1 + inner) + (coordinate in TRAVERSAL_COST ? TRAVERSAL_COST[coordinate](args) : 0) + textRead;
  }

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return root ? costOf(operation.selectionSet, root, MAX_PAGE_SIZE, new Set()) + wholeGraphFields.size * WHOLE_GRAPH_READ_COST : 0;
}

export function costLimitMessage(maxCost: number): string {
  return `Query is too expensive: its estimated cost exceeds the limit of ${maxCost}. Ask for smaller pages or limits, or fewer nested lists.`;
}
