'use client';

/**
 * The details panel: an actor (facts and every relationship grouped by type,
 * with counterpart, role, dates and quoted citations), one relationship, or
 * the paths found between two actors, step by step with citations.
 */
import Link from 'next/link';
import { useState } from 'react';
import { usePanelFocus } from '@/app/_lib/use-panel-focus';
import { RELATIONSHIP_TYPES, inForceAsOf, isDated, type RelationshipType } from '@/graph/core/model';
import { KIND_STYLES, TYPE_STYLES } from '@/app/_lib/graph-style';
import { formatPeriod, type LoadedGraph } from '@/app/_lib/graph-view';
import { fetchActorDetail, fetchRelationship, type ActorRecord, type ActorRef, type PathRecord, type RelationshipRecord } from '@/app/_lib/queries';
import { useAsync } from '@/app/_lib/use-async';
import type { Selection } from '@/app/_lib/url-state';
import { CitationList } from './CitationList';
import { Icon } from './Icon';
import { TypeSwatch } from './Legend';
import { AsyncPanel } from './AsyncPanel';
import { formatDate } from './TimeSlider';
import styles from './SidePanel.module.css';

export type PanelContent = { kind: 'actor'; id: string } | { kind: 'relationship'; id: string } | { kind: 'paths'; paths: PathRecord[] };

interface Actions {
  onSelect(selection: Selection | null): void;
  onFocus(actorId: string): void;
  onExpand(actorId: string): void;
  onCollapse(actorId: string): void;
  onPathFrom(actorId: string): void;
}

interface Props extends Actions {
  content: PanelContent;
  /** Show a close button (something was selected on top of the default view). */
  closable: boolean;
  /** Shown instead of the content (e.g. while the network it belongs to failed to load). */
  placeholder?: string;
  /** Changing it makes the panel load its content again. */
  generation?: number;
  graph: LoadedGraph;
  focusId: string;
  expandedIds: readonly string[];
  asOf: string | null;
  /** The relationship or actor the keyboard is on in the panel's lists (the canvas marks it), or null. */
  onKeyboardTarget?(id: string | null): void;
}

export function SidePanel(props: Props) {
  const { content, onKeyboardTarget } = props;
  const contentKey = content.kind === 'paths' ? 'paths' : `${content.kind}:${content.id}`;
  const { panelRef, close } = usePanelFocus(contentKey, props.closable, () => props.onSelect(null));
  return (
    <aside
      ref={panelRef}
      className={styles.panel}
      aria-label="Details"
      data-testid="side-panel"
      data-panel={content.kind}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && props.closable) {
          e.preventDefault();
          close();
        }
      }}
      // Moving through the panel's lists marks the same relationship or actor on the canvas (and shows its label).
      onFocus={(e) => onKeyboardTarget?.(keyboardTargetOf(e.target))}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onKeyboardTarget?.(null);
      }}
    >
      {props.closable ? (
        <button type="button" className={styles.close} onClick={close} aria-label="Close details" title="Close details (Escape)">
          <Icon name="close" size={16} />
        </button>
      ) : null}
      {props.placeholder ? <p className={styles.placeholder}>{props.placeholder}</p> : null}
      {!props.placeholder && content.kind === 'actor' ? <ActorDetails key={`${content.id}:${props.generation ?? 0}`} id={content.id} {...props} /> : null}
      {!props.placeholder && content.kind === 'relationship' ? (
        <RelationshipDetails key={`${content.id}:${props.generation ?? 0}`} id={content.id} {...props} />
      ) : null}
      {!props.placeholder && content.kind === 'paths' ? <PathDetails paths={content.paths} {...props} /> : null}
    </aside>
  );
}

function KindBadge({ actor }: { actor: Pick<ActorRecord, 'kind'> }) {
  return <span className={`kind-badge kind-${actor.kind}`}>{KIND_STYLES[actor.kind].label}</span>;
}

function ActorButton({ actor, onSelect }: { actor: ActorRef; onSelect: Actions['onSelect'] }) {
  return (
    <button type="button" className={styles.actorLink} onClick={() => onSelect({ kind: 'actor', id: actor.id })} data-actor-id={actor.id}>
      {actor.name}
    </button>
  );
}

function RelationshipMeta({ rel, asOf }: { rel: RelationshipRecord; asOf: string | null }) {
  const period = formatPeriod(rel.start && formatDate(rel.start), rel.end && formatDate(rel.end));
  const dated = isDated(rel);
  const inForce = asOf === null || inForceAsOf({ start: rel.start ?? undefined, end: rel.end ?? undefined }, asOf);
  return (
    <p className={styles.meta}>
      {rel.role ? <span className={styles.role}>{rel.role}</span> : null}
      <span>{period || 'Undated'}</span>
      {/* When it was reported, never when it began. */}
      {!dated && rel.reported ? <span>reported {formatDate(rel.reported)}</span> : null}
      {rel.amount !== null ? (
        <span>
          {rel.amount.toLocaleString('en-GB')} {rel.currency}
        </span>
      ) : null}
      {asOf !== null && !dated ? (
        <span className={styles.notInForce} data-testid="undated-note">
          Start unknown: not shown as in force on {formatDate(asOf)}
        </span>
      ) : !inForce ? (
        <span className={styles.notInForce}>Not in force on {formatDate(asOf!)}</span>
      ) : null}
    </p>
  );
}

