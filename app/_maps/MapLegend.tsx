/** The key to one map: only the kinds and types it shows, the note and the "deleted since" mark. */
import { ACTOR_KINDS, RELATIONSHIP_TYPES } from '@/graph/core/model';
import { KIND_STYLES, TYPE_STYLES } from '@/app/_lib/graph-style';
import type { MapRecord } from '@/app/_lib/map-records';
import { KindSwatch, TypeSwatch } from '@/app/_components/Legend';
import styles from './MapLegend.module.css';

/** `notesWhere`: where the numbered notes are listed (beside the map on its page, under Notes in an embed). */
export function MapLegend({ map, notesWhere = 'listed beside the map' }: { map: MapRecord; notesWhere?: string }) {
  const kinds = ACTOR_KINDS.filter((k) => map.nodes.some((n) => !n.deleted && (n.actor?.kind ?? n.savedKind) === k));
  const types = RELATIONSHIP_TYPES.filter((t) => map.edges.some((e) => !e.deleted && (e.relationship?.type ?? e.savedType) === t));
  const deleted = map.nodes.some((n) => n.deleted) || map.edges.some((e) => e.deleted);
  return (
    <ul className={styles.legend} aria-label="Legend">
      {kinds.map((k) => (
        <li key={k}>
          <KindSwatch kind={k} /> {KIND_STYLES[k].label}
        </li>
      ))}
      {types.map((t) => (
        <li key={t}>
          <TypeSwatch type={t} /> {TYPE_STYLES[t].label}
        </li>
      ))}
      {map.annotations.length ? (
        <li>
          <span className={styles.note} aria-hidden="true" /> Note (numbered; {notesWhere})
        </li>
      ) : null}
      {deleted ? (
        <li>
          <span className={styles.deleted} aria-hidden="true" /> Deleted since saved
        </li>
      ) : null}
    </ul>
  );
}
