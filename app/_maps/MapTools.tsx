'use client';

/**
 * The explorer's map-making controls: notes pinned to the selected actor or
 * relationship (or placed on the canvas), drawn over the canvas and editable,
 * and "Save as map", which stores the visible actors and relationships at
 * their current positions (nodes can be dragged by hand) with the notes. With
 * a saved map open (`editing`), its notes are the starting ones, the selection
 * can be taken off the map, and saving replaces the map (a new revision) or
 * makes a copy.
 */
import type { Core } from 'cytoscape';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { RelationshipType } from '@/graph/core/model';
import type { LoadedGraph, Visibility } from '@/app/_lib/graph-view';
import { describeError, GraphQLClientError, graphqlRequest } from '@/app/_lib/graphql-client';
import { useAdminToken } from '@/app/_lib/admin-token';
import { MAP_LIMITS, SAVE_MAP, annotationInput, editMapHref, round, type MapAnnotation, type MapInput, type MapRecord } from '@/app/_lib/map-records';
import type { Selection } from '@/app/_lib/url-state';
import { plural } from '@/app/_reference/format';
import { AdminTokenForm } from '@/app/_components/AdminTokenForm';
import { Icon } from '@/app/_components/Icon';
import { AnnotationLayer } from './AnnotationLayer';
import styles from './MapTools.module.css';

interface Props {
  /** The explorer's Cytoscape instance (read once mounted). */
  getCore(): Core | null;
  graph: LoadedGraph;
  visibility: Visibility;
  /** Types switched off in the legend: their relationships are not saved. */
  hiddenTypes: readonly RelationshipType[];
  selected: Selection | null;
  asOf: string | null;
  /** The saved map open for editing, or null when the view is not one. */
  editing: MapRecord | null;
  /** Takes an actor or relationship off the map being edited. */
  onRemove(id: string): void;
  /** A save went through: as a new map/copy (`copy`) or as the map being edited. */
  onSaved(saved: SavedMap, copy: boolean): void;
}

type SavedMap = Pick<MapRecord, 'id' | 'title' | 'description' | 'updatedAt' | 'version'>;

/**
 * The visible actors and relationships as a map input, positions read from the canvas. Relationships hidden
 * only by the date are kept: the map carries its date, and its own slider shows them as time moves.
 */
export function currentMapInput(
  cy: Core,
  graph: LoadedGraph,
  visibility: Visibility,
  hiddenTypes: readonly RelationshipType[],
  notes: readonly MapAnnotation[],
): Omit<MapInput, 'title'> {
  const nodes = [...graph.actors.keys()]
    .filter((id) => !visibility.hidden.has(id) && cy.getElementById(id).nonempty())
    .map((id) => {
      const p = cy.getElementById(id).position();
      return { actorId: id, x: round(p.x), y: round(p.y) };
    });
  const onMap = new Set(nodes.map((n) => n.actorId));
  const relationshipIds = [...graph.relationships.values()]
    .filter((r) => !hiddenTypes.includes(r.type) && onMap.has(r.source.id) && onMap.has(r.target.id))
    .map((r) => r.id);
  const rels = new Set(relationshipIds);
  const annotations = notes.filter((a) => a.target === 'CANVAS' || (a.targetId && (onMap.has(a.targetId) || rels.has(a.targetId))));
  return { nodes, relationshipIds, annotations: annotations.map(annotationInput) };
}

let noteCounter = 0;
function newNoteId(): string {
  noteCounter += 1;
  return `note-${Date.now().toString(36)}-${noteCounter}`;
}

