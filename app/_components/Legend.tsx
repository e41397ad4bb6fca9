'use client';

/**
 * The legend is also the filter: each kind and each relationship type is a
 * toggle button (aria-pressed = shown) drawn with the same shape, colour and
 * line style as on the canvas (all from graph-style.ts).
 */
import { ACTOR_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type ActorKind, type RelationshipType } from '@/graph/core/model';
import { KIND_STYLES, TYPE_STYLES, dashArray, shapePath } from '@/app/_lib/graph-style';
import styles from './Legend.module.css';

interface Props {
  kindCounts: ReadonlyMap<ActorKind, number>;
  typeCounts: ReadonlyMap<RelationshipType, number>;
  hiddenKinds: readonly ActorKind[];
  hiddenTypes: readonly RelationshipType[];
  onToggleKind(kind: ActorKind): void;
  onToggleType(type: RelationshipType): void;
  onReset(): void;
  /** Node colour shows something else (communities): draw kinds by shape alone, in grey. */
  kindsByShapeOnly?: boolean;
}

/** Kind swatches when colour means community: shape only, so the legend never claims a colour the canvas does not use. */
const NEUTRAL_SWATCH = { fill: '#cdd2d9', stroke: '#535b66' };

export function KindSwatch({ kind, size = 14, neutral = false }: { kind: ActorKind; size?: number; neutral?: boolean }) {
  const s = KIND_STYLES[kind];
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" className={styles.swatch}>
      <path d={shapePath(s.shape, size)} fill={neutral ? NEUTRAL_SWATCH.fill : s.color} stroke={neutral ? NEUTRAL_SWATCH.stroke : s.border} strokeWidth={1} />
    </svg>
  );
}

/** A short line in the type's colour and style with its arrow; `flip` points it right to left. */
export function TypeSwatch({ type, flip }: { type: RelationshipType; flip?: boolean }) {
  const s = TYPE_STYLES[type];
  return (
    <svg
      width={30}
      height={12}
      viewBox="0 0 30 12"
      aria-hidden="true"
      focusable="false"
      className={styles.swatch}
      style={flip ? { transform: 'scaleX(-1)' } : undefined}
    >
      <line x1={2} y1={6} x2={s.arrow === 'none' ? 28 : 22} y2={6} stroke={s.color} strokeWidth={2} strokeDasharray={dashArray(s.line)} strokeLinecap={s.line === 'dotted' ? 'round' : 'butt'} />
      {s.arrow === 'triangle' ? <path d="M21 2.5 28 6l-7 3.5Z" fill={s.color} /> : null}
      {s.arrow === 'vee' ? <path d="M21 2.5 28 6l-7 3.5 2-3.5Z" fill={s.color} /> : null}
      {s.arrow === 'tee' ? <path d="M24 1.5v9" stroke={s.color} strokeWidth={2.5} /> : null}
    </svg>
  );
}

export function Legend({ kindCounts, typeCounts, hiddenKinds, hiddenTypes, onToggleKind, onToggleType, onReset, kindsByShapeOnly = false }: Props) {
  const hiddenTypeSet = new Set(hiddenTypes);
  const inView = RELATIONSHIP_TYPES.filter((t) => (typeCounts.get(t) ?? 0) > 0 || hiddenTypeSet.has(t));
  const notInView = RELATIONSHIP_TYPES.filter((t) => !inView.includes(t));
  const filtering = hiddenKinds.length > 0 || hiddenTypes.length > 0;

  const typeButton = (t: RelationshipType) => {
    const shown = !hiddenTypeSet.has(t);
    const info = RELATIONSHIP_TYPE_INFO[t];
    return (
      <li key={t}>
        <button
          type="button"
          className={styles.toggle}
          aria-pressed={shown}
          data-type={t}
          onClick={() => onToggleType(t)}
          title={`${info.label}: ${info.direction}. ${shown ? 'Click to hide' : 'Click to show'}.`}
        >
          <TypeSwatch type={t} />
          <span className={styles.name}>{TYPE_STYLES[t].label}</span>
          <span className={styles.count}>{typeCounts.get(t) ?? 0}</span>
        </button>
      </li>
    );
  };

  return (
    <section className={styles.legend} aria-labelledby="legend-heading">
      <div className={styles.head}>
        <h2 id="legend-heading" className="rail-heading">
          Legend &amp; filters
        </h2>
        {filtering ? (
          <button type="button" className={styles.reset} onClick={onReset}>
            Show all
          </button>
        ) : null}
      </div>
      <p className={styles.hint}>Click an entry to hide or show it.</p>

      <h3 className={styles.group} id="legend-kinds">
        Actors
      </h3>
      {kindsByShapeOnly ? <p className={styles.hint}>Shape shows the kind; colour shows the community (key below).</p> : null}
      <ul className={styles.list} aria-labelledby="legend-kinds">
        {ACTOR_KINDS.map((k) => {
          const shown = !hiddenKinds.includes(k);
          return (
            <li key={k}>
              <button type="button" className={styles.toggle} aria-pressed={shown} data-kind={k} onClick={() => onToggleKind(k)}>
                <KindSwatch kind={k} neutral={kindsByShapeOnly} />
                <span className={styles.name}>{KIND_STYLES[k].label}</span>
                <span className={styles.count}>{kindCounts.get(k) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>

      <h3 className={styles.group} id="legend-types">
        Relationships
      </h3>
      <ul className={styles.list} aria-labelledby="legend-types">
        {inView.map(typeButton)}
      </ul>
      {notInView.length ? (
        <details className={styles.more}>
          <summary>
            {notInView.length} more {notInView.length === 1 ? 'type' : 'types'} not in view
          </summary>
          <ul className={styles.list} aria-label="Relationship types not in view">
            {notInView.map(typeButton)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
