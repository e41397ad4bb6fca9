'use client';

/**
 * Choose two actors and ask for the shortest paths between them. The result
 * is highlighted on the canvas and listed step by step in the side panel;
 * this box shows the status (searching, none found, failed with retry).
 */
import { PATH_MAX_LENGTH } from '@/app/_lib/queries';
import { SearchBox } from './SearchBox';
import { AsyncPanel } from './AsyncPanel';
import { Icon } from './Icon';
import styles from './PathFinder.module.css';

export type PathEnd = { id: string; name: string } | null;

interface Props {
  from: PathEnd;
  to: PathEnd;
  /** Bumped when the ends change from outside (swap, "path from here", a shared link), to refill the inputs. */
  generation: string;
  onChangeEnds(from: PathEnd, to: PathEnd, external: boolean): void;
  /** A path search is in the view (and its result below). */
  active: boolean;
  result: { status: 'idle' | 'loading' } | { status: 'ready'; count: number; shortest: number | null } | { status: 'error'; error: unknown };
  onRetry(): void;
  onFind(from: string, to: string): void;
  onClear(): void;
}

export function PathFinder({ from, to, generation, onChangeEnds, active, result, onRetry, onFind, onClear }: Props) {
  const canFind = !!from && !!to && from.id !== to.id;

  return (
    <section className={styles.box} aria-labelledby="path-heading">
      <h2 id="path-heading" className={`rail-heading ${styles.heading}`}>
        <Icon name="route" size={14} />
        Find a path
      </h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to && canFind) onFind(from.id, to.id);
        }}
      >
        <SearchBox
          key={`from-${generation}`}
          id="path-from"
          label="From"
          placeholder="Start actor"
          defaultText={from?.name ?? ''}
          onPick={(a) => onChangeEnds(a, to, false)}
        />
        <div className={styles.swapRow}>
          <button
            type="button"
            className={styles.swap}
            onClick={() => onChangeEnds(to, from, true)}
            aria-label="Swap start and end"
            title="Swap start and end"
          >
            <Icon name="swap" size={14} />
          </button>
        </div>
        <SearchBox key={`to-${generation}`} id="path-to" label="To" placeholder="End actor" defaultText={to?.name ?? ''} onPick={(a) => onChangeEnds(from, a, false)} />
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={!canFind} aria-disabled={!canFind}>
            Find paths
          </button>
          {active ? (
            <button type="button" className="button" onClick={onClear}>
              Clear path
            </button>
          ) : null}
        </div>
        {from && to && from.id === to.id ? <p className={styles.note}>Choose two different actors.</p> : null}
      </form>
      {active ? (
        <div className={styles.result} data-testid="path-status">
          <AsyncPanel state={result} loading="Looking for paths…" error="Path search failed" onRetry={onRetry} />
          {result.status === 'ready' && result.count === 0 ? (
            <p className={styles.note} role="status" data-state="empty">
              No connection within {PATH_MAX_LENGTH} steps under the current filters.
            </p>
          ) : null}
          {result.status === 'ready' && result.count > 0 ? (
            <p className={styles.found} role="status">
              {result.count} {result.count === 1 ? 'path' : 'paths'}, shortest {result.shortest}{' '}
              {result.shortest === 1 ? 'step' : 'steps'}. Details in the side panel.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
