/**
 * The bundled dataset passes `npm run data:check`; when the seed texts are
 * beside the repository (as in CI), every excerpt is verified verbatim.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const seeds = path.resolve(root, '../shared/seeds');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const hasSeeds = existsSync(seeds);

function dataCheck(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, ['scripts/data-check.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bundled dataset', () => {
  it('passes data:check and prints counts per kind, type and source', () => {
    const r = dataCheck(hasSeeds ? ['--sources', seeds] : []);
    if (!hasSeeds) console.log(`verbatim excerpt check skipped: no seed texts at ${seeds}`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Actors by kind/);
    expect(r.stdout).toMatch(/Relationships by type/);
    expect(r.stdout).toMatch(/Relationships citing each source/);
    const [, actors, rels] = /(\d+) actors, (\d+) relationships/.exec(r.stdout)!;
    expect(r.stdout).toMatch(/, 2 maps\n/);
    expect(Number(actors)).toBeGreaterThan(75);
    expect(Number(rels)).toBeGreaterThan(140);
    if (hasSeeds) expect(r.stdout).toMatch(/Excerpts verified verbatim: (\d+)\/\1\b/);
  });

  it.runIf(hasSeeds)('fails, naming file and line, when an excerpt is not verbatim', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-data-'));
    cpSync(path.join(root, 'data'), dir, { recursive: true });
    const file = path.join(dir, 'relationships.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    const rel = JSON.parse(lines[2]);
    rel.citations[0].excerpt = rel.citations[0].excerpt.replace(/\w+/, 'invented');
    lines[2] = JSON.stringify(rel);
    writeFileSync(file, lines.join('\n'));
    const r = dataCheck(['--dataset', dir, '--sources', seeds]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('relationships.jsonl:3 citations[0].excerpt: does not occur verbatim');
  });

  it('fails on a dangling actor reference and an alias shared by two actors', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-data-'));
    cpSync(path.join(root, 'data'), dir, { recursive: true });
    const actorsFile = path.join(dir, 'actors.jsonl');
    const actors = readFileSync(actorsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    actors[1].aliases.push(actors[0].name);
    writeFileSync(actorsFile, actors.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const relsFile = path.join(dir, 'relationships.jsonl');
    const rels = readFileSync(relsFile, 'utf8').trim().split('\n');
    const r0 = JSON.parse(rels[0]);
    r0.target = 'nobody-at-all';
    rels[0] = JSON.stringify(r0);
    writeFileSync(relsFile, rels.join('\n') + '\n');
    const r = dataCheck(['--dataset', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('relationships.jsonl:1 target: names no actor ("nobody-at-all")');
    expect(r.stderr).toMatch(/actors\.jsonl:2 aliases: ".*" also names/);
  });

  it('fails on a map naming a missing relationship, a stale saved name, and a note on an element not on the map', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-data-'));
    cpSync(path.join(root, 'data'), dir, { recursive: true });
    const mapsFile = path.join(dir, 'maps.jsonl');
    const maps = readFileSync(mapsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    maps[0].edges[0].relationshipId = 'no-such-relationship';
    maps[0].nodes[1].savedName = 'Someone Else';
    maps[1].annotations.push({ id: 'stray', text: 'Not on this map.', target: 'NODE', targetId: 'tokayev-not-here' });
    writeFileSync(mapsFile, maps.map((m) => JSON.stringify(m)).join('\n') + '\n');
    const r = dataCheck(['--dataset', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('maps.jsonl:1 edges[0].relationshipId: names no relationship ("no-such-relationship")');
    expect(r.stderr).toContain('maps.jsonl:1 nodes[1].savedName: is "Someone Else"');
    expect(r.stderr).toMatch(/maps\.jsonl:2 annotations\[\d+\]\.targetId: names no actor of this map \("tokayev-not-here"\)/);
  });
});
