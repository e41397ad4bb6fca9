/**
 * Offline checks of the Neo4j adapter's Cypher: every statement (including
 * every generated per-type variant) passes the Cypher linter, none uses
 * syntax that Neo4j 4.4 lacks, values only ever arrive as parameters, and no
 * Cypher lives outside graph/neo4j/cypher.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, RELATIONSHIP_TYPES } from '@/graph/core/model';
import { allStatements, degreeStatements, NEO4J_5_ONLY, statementName, type DegreeStatements } from '@/graph/neo4j/cypher';

/** Linter diagnostics that matter: everything but "Parameter $x is not defined" (we pass parameters at run time). */
function problems(cypher: string): string[] {
  const result = lintCypherQuery(cypher, {}) as unknown as { diagnostics?: { message: string }[] } | { message: string }[];
  const diagnostics = Array.isArray(result) ? result : (result.diagnostics ?? []);
  return diagnostics.map((d) => d.message).filter((m) => !/^Parameter \$\w+ is not defined\.?$/.test(m));
}

const statements = allStatements();

describe('Cypher statements', () => {
  it('lists every statement, with a variant per relationship type for each generated one', () => {
    expect(statements.length).toBeGreaterThan(40);
    expect(new Set(statements.map((s) => s.name)).size).toBe(statements.length);
    const generated = statements.filter((s) => s.name.includes('('));
    for (const type of RELATIONSHIP_TYPES) {
      expect(generated.filter((s) => s.name.endsWith(`(${type})`)).length).toBeGreaterThanOrEqual(5);
      expect(generated.filter((s) => s.name.endsWith(`(${type})`)).every((s) => s.cypher.includes(type.toLowerCase()) || s.cypher.includes(`:${type}`))).toBe(true);
    }
  });

  it('every statement passes the Cypher linter', () => {
    const failures = statements.map((s) => ({ name: s.name, problems: problems(s.cypher) })).filter((f) => f.problems.length);
    expect(failures).toEqual([]);
  }, 180_000);

  it('the linter check can fail: a broken statement is flagged', () => {
    expect(problems('MATCH (a:Actor {id: $id}) RETRUN a')).not.toEqual([]);
    expect(problems('MATCH (a:Actor) WHERE exists(a.name) RETURN a')).not.toEqual([]);
    expect(problems('MATCH (a:Actor {id: $id}) RETURN a')).toEqual([]);
  }, 60_000);

  it('avoids syntax Neo4j 4.4 does not have', () => {
    // Each pattern is checked against a sample that has the syntax, so a broken pattern cannot pass silently.
    const fiveOnly: [string, RegExp][] = [
      ['SHORTEST path selector', /\bSHORTEST\b/i],
      ['CALL (x) { } scoped subquery', /\bCALL\s*\([^)]*\)\s*\{/i],
      ['exists(n.prop)', /\bexists\s*\(\s*[\w`]+\.[\w`]+\s*\)/i],
      ['elementId()', /\belementId\s*\(/i],
      ['COUNT { } / COLLECT { } subqueries', /\b(COUNT|COLLECT)\s*\{/i],
      ['dynamic labels or types', /:\s*\$(any|all)?\s*\(/i],
      ['type predicate expressions', /\bIS\s*(NOT\s*)?(TYPED|::)|::/i],
      ['FINISH / NEXT / LET clauses', /\b(FINISH|NEXT|LET)\b/],
      ['quantified path patterns', /\)\s*\{\d*,?\d*\}|\)\s*[+*]\s*\(/],
    ];
    const samples = [
      'MATCH p = SHORTEST 1 (a)-->+(b) RETURN p',
      'MATCH (a) CALL (a) { RETURN 1 AS x } RETURN x',
      'MATCH (a) WHERE exists(a.name) RETURN a',
      'MATCH (a) RETURN elementId(a)',
      'MATCH (a) RETURN COUNT { (a)--() } AS d',
      'MATCH (a:$($label)) RETURN a',
      'RETURN $x IS :: INTEGER',
      'MATCH (a) SET a.x = 1 FINISH',
      'MATCH (a)((x)-->(y)){1,3}(b) RETURN a',
    ];
    fiveOnly.forEach(([what, re], i) => expect(re.test(samples[i]), what).toBe(true));
    const found = statements.filter((s) => !(s.name in NEO4J_5_ONLY)).flatMap((s) => fiveOnly.filter(([, re]) => re.test(s.cypher)).map(([what]) => `${s.name}: ${what}`));
    expect(found).toEqual([]);
  });

  it('runs a Neo4j 5-only statement only on Neo4j 5, with a 4.4 twin for the rest', () => {
    const names = new Set(statements.map((s) => s.name));
    for (const [five, legacy] of Object.entries(NEO4J_5_ONLY)) {
      expect(names.has(five) && names.has(legacy), five).toBe(true);
      expect(legacy in NEO4J_5_ONLY).toBe(false);
    }
    const named = (d: DegreeStatements) => Object.values(d).map(statementName);
    expect(named(degreeStatements({ major: 4 }))).toEqual(['NEXT_LEVEL_LEGACY', 'DEGREES_LEGACY']);
    expect(named(degreeStatements({ major: 5 }))).toEqual(['NEXT_LEVEL', 'DEGREES']);
    expect(named(degreeStatements({ major: 2025 }))).toEqual(['NEXT_LEVEL', 'DEGREES']);
  });

  it('takes values only as parameters: the only literals are fixed names from the code', () => {
    const allowed = new Set<string>(['Neo4j Kernel', 'Actor', 'name', 'aliasesText', ...ACTOR_KINDS]);
    const literals = statements.flatMap((s) => [...s.cypher.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => ({ name: s.name, literal: m[1] ?? m[2] })));
    expect(literals.filter((l) => !allowed.has(l.literal))).toEqual([]);
  });
});

describe('Cypher stays in cypher.ts', () => {
  const dir = path.resolve(__dirname, '../../graph/neo4j');
  const cypherish = /\b(OPTIONAL MATCH|MATCH|MERGE|UNWIND|DETACH DELETE)\s*[(\[$:a-z]|\bCREATE\s+(\(|INDEX|CONSTRAINT|FULLTEXT)|\bRETURN\s+[\w$*]|\bCALL\s+(db|dbms)\./;
  const stringLiterals = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

  function cypherLiterals(source: string): string[] {
    const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return (withoutComments.match(stringLiterals) ?? []).filter((lit) => cypherish.test(lit));
  }

  it('no other graph/neo4j file has a Cypher-looking string literal', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'cypher.ts');
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.flatMap((f) => cypherLiterals(readFileSync(path.join(dir, f), 'utf8')).map((lit) => `${f}: ${lit.slice(0, 60)}`));
    expect(offenders).toEqual([]);
  });

  it('the detector can fail: it finds Cypher in a string and ignores prose', () => {
    expect(cypherLiterals("const q = 'MATCH (a:Actor) RETURN a';")).toHaveLength(1);
    expect(cypherLiterals('run(`UNWIND $rows AS row MERGE (s:Source {id: row.id})`)')).toHaveLength(1);
    expect(cypherLiterals("const q = 'CREATE CONSTRAINT x IF NOT EXISTS FOR (a:A) REQUIRE a.id IS UNIQUE';")).toHaveLength(1);
    expect(cypherLiterals("throw new Error('the match failed; merge later');")).toEqual([]);
    expect(cypherLiterals('// MATCH (a) RETURN a\nconst x = 1;')).toEqual([]);
    expect(cypherLiterals(readFileSync(path.join(dir, 'cypher.ts'), 'utf8')).length).toBeGreaterThan(20);
  });
});
