/**
 * Posts and offices described rather than named: "the senator" → Senate, "the minister of labour" → Ministry of
 * Labour …, "the general prosecutor" → Prosecutor General’s Office, "the foreign minister" → Ministry of Foreign
 * Affairs. One rule serves titles next to a named country (relations.ts) and descriptions with no country at all
 * (the document's own state, see `describedInstitutions`).
 */
import type { Actor } from '../core/model';
import type { ActorMatcher, Mention } from './mentions';
import type { Sentence } from './sentences';
import { tokenize } from './tokens';

/** Words that qualify a post without naming it ("deputy head", "first deputy minister"). */
const POST_MODIFIERS = new Set(['deputy', 'first', 'former', 'acting', 'vice', 'senior', 'chief']);
const stem = (w: string) => w.slice(0, 5);

/**
 * The one institution of `country` whose name starts like the post: a word of the post shares the stem of the
 * name's first word, and unless the post is that one word another word of the post is in the name too.
 */
export function institutionNamedLike(matcher: ActorMatcher, country: string, post: string): Actor | undefined {
  // The country's own name says where, not which post ("prosecutor of Kazakhstan").
  const state = matcher.actors.get(country);
  const where = new Set(state ? [state.name, ...state.aliases].flatMap((l) => tokenize(l).map((t) => t.norm)) : []);
  const words = tokenize(post).map((t) => t.norm).filter((w) => w.length > 3 && !POST_MODIFIERS.has(w) && !where.has(w));
  if (!words.length) return undefined;
  const matches = matcher.institutionsOf(country).filter((a) => {
    const name = tokenize(a.name).map((t) => t.norm).filter((w) => w.length > 3);
    const head = words.findIndex((w) => name.length > 0 && stem(w) === stem(name[0]));
    if (head < 0) return false;
    const rest = words.filter((_, i) => i !== head);
    return name[0] === words[head] || !rest.length || rest.some((w) => name.includes(w));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** Descriptions of offices that stand for an institution of the document's state. */
const DESCRIPTION = /(?<![\p{L}])the\s+((?:general\s+prosecutor|prosecutor[-\s]general|(?:foreign|interior|defen[cs]e|finance|justice|economy|labour|labor)\s+minist(?:er|ry)|minist(?:er|ry)\s+of\s+(?:foreign\s+affairs|internal\s+affairs|defen[cs]e|finance|justice|labou?r|the\s+economy))(?:’s|'s)?)(?![\p{L}])/giu;

/**
 * Mentions for "the general prosecutor", "the foreign ministry" … in a text about one state: the institution of
 * the state the text names most (by name or alias) whose name is like the description, when exactly one is.
 * Linear: one count over the mentions, one bounded pattern per sentence.
 */
export function describedInstitutions(text: string, sentences: Sentence[], mentions: Mention[], matcher: ActorMatcher): Mention[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.kind === 'STATE' && (m.via === 'name' || m.via === 'alias')) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  const home = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!home) return [];
  const found: Mention[] = [];
  for (const s of sentences) {
    DESCRIPTION.lastIndex = 0;
    const slice = text.slice(s.start, s.end);
    for (let m = DESCRIPTION.exec(slice); m; m = DESCRIPTION.exec(slice)) {
      const words = m[1].replace(/(?:’s|'s)$/, '');
      const institution = institutionNamedLike(matcher, home, words);
      if (!institution) continue;
      const start = s.start + m.index + m[0].indexOf(m[1]);
      const end = start + words.length;
      if (mentions.some((x) => x.start < end && start < x.end)) continue;
      const possessive = m[1].length > words.length;
      found.push({
        actorId: institution.id, kind: 'INSTITUTION', start, end, possessiveEnd: start + m[1].length, possessive,
        surface: text.slice(start, end), matched: institution.name, via: 'description', sentence: s.index,
      });
    }
  }
  return found;
}
