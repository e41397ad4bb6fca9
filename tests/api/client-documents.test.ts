/**
 * The front end's GraphQL documents against schema.graphql. Their result types
 * come from app/_lib/graphql-env.d.ts (gql.tada): it must be what `npm run
 * codegen` writes from the schema today, and every `graphql(...)` document in
 * app/ must validate against the schema (TypeScript alone lets an unknown field
 * through as `unknown`; the editor plugin is not part of the test run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { buildSchema, introspectionFromSchema, parse, validate, type DefinitionNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadSchemaText } from '@/graph/api/schema';

const ROOT = process.cwd();
const GENERATED = 'app/_lib/graphql-env.d.ts';
const schema = buildSchema(loadSchemaText());

interface FoundDocument {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every `graphql(`…`)` call's document text in the file; a document built at run time (with `${…}`) is an error. */
function documentsIn(file: string): FoundDocument[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FoundDocument[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'graphql') {
      const [first] = node.arguments;
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (!first || !ts.isNoSubstitutionTemplateLiteral(first)) throw new Error(`${file}:${line}: graphql() takes one literal document (fragments go in its second argument)`);
      found.push({ file: path.relative(ROOT, file), line, text: first.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Errors of one document, validated with the fragments it spreads (by name, as gql.tada joins them). */
function problems(doc: DocumentNode, fragments: ReadonlyMap<string, DefinitionNode>, against: GraphQLSchema): string[] {
  const needed = new Map<string, DefinitionNode>();
  const own = new Set(doc.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [d.name.value] : [])));
  const queue = [...JSON.stringify(doc).matchAll(/"kind":"FragmentSpread","name":\{"kind":"Name","value":"(\w+)"/g)].map((m) => m[1]);
  while (queue.length) {
    const name = queue.pop()!;
    if (own.has(name) || needed.has(name)) continue;
    const def = fragments.get(name);
    if (!def) return [`Unknown fragment "${name}".`];
    needed.set(name, def);
    queue.push(...[...JSON.stringify(def).matchAll(/"kind":"FragmentSpread","name":\{"kind":"Name","value":"(\w+)"/g)].map((m) => m[1]));
  }
  const whole: DocumentNode = { kind: doc.kind, definitions: [...doc.definitions, ...needed.values()] } as DocumentNode;
  // A fragment on its own is checked where it is used; alone it would be "unused".
  const isFragmentOnly = doc.definitions.every((d) => d.kind === 'FragmentDefinition');
  return validate(against, whole)
    .map((e) => e.message)
    .filter((m) => !(isFragmentOnly && /^Fragment "\w+" is never used\.$/.test(m)));
}

const found = sourceFiles(path.join(ROOT, 'app')).flatMap(documentsIn);
const parsed = found.map((d) => ({ ...d, doc: parse(d.text) }));
const fragments = new Map<string, DefinitionNode>();
const duplicateFragments: string[] = [];
for (const { doc } of parsed) {
  for (const def of doc.definitions) {
    if (def.kind !== 'FragmentDefinition') continue;
    if (fragments.has(def.name.value)) duplicateFragments.push(def.name.value);
    fragments.set(def.name.value, def);
  }
}

describe('client GraphQL documents', () => {
  it(`${GENERATED} is what \`npm run codegen\` writes from schema.graphql`, () => {
    const expected = outputIntrospectionFile(minifyIntrospection(introspectionFromSchema(schema)), { fileType: '.d.ts', shouldPreprocess: true });
    expect(readFileSync(path.join(ROOT, GENERATED), 'utf8'), 'stale: run `npm run codegen`').toBe(expected);
  });

  it('finds the documents of app/ (queries, mutations and fragments)', () => {
    expect(found.length).toBeGreaterThan(25);
    const operations = parsed.flatMap((d) => d.doc.definitions.filter((x) => x.kind === 'OperationDefinition'));
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.every((o) => o.kind === 'OperationDefinition' && o.name), 'every operation is named').toBe(true);
    expect(duplicateFragments).toEqual([]);
  });

  it('every document validates against schema.graphql', () => {
    const failures = parsed.map((d) => ({ at: `${d.file}:${d.line}`, problems: problems(d.doc, fragments, schema) })).filter((f) => f.problems.length);
    expect(failures).toEqual([]);
  });

  it('the check can fail: an unknown field, a missing fragment and a wrong argument are reported', () => {
    expect(problems(parse('query A { stats(top: 1) { actors bogus } }'), fragments, schema)).toEqual(['Cannot query field "bogus" on type "Stats".']);
    expect(problems(parse('query B { relationship(id: "x") { ...Nowhere } }'), fragments, schema)).toEqual(['Unknown fragment "Nowhere".']);
    expect(problems(parse('query C { actor(id: 1.5) { ...ActorFields } }'), fragments, schema)).not.toEqual([]);
  });

  it('no app/ code sends a document by hand-written type: no type arguments on graphqlRequest or runQuery', () => {
    const untyped = sourceFiles(path.join(ROOT, 'app'))
      .filter((f) => /(?<!function )\b(graphqlRequest|runQuery)</.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(untyped).toEqual([]);
  });
});
