/**
 * One relationship as a card: who (linked), how, when, how much, and the
 * quoted evidence. Seen from one actor (`perspective`), it names the
 * counterpart with a verb read from that end; without one, it shows both ends.
 * Every string is rendered as a React text node, never as HTML.
 */
import Link from 'next/link';
import { formatAmount, relationshipVerb } from './format';
import { DateRange, PartialDate } from './PartialDate';
import { OriginalLink, WordingWarning } from './Provenance';
import type { ActorRef, RelationshipView } from './queries';

/*
 * Links in these lists do not prefetch: a page can hold hundreds of them and
 * each prefetch of a dynamic page is a server render.
 */

/** Quotes shown open; the rest fold into a native <details>, which works without JavaScript. */
const OPEN_CITATIONS = 2;

function ActorLink({ actor }: { actor: ActorRef }) {
  return (
    <Link className="rel-actor" href={`/actors/${encodeURIComponent(actor.id)}`} prefetch={false}>
      {actor.name}
    </Link>
  );
}

type CitationView = RelationshipView['citations'][number];

function CitationItem({ citation, showSource }: { citation: CitationView; showSource: boolean }) {
  const href = `/sources/${encodeURIComponent(citation.source.id)}`;
  return (
    <li className="citation" data-testid="citation" data-source-id={citation.source.id}>
      <blockquote cite={citation.source.url ?? href}>
        <p>{citation.excerpt}</p>
      </blockquote>
      <WordingWarning source={citation.source} />
      <p className="citation-source">
        {showSource && (
          <>
            <Link href={href} prefetch={false}>
              {citation.source.title}
            </Link>
            {citation.source.publisher && <>, {citation.source.publisher}</>}
            {citation.source.published && (
              <>
                , <PartialDate value={citation.source.published} />
              </>
            )}
            {' · '}
          </>
        )}
        <OriginalLink source={citation.source} />
      </p>
    </li>
  );
}

interface Props {
  rel: RelationshipView;
  /** Actor id the page is about; the other end becomes the counterpart. */
  perspective?: string;
  /** Only show citations from this source (the source page), without repeating its title. */
  onlySourceId?: string;
}

export function RelationshipItem({ rel, perspective, onlySourceId }: Props) {
  const citations = onlySourceId ? rel.citations.filter((c) => c.source.id === onlySourceId) : rel.citations;
  const open = citations.slice(0, OPEN_CITATIONS);
  const folded = citations.slice(OPEN_CITATIONS);
  const showSource = !onlySourceId;
  const meta = [
    rel.role && (
      <span key="role" className="rel-role">
        {rel.role}
      </span>
    ),
    (rel.start || rel.end) && (
      <span key="dates" className="rel-dates">
        <DateRange start={rel.start} end={rel.end} />
      </span>
    ),
    rel.amount != null && (
      <span key="amount" className="rel-amount">
        {formatAmount(rel.amount, rel.currency)}
      </span>
    ),
  ].filter(Boolean);

  return (
    <li className="rel card" id={`rel-${rel.id}`}>
      <p className="rel-head">
        {perspective ? (
          <>
            <span className="rel-verb">{relationshipVerb(rel.type, rel.source.id === perspective)}</span>
            <ActorLink actor={rel.source.id === perspective ? rel.target : rel.source} />
          </>
        ) : (
          <>
            <ActorLink actor={rel.source} />
            <span className="rel-verb">{relationshipVerb(rel.type, true).toLowerCase()}</span>
            <ActorLink actor={rel.target} />
          </>
        )}
      </p>
      {meta.length > 0 && <p className="rel-meta">{meta}</p>}
      <ul className="citations" aria-label="Evidence">
        {open.map((c, i) => (
          <CitationItem key={`${c.source.id}-${i}`} citation={c} showSource={showSource} />
        ))}
      </ul>
      {folded.length > 0 && (
        <details className="more-citations">
          <summary>
            {folded.length} more {folded.length === 1 ? 'quote' : 'quotes'}
          </summary>
          <ul className="citations" aria-label="More evidence">
            {folded.map((c, i) => (
              <CitationItem key={`${c.source.id}-${i + OPEN_CITATIONS}`} citation={c} showSource={showSource} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