// ---------------------------------------------------------------- actor

const ALIASES_SHOWN = 4;

function AliasList({ aliases }: { aliases: readonly string[] }) {
  const [all, setAll] = useState(false);
  if (aliases.length === 0) return null;
  const shown = all ? aliases : aliases.slice(0, ALIASES_SHOWN);
  return (
    <p className={styles.aliases}>
      <span className={styles.factLabel}>Also</span>
      {shown.join(' · ')}
      {aliases.length > ALIASES_SHOWN ? (
        <>
          {' '}
          <button type="button" className={styles.more} onClick={() => setAll((a) => !a)} aria-expanded={all}>
            {all ? 'fewer' : `+${aliases.length - ALIASES_SHOWN} more`}
          </button>
        </>
      ) : null}
    </p>
  );
}

function ActorDetails({ id, graph, focusId, expandedIds, asOf, onSelect, onFocus, onExpand, onCollapse, onPathFrom }: Props & { id: string }) {
  const detail = useAsync(`actor:${id}`, (signal) => fetchActorDetail(id, signal));
  const known = graph.actors.get(id);
  const actor: (ActorRecord & { country?: ActorRef | null }) | undefined = detail.status === 'ready' ? detail.data : known;
  const onCanvas = graph.actors.has(id);
  const isFocus = id === focusId;
  const isExpanded = expandedIds.includes(id);

  if (!actor) return <AsyncPanel state={detail} loading="Loading actor…" error="Could not load this actor" />;

  const rels = detail.status === 'ready' ? detail.data.relationships : null;
  const groups = new Map<RelationshipType, RelationshipRecord[]>();
  for (const r of rels?.nodes ?? []) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);

  return (
    <article className={styles.body} aria-labelledby="panel-title" data-actor-id={actor.id}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>
          <KindBadge actor={actor} />
          {actor.category ? <span>{actor.category}</span> : null}
          {isFocus ? <span className={styles.pill}>Focus</span> : null}
        </p>
        <h2 id="panel-title" className={styles.title} tabIndex={-1}>
          {actor.name}
        </h2>
        <AliasList aliases={actor.aliases} />
      </header>
      {actor.summary ? <p className={styles.summary}>{actor.summary}</p> : null}
      {actor.country ? (
        <p className={styles.fact}>
          <span className={styles.factLabel}>Country</span> <ActorButton actor={actor.country} onSelect={onSelect} />
        </p>
      ) : null}

      <div className={styles.actions}>
        {!isFocus ? (
          <button type="button" className="button button-primary" onClick={() => onFocus(id)}>
            <Icon name="focus" size={14} />
            Focus
          </button>
        ) : null}
        {onCanvas && !isFocus && !isExpanded ? (
          <button type="button" className="button" onClick={() => onExpand(id)} data-testid="panel-expand">
            <Icon name="expand" size={14} />
            Expand
          </button>
        ) : null}
        {isExpanded ? (
          <button type="button" className="button" onClick={() => onCollapse(id)} data-testid="panel-collapse">
            <Icon name="collapse" size={14} />
            Collapse
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => onPathFrom(id)}>
          <Icon name="route" size={14} />
          Path from here
        </button>
        <Link className="button" href={`/actors/${encodeURIComponent(id)}`} prefetch={false}>
          Full page
        </Link>
      </div>

      <section className={styles.section} aria-labelledby="panel-rels">
        <h3 id="panel-rels" className={styles.sectionTitle}>
          Relationships {rels ? <span className={styles.count}>{rels.totalCount}</span> : null}
        </h3>
        <AsyncPanel state={detail} loading="Loading relationships…" error="Could not load the relationships" />
        {rels && rels.nodes.length === 0 ? <p className={styles.muted}>No recorded relationships.</p> : null}
        {rels && rels.totalCount > rels.nodes.length ? (
          <p className={styles.muted}>
            Showing the first {rels.nodes.length} of {rels.totalCount}; the <Link href={`/actors/${encodeURIComponent(id)}`}>full page</Link> lists them all.
          </p>
        ) : null}
        {RELATIONSHIP_TYPES.filter((t) => groups.has(t)).map((t) => (
          <section key={t} className={styles.group} aria-labelledby={`grp-${t}`} data-type={t}>
            <h4 id={`grp-${t}`} className={styles.groupTitle}>
              <TypeSwatch type={t} />
              {TYPE_STYLES[t].label}
              <span className={styles.count}>{groups.get(t)!.length}</span>
            </h4>
            <ul className={styles.rels}>
              {groups.get(t)!.map((r) => {
                const outgoing = r.source.id === id;
                const other = outgoing ? r.target : r.source;
                return (
                  <li key={r.id} className={styles.rel} data-relationship-id={r.id}>
                    <p className={styles.relHead}>
                      <span className={styles.dir} aria-hidden="true">
                        {r.symmetric ? '↔' : outgoing ? '→' : '←'}
                      </span>
                      <span className="visually-hidden">{r.symmetric ? 'with' : outgoing ? 'to' : 'from'} </span>
                      <ActorButton actor={other} onSelect={onSelect} />
                      <button type="button" className={styles.relLink} data-opens-details onClick={() => onSelect({ kind: 'relationship', id: r.id })}>
                        Details<span className="visually-hidden"> of this relationship</span>
                      </button>
                    </p>
                    <RelationshipMeta rel={r} asOf={asOf} />
                    <CitationList citations={r.citations} />
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}

// ---------------------------------------------------------------- relationship

function RelationshipDetails({ id, graph, asOf, onSelect }: Props & { id: string }) {
  const loaded = graph.relationships.get(id);
  const fetched = useAsync(loaded ? null : `rel:${id}`, (signal) => fetchRelationship(id, signal));
  const rel = loaded ?? (fetched.status === 'ready' ? fetched.data : undefined);
  if (!rel) return <AsyncPanel state={fetched} loading="Loading relationship…" error="Could not load this relationship" />;
  const info = TYPE_STYLES[rel.type];
  return (
    <article className={styles.body} aria-labelledby="panel-title" data-relationship-id={rel.id}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>
          <TypeSwatch type={rel.type} />
          <span>Relationship</span>
        </p>
        <h2 id="panel-title" className={styles.title} tabIndex={-1}>
          {info.label}
        </h2>
      </header>
      <p className={styles.ends}>
        <ActorButton actor={rel.source} onSelect={onSelect} />
        <span className={styles.dir} aria-hidden="true">
          {rel.symmetric ? '↔' : '→'}
        </span>
        <span className="visually-hidden">{rel.symmetric ? 'and' : 'to'}</span>
        <ActorButton actor={rel.target} onSelect={onSelect} />
      </p>
      <RelationshipMeta rel={rel} asOf={asOf} />
      <section className={styles.section} aria-labelledby="panel-cites">
        <h3 id="panel-cites" className={styles.sectionTitle}>
          Evidence <span className={styles.count}>{rel.citations.length}</span>
        </h3>
        <CitationList citations={rel.citations} />
      </section>
    </article>
  );
}

// ---------------------------------------------------------------- paths

function PathDetails({ paths, onSelect }: Props & { paths: PathRecord[] }) {
  const from = paths[0]?.nodes[0];
  const to = paths[0]?.nodes[paths[0].nodes.length - 1];
  return (
    <article className={styles.body} aria-labelledby="panel-title" data-testid="path-details">
      <header className={styles.header}>
        <p className={styles.eyebrow}>
          <Icon name="route" size={14} />
          <span>
            {paths.length} {paths.length === 1 ? 'path' : 'paths'}
          </span>
        </p>
        <h2 id="panel-title" className={styles.title} tabIndex={-1}>
          {from?.name} → {to?.name}
        </h2>
      </header>
      <ol className={styles.paths}>
        {paths.map((p, pi) => (
          <li key={pi} className={styles.path} data-path-index={pi}>
            <h3 className={styles.sectionTitle}>
              Path {pi + 1} <span className={styles.count}>{p.length === 1 ? '1 step' : `${p.length} steps`}</span>
            </h3>
            <ol className={styles.steps}>
              {p.edges.map((r, i) => {
                const a = p.nodes[i];
                const b = p.nodes[i + 1];
                const forward = r.source.id === a.id;
                return (
                  <li key={`${r.id}-${i}`} className={styles.step} data-relationship-id={r.id}>
                    <p className={styles.relHead}>
                      <ActorButton actor={a} onSelect={onSelect} />
                      <span className={styles.stepType}>
                        <TypeSwatch type={r.type} flip={!forward && !r.symmetric} />
                        {TYPE_STYLES[r.type].label.toLowerCase()}
                        <span className="visually-hidden">{r.symmetric ? '' : forward ? '(to)' : '(from)'}</span>
                      </span>
                      <ActorButton actor={b} onSelect={onSelect} />
                    </p>
                    <RelationshipMeta rel={r} asOf={null} />
                    <CitationList citations={r.citations} />
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </article>
  );
}

/** The relationship (list item) or actor (button) an element in the panel stands for. */
function keyboardTargetOf(target: EventTarget): string | null {
  if (!(target instanceof HTMLElement)) return null;
  return target.closest<HTMLElement>('[data-relationship-id]')?.dataset.relationshipId ?? target.dataset.actorId ?? null;
}
