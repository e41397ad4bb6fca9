'use client';

/**
 * Actor search with autocomplete, following the ARIA 1.2 combobox pattern:
 * the input owns a listbox of suggestions; ArrowUp/ArrowDown move through
 * them, Enter picks the active one (or the best match), Escape closes the
 * list and a second Escape clears the text. Matching (aliases, no diacritics
 * needed) happens on the server; this component debounces and cancels.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { searchActors, type ActorRef, type SearchHit } from '@/app/_lib/queries';
import { latestData, useAsync } from '@/app/_lib/use-async';
import { KIND_STYLES } from '@/app/_lib/graph-style';
import { ErrorState } from './States';
import { Icon } from './Icon';
import styles from './SearchBox.module.css';

const DEBOUNCE_MS = 160;

interface Props {
  /** Id of the input, for labels and tests. */
  id: string;
  label: string;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  placeholder?: string;
  /** Text shown at first (e.g. the actor already picked). */
  defaultText?: string;
  onPick(actor: ActorRef): void;
  /** Empty the box after a pick (the main search) or show the picked name (path finder ends). */
  clearOnPick?: boolean;
  /** Used by the main search so "/" focuses it. */
  shortcut?: boolean;
}

export function SearchBox({ id, label, hideLabel, placeholder, defaultText = '', onPick, clearOnPick, shortcut }: Props) {
  const listId = useId();
  const statusId = useId();
  const [text, setText] = useState(defaultText);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        document.getElementById(id)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id, shortcut]);

  const results = useAsync(open && query ? `search:${query}` : null, (signal) => searchActors(query, signal));
  const hits: SearchHit[] = latestData(results)?.hits ?? [];
  const upToDate = results.status === 'ready' && query === text.trim();
  const showList = open && text.trim() !== '' && (hits.length > 0 || results.status !== 'idle');

  function pick(hit: SearchHit) {
    onPick(hit.actor);
    setOpen(false);
    setActive(-1);
    setText(clearOnPick ? '' : hit.actor.name);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (hits.length ? (i + 1) % hits.length : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (hits.length ? (i <= 0 ? hits.length - 1 : i - 1) : -1));
        break;
      case 'Home':
      case 'End':
        if (open && hits.length && active >= 0) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : hits.length - 1);
        }
        break;
      case 'Enter': {
        if (!open) return;
        const hit = active >= 0 ? hits[active] : upToDate ? hits[0] : undefined;
        if (hit) {
          e.preventDefault();
          pick(hit);
        }
        break;
      }
      case 'Escape':
        if (open && text) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  const activeId = showList && active >= 0 && active < hits.length ? `${listId}-opt-${active}` : undefined;
  const statusText =
    !showList || results.status === 'idle'
      ? ''
      : results.status === 'loading'
        ? 'Searching…'
        : results.status === 'error'
          ? 'Search failed.'
          : hits.length === 0
            ? `No actors match “${query}”.`
            : `${results.data.totalCount} ${results.data.totalCount === 1 ? 'actor matches' : 'actors match'}; use the arrow keys to choose.`;

  return (
    <div className={styles.root}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : `rail-heading ${styles.label}`}>
        {label}
      </label>
      <div className={styles.field}>
        <Icon name="search" size={16} className={styles.icon} />
        <input
          id={id}
          className={styles.input}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={statusId}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => text && setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {shortcut && !text ? (
          <kbd className={styles.kbd} aria-hidden="true">
            /
          </kbd>
        ) : null}
      </div>
      <div className={styles.popup} hidden={!showList}>
        <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className={styles.list} hidden={hits.length === 0}>
          {hits.map((hit, i) => (
            <li
              key={hit.actor.id}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={styles.option}
              data-actor-id={hit.actor.id}
              // Keep focus in the input so the list does not close before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <span className={styles.swatch} style={{ background: KIND_STYLES[hit.actor.kind].color }} data-shape={KIND_STYLES[hit.actor.kind].shape} aria-hidden="true" />
              <span className={styles.optText}>
                <span className={styles.optName}>{hit.actor.name}</span>
                <span className={styles.optMeta}>
                  {KIND_STYLES[hit.actor.kind].label}
                  {hit.actor.category ? ` · ${hit.actor.category}` : ''}
                  {hit.matchedText && hit.matchedText !== hit.actor.name ? ` · also “${hit.matchedText}”` : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
        {results.status === 'loading' && hits.length === 0 ? <p className={styles.note}>Searching…</p> : null}
        {results.status === 'ready' && hits.length === 0 ? (
          <p className={styles.note} data-state="empty">
            No actors match “{query}”. Try another spelling or a shorter name.
          </p>
        ) : null}
        {results.status === 'error' ? (
          <div onMouseDown={(e) => e.preventDefault()}>
            <ErrorState error={results.error} title="Search failed" onRetry={results.retry} />
          </div>
        ) : null}
      </div>
      <span id={statusId} className="visually-hidden" role="status" aria-live="polite">
        {statusText}
      </span>
    </div>
  );
}