export function MapTools({ getCore, graph, visibility, hiddenTypes, selected, asOf, editing, onRemove, onSaved }: Props) {
  // Read on each render: the explorer re-renders once its network loads, by when the canvas exists.
  const cy = getCore();
  const [notes, setNotes] = useState<MapAnnotation[]>([]);
  // A map being edited starts from its notes (once: a reload after a save as a copy keeps the ones in hand).
  const [notesFrom, setNotesFrom] = useState<string | null>(null);
  if (editing && notesFrom === null) {
    setNotesFrom(editing.id);
    setNotes(editing.annotations);
  }
  const [open, setOpen] = useState<'note' | 'save' | { edit: string } | null>(null);
  const editingNote = open && typeof open === 'object' ? notes.find((n) => n.id === open.edit) : undefined;

  const selectedName = selected
    ? selected.kind === 'actor'
      ? graph.actors.get(selected.id)?.name
      : (() => {
          const r = graph.relationships.get(selected.id);
          return r ? `${r.source.name} – ${r.target.name}` : undefined;
        })()
    : undefined;

  return (
    <>
      <div className={styles.bar} role="toolbar" aria-label="Map making">
        {editing ? (
          <span className={styles.editing} data-testid="editing-map">
            Editing <Link href={`/maps/${encodeURIComponent(editing.id)}`}>{editing.title}</Link>
          </span>
        ) : null}
        <button type="button" className={styles.button} onClick={() => setOpen('note')} data-testid="add-note" title="Add a note to the selected element or the canvas">
          <Icon name="expand" size={14} />
          Note
        </button>
        {editing ? (
          <button
            type="button"
            className={styles.button}
            onClick={() => selected && onRemove(selected.id)}
            disabled={!selectedName}
            data-testid="remove-from-map"
            title={selectedName ? `Take ${selectedName} off the map` : 'Select an actor or relationship to take it off the map'}
          >
            <Icon name="close" size={14} />
            Remove
          </button>
        ) : null}
        <button type="button" className={`${styles.button} ${styles.primary}`} onClick={() => setOpen('save')} data-testid="save-map">
          {editing ? 'Save map' : 'Save as map'}
        </button>
      </div>
      {/* The notes live over the canvas, whose wrapper is positioned: portal them there. */}
      {cy?.container()?.parentElement
        ? createPortal(
            <AnnotationLayer
              cy={cy}
              annotations={notes}
              onRemove={(id) => setNotes((n) => n.filter((a) => a.id !== id))}
              onEdit={(id) => setOpen({ edit: id })}
            />,
            cy.container()!.parentElement!,
          )
        : null}
      {editingNote ? (
        <NoteDialog
          selected={null}
          initialText={editingNote.text}
          onClose={() => setOpen(null)}
          onAdd={(text) => {
            setNotes((n) => n.map((a) => (a.id === editingNote.id ? { ...a, text } : a)));
            setOpen(null);
          }}
        />
      ) : null}
      {open === 'note' ? (
        <NoteDialog
          selected={selected && selectedName ? { ...selected, name: selectedName } : null}
          onClose={() => setOpen(null)}
          onAdd={(text, pinned) => {
            const core = getCore();
            let note: MapAnnotation;
            if (pinned && selected) note = { id: newNoteId(), text, target: selected.kind === 'actor' ? 'NODE' : 'EDGE', targetId: selected.id, x: null, y: null };
            else {
              // On the canvas: a little above the middle of what is in view, in model coordinates.
              const ext = core?.extent() ?? { x1: 0, y1: 0, w: 0, h: 0 };
              note = { id: newNoteId(), text, target: 'CANVAS', targetId: null, x: round(ext.x1 + ext.w * 0.06), y: round(ext.y1 + ext.h * 0.16) };
            }
            setNotes((n) => [...n, note]);
            setOpen(null);
          }}
        />
      ) : null}
      {open === 'save' ? (
        <SaveDialog
          asOf={asOf}
          editing={editing}
          onSaved={onSaved}
          build={() => {
            const core = getCore();
            return core ? currentMapInput(core, graph, visibility, hiddenTypes, notes) : null;
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}

/** A native modal dialog: focus moves in, Escape closes, focus returns to the opener. */
function Modal({ title, onClose, children, testId }: { title: string; onClose(): void; children: React.ReactNode; testId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={onClose} onCancel={onClose} data-testid={testId}>
      <div className={styles.dialogHead}>
        <h2 id={titleId} className={styles.dialogTitle}>
          {title}
        </h2>
        <button type="button" className={styles.close} onClick={onClose} aria-label="Close">
          <Icon name="close" size={16} />
        </button>
      </div>
      {children}
    </dialog>
  );
}

function NoteDialog({
  selected,
  initialText,
  onClose,
  onAdd,
}: {
  selected: (Selection & { name: string }) | null;
  /** Editing a note: its text (where it sits stays). */
  initialText?: string;
  onClose(): void;
  onAdd(text: string, pinned: boolean): void;
}) {
  const editing = initialText !== undefined;
  const [text, setText] = useState(initialText ?? '');
  const [pinned, setPinned] = useState(!!selected);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onAdd(text.trim(), pinned && !!selected);
  };
  return (
    <Modal title={editing ? 'Edit note' : 'Add a note'} onClose={onClose} testId="note-dialog">
      <form onSubmit={submit} className={styles.form}>
        <label htmlFor={`${id}-text`} className={styles.label}>
          Note <span className={styles.hint}>plain text; say only what the cited sources say</span>
        </label>
        <textarea id={`${id}-text`} className={styles.input} rows={4} maxLength={MAP_LIMITS.annotation} value={text} onChange={(e) => setText(e.target.value)} required autoFocus />
        {editing ? null : (
        <fieldset className={styles.fieldset}>
          <legend className={styles.label}>Where</legend>
          <label className={styles.choice}>
            <input type="radio" name={`${id}-where`} checked={pinned && !!selected} disabled={!selected} onChange={() => setPinned(true)} />
            {selected ? `Pinned to ${selected.kind === 'actor' ? '' : 'the relationship '}${selected.name}` : 'Pinned to the selection (select an actor or relationship first)'}
          </label>
          <label className={styles.choice}>
            <input type="radio" name={`${id}-where`} checked={!pinned || !selected} onChange={() => setPinned(false)} />
            On the canvas (top left of the view)
          </label>
        </fieldset>
        )}
        <div className={styles.actions}>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!text.trim()}>
            {editing ? 'Save note' : 'Add note'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function SaveDialog({
  asOf,
  editing,
  build,
  onSaved,
  onClose,
}: {
  asOf: string | null;
  editing: MapRecord | null;
  build(): Omit<MapInput, 'title'> | null;
  onSaved(saved: SavedMap, copy: boolean): void;
  onClose(): void;
}) {
  const { token } = useAdminToken();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [keepDate, setKeepDate] = useState(true);
  /** With a map open: replace it (a new revision) or save a copy under a new address. */
  const [as, setAs] = useState<'same' | 'copy'>('same');
  const [state, setState] = useState<
    | { status: 'idle' | 'saving' }
    | { status: 'error'; message: string }
    | { status: 'conflict'; currentVersion: number | null }
    | { status: 'saved'; id: string; title: string; copy: boolean }
  >({
    status: 'idle',
  });
  const id = useId();
  const preview = build();
  const same = !!editing && as === 'same';
  const chooseCopy = () => {
    setAs('copy');
    if (editing && title.trim() === editing.title) setTitle(`${editing.title} (copy)`.slice(0, MAP_LIMITS.title));
    setState({ status: 'idle' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = build();
    if (!body || !title.trim()) return;
    if (body.nodes.length === 0) return setState({ status: 'error', message: 'Nothing is visible to save. Load a network first.' });
    setState({ status: 'saving' });
    // As the same map: only over the revision it was opened at (someone may have saved it since).
    const target = same ? { id: editing.id, expectedVersion: editing.version } : {};
    const input: MapInput = { ...body, ...target, title: title.trim(), description: description.trim() || null, asOf: keepDate ? asOf : null };
    try {
      const { saveMap } = await graphqlRequest(SAVE_MAP, { input }, { token });
      setState({ status: 'saved', id: saveMap.id, title: saveMap.title, copy: !same });
      onSaved(saveMap, !same);
    } catch (err) {
      if (err instanceof GraphQLClientError && err.code === 'CONFLICT') {
        const current = err.errors?.[0]?.extensions as { currentVersion?: unknown } | undefined;
        return setState({ status: 'conflict', currentVersion: typeof current?.currentVersion === 'number' ? current.currentVersion : null });
      }
      setState({ status: 'error', message: describeError(err) });
    }
  };

  if (state.status === 'saved') {
    return (
      <Modal title="Map saved" onClose={onClose} testId="save-dialog">
        <p className={styles.saved} role="status">
          {state.copy && editing ? 'A copy, ' : ''}“{state.title}”, is saved{same ? ' as a new revision' : ''}.{' '}
          <Link href={`/maps/${encodeURIComponent(state.id)}`} data-testid="saved-map-link">
            Open the map
          </Link>
          {editing ? null : (
            <>
              {' · '}
              <a href={editMapHref({ id: state.id, asOf: keepDate ? asOf : null })} data-testid="edit-saved-map-link">
                Keep working on it here
              </a>
            </>
          )}
        </p>
      </Modal>
    );
  }

  return (
    <Modal title={editing ? 'Save map' : 'Save as map'} onClose={onClose} testId="save-dialog">
      <p className={styles.summary}>
        {preview
          ? `${plural(preview.nodes.length, 'actor')}, ${plural(preview.relationshipIds.length, 'relationship')} and ${plural(preview.annotations.length, 'note')}, at their current positions.`
          : 'The canvas is not ready yet.'}
      </p>
      {token ? null : <AdminTokenForm purpose="to save maps" />}
      <form onSubmit={submit} className={styles.form}>
        {editing ? (
          <fieldset className={styles.fieldset}>
            <legend className={styles.label}>Save</legend>
            <label className={styles.choice}>
              <input type="radio" name={`${id}-as`} checked={as === 'same'} onChange={() => setAs('same')} data-testid="save-as-same" />
              As “{editing.title}”: a new revision at the same address
            </label>
            <label className={styles.choice}>
              <input
                type="radio"
                name={`${id}-as`}
                checked={as === 'copy'}
                onChange={chooseCopy}
                data-testid="save-as-copy"
              />
              As a copy: a new map, “{editing.title}” stays as it is
            </label>
          </fieldset>
        ) : null}
        <label htmlFor={`${id}-title`} className={styles.label}>
          Title
        </label>
        <input id={`${id}-title`} className={styles.input} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={MAP_LIMITS.title} required autoFocus />
        <label htmlFor={`${id}-desc`} className={styles.label}>
          Description <span className={styles.hint}>optional</span>
        </label>
        <textarea id={`${id}-desc`} className={styles.input} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={MAP_LIMITS.description} />
        {asOf ? (
          <label className={styles.choice}>
            <input type="checkbox" checked={keepDate} onChange={(e) => setKeepDate(e.target.checked)} /> Show the map as of {asOf}
          </label>
        ) : null}
        {state.status === 'error' ? (
          <p className={styles.error} role="alert">
            {state.message}
          </p>
        ) : null}
        {state.status === 'conflict' && editing ? (
          <div className={styles.conflict} role="alert" data-testid="save-conflict">
            <p>
              Someone else saved “{editing.title}” after you opened it{state.currentVersion ? ` (it is now at revision ${state.currentVersion})` : ''}. Saving yours
              as the same map would overwrite their changes.
            </p>
            <p className={styles.conflictActions}>
              <button type="button" className="button" onClick={chooseCopy} data-testid="conflict-save-copy">
                Save mine as a copy
              </button>
              <a className="button" href={editMapHref(editing)} data-testid="conflict-reload">
                Reload the map (drops your changes)
              </a>
            </p>
          </div>
        ) : null}
        <div className={styles.actions}>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!token || !title.trim() || state.status === 'saving' || state.status === 'conflict' || !preview}
            data-testid="save-map-submit"
          >
            {state.status === 'saving' ? 'Saving…' : same ? 'Save changes' : editing ? 'Save copy' : 'Save map'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
