/**
 * /actors/[id]: everything known about one actor, server-rendered so it reads
 * and links without JavaScript. Relationships are grouped by type, each with
 * its counterpart, dates and quoted evidence.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type RelationshipType } from '@/graph/core/model';
import { plural } from '@/app/_reference/format';
import { KindBadge } from '@/app/_reference/KindBadge';
import { getActorPage, MAX_LISTED, type RelationshipView } from '@/app/_reference/queries';
import { RelationshipItem } from '@/app/_reference/RelationshipItem';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getActorPage((await params).id);
  if (!data) return { title: 'Actor not found' };
  return { title: data.actor.name, description: data.actor.summary ?? undefined };
}

function groupByType(relationships: RelationshipView[]): [RelationshipType, RelationshipView[]][] {
  const groups = new Map<RelationshipType, RelationshipView[]>();
  for (const rel of relationships) {
    const list = groups.get(rel.type) ?? [];
    list.push(rel);
    groups.set(rel.type, list);
  }
  return RELATIONSHIP_TYPES.filter((t) => groups.has(t)).map((t) => [t, groups.get(t)!]);
}

export default async function ActorPage({ params }: Props) {
  const { id } = await params;
  const data = await getActorPage(id);
  if (!data) notFound();
  const { actor, relationships, totalCount } = data;
  const groups = groupByType(relationships);
  const sourceCount = new Set(relationships.flatMap((r) => r.citations.map((c) => c.source.id))).size;

  return (
    <article className="page page-wide" aria-labelledby="actor-name">
      <header className="page-header">
        <div className="eyebrow">
          <KindBadge kind={actor.kind} />
          {actor.category && <span className="eyebrow-item">{actor.category}</span>}
          {actor.country && (
            <span className="eyebrow-item">
              <span className="visually-hidden">Country: </span>
              <Link href={`/actors/${encodeURIComponent(actor.country.id)}`}>{actor.country.name}</Link>
            </span>
          )}
        </div>
        <h1 id="actor-name">{actor.name}</h1>
        {actor.summary && <p className="lede">{actor.summary}</p>}
        <div className="page-actions">
          <Link className="button button-primary" href={`/?focus=${encodeURIComponent(actor.id)}`}>
            Open in explorer
          </Link>
        </div>
      </header>

      <div className="page-body">
        <aside className="page-aside" aria-label="About this actor">
          <dl className="facts facts-stacked card">
            <dt>Also known as</dt>
            <dd>
              {actor.aliases.length ? (
                <ul className="inline-list" aria-label="Aliases">
                  {actor.aliases.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">No other names recorded</span>
              )}
            </dd>
            <dt>Evidence</dt>
            <dd>
              {plural(totalCount, 'relationship')} cited from {plural(sourceCount, 'source')}
            </dd>
            {actor.tags.length > 0 && (
              <>
                <dt>Tags</dt>
                <dd className="tags">
                  {actor.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </dd>
              </>
            )}
            <dt>Identifier</dt>
            <dd>
              <code>{actor.id}</code>
            </dd>
          </dl>
          {groups.length > 1 && (
            <nav className="toc card" aria-labelledby="toc-heading">
              <h2 id="toc-heading" className="toc-heading">
                Relationship types
              </h2>
              <ul>
                {groups.map(([type, list]) => (
                  <li key={type}>
                    <a href={`#type-${type}`}>
                      <span>{RELATIONSHIP_TYPE_INFO[type].label}</span> <span className="count">{list.length}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </aside>

        <section className="page-main" aria-labelledby="relationships-heading">
          <div className="section-header">
            <h2 id="relationships-heading">
              Relationships <span className="count">{totalCount}</span>
            </h2>
          </div>
          {totalCount > relationships.length && (
            <p className="notice">
              Showing the first {MAX_LISTED} of {totalCount} relationships. Use the explorer or the API for the rest.
            </p>
          )}
          {groups.length === 0 ? (
            <p className="empty-state card">No relationships recorded for {actor.name} yet.</p>
          ) : (
            groups.map(([type, list]) => (
              <section key={type} className="rel-group" aria-labelledby={`type-${type}`}>
                <h3 id={`type-${type}`}>
                  {RELATIONSHIP_TYPE_INFO[type].label} <span className="count">{list.length}</span>
                </h3>
                <ul className="rel-list">
                  {list.map((rel) => (
                    <RelationshipItem key={rel.id} rel={rel} perspective={actor.id} />
                  ))}
                </ul>
              </section>
            ))
          )}
        </section>
      </div>
    </article>
  );
}
