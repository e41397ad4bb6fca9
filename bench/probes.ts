/**
 * What the benchmark asks: search texts, neighbourhood centres, path ends and
 * "as of" dates, drawn with a seed from the generated graph so every run (and
 * every store) gets the same questions. Small enough to pass between processes.
 */
import type { GraphData } from '../graph/core/model';
import { FIRST_YEAR, YEARS } from './generate';
import { mulberry32, type Rng } from './prng';

export interface Probes {
  /** Search texts as people type them: full names, prefixes, a typo, other spellings. */
  searches: string[];
  /** Neighbourhood centres, uniformly drawn (hubs appear as often as they are in the graph). */
  centres: string[];
  pairs: [string, string][];
  /** Partial dates within the generated span, for "as of" reads. */
  asOfDates: string[];
}

export const PROBE_COUNTS = { searches: 300, centres: 200, pairs: 60, asOfDates: 200 } as const;

/** One edit in a word of 6+ letters (search forgives one edit in words of 5+), or null. */
function typo(rng: Rng, text: string): string | null {
  const words = text.split(' ');
  const i = words.findIndex((w) => w.length >= 6);
  if (i < 0) return null;
  const w = words[i];
  const at = rng.int(1, w.length - 2);
  words[i] = w.slice(0, at) + w.slice(at + 1); // drop one letter
  return words.join(' ');
}

function searchText(rng: Rng, name: string, aliases: string[]): string {
  const words = name.split(' ');
  const last = words[words.length - 1];
  const r = rng.next();
  if (r < 0.3) return name;
  if (r < 0.6) return last.slice(0, Math.min(last.length, rng.int(3, 5)));
  if (r < 0.75) return `${words[0]} ${last.slice(0, 3)}`;
  if (r < 0.9) return typo(rng, name) ?? name;
  return aliases.length ? rng.pick(aliases) : name.toLowerCase();
}

export function pickProbes(graph: GraphData, seed = 7): Probes {
  const rng = mulberry32(seed);
  const actors = graph.actors;
  const any = () => actors[Math.floor(rng.next() * actors.length)];
  const searches = Array.from({ length: PROBE_COUNTS.searches }, () => {
    const a = any();
    return searchText(rng, a.name, a.aliases);
  });
  const centres = Array.from({ length: PROBE_COUNTS.centres }, () => any().id);
  const pairs = Array.from({ length: PROBE_COUNTS.pairs }, (): [string, string] => {
    const a = any().id;
    let b = any().id;
    while (b === a) b = any().id;
    return [a, b];
  });
  const asOfDates = Array.from({ length: PROBE_COUNTS.asOfDates }, () => {
    const year = FIRST_YEAR + rng.int(0, YEARS - 1);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const r = rng.next();
    return r < 0.6 ? `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}` : r < 0.85 ? `${year}-${month}` : String(year);
  });
  return { searches, centres, pairs, asOfDates };
}
