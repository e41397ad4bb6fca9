import type { ActorKind } from '@/graph/core/model';

const LABELS: Record<ActorKind, string> = { PERSON: 'Person', INSTITUTION: 'Institution', STATE: 'State' };

/** Kind as a coloured, shaped pill (shape repeats the colour's meaning for colour-blind readers). */
export function KindBadge({ kind }: { kind: ActorKind }) {
  return <span className={`kind-badge kind-${kind}`}>{LABELS[kind] ?? kind}</span>;
}

export function kindLabel(kind: ActorKind): string {
  return LABELS[kind] ?? kind;
}
