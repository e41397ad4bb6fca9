/**
 * Relationships grouped by type, in RELATIONSHIP_TYPES order, each group a
 * headed list of RelationshipItem cards; with a table of contents for the
 * page's aside. Shared by the actor and source pages.
 */
import { RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type RelationshipType } from '@/graph/core/model';
import type { RelationshipView } from './queries';
import { RelationshipItem } from './RelationshipItem';

export type RelationshipGroup = [RelationshipType, RelationshipView[]];

export function groupByType(relationships: readonly RelationshipView[]): RelationshipGroup[] {
  const groups = new Map<RelationshipType, RelationshipView[]>();
  for (const rel of relationships) {
    const list = groups.get(rel.type) ?? [];
    list.push(rel);
    groups.set(rel.type, list);
  }
  return RELATIONSHIP_TYPES.filter((t) => groups.has(t)).map((t) => [t, groups.get(t)!]);
}

/** Links to each group, for the aside; nothing when there is one group or none. */
export function RelationshipTypeToc({ groups }: { groups: RelationshipGroup[] }) {
  if (groups.length < 2) return null;
  return (
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
  );
}

interface Props {
  groups: RelationshipGroup[];
  /** Seen from this actor (the actor page). */
  perspective?: string;
  /** Only this source's quotes (the source page). */
  onlySourceId?: string;
}

export function RelationshipGroups({ groups, perspective, onlySourceId }: Props) {
  return groups.map(([type, list]) => (
    <section key={type} className="rel-group" aria-labelledby={`type-${type}`}>
      <h3 id={`type-${type}`}>
        {RELATIONSHIP_TYPE_INFO[type].label} <span className="count">{list.length}</span>
      </h3>
      <ul className="rel-list">
        {list.map((rel) => (
          <RelationshipItem key={rel.id} rel={rel} perspective={perspective} onlySourceId={onlySourceId} />
        ))}
      </ul>
    </section>
  ));
}
