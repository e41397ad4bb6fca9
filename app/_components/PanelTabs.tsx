'use client';

/**
 * The side panel's tabs (WAI-ARIA tabs pattern): Details, Insights, Changes,
 * Timeline. Arrow keys move between tabs (Home/End to the ends) and activate
 * them; only the active tab is in the Tab order, and only its panel is rendered.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { PANEL_TABS, type PanelTab } from '@/app/_lib/url-state';
import styles from './PanelTabs.module.css';

export const TAB_LABELS: Record<PanelTab, string> = { details: 'Details', insights: 'Insights', changes: 'Changes', timeline: 'Timeline' };

interface Props {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  panels: Record<PanelTab, ReactNode>;
}

export function PanelTabs({ tab, onTab, panels }: Props) {
  const buttons = useRef<Partial<Record<PanelTab, HTMLButtonElement | null>>>({});

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const i = PANEL_TABS.indexOf(tab);
    const next: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: PANEL_TABS.length - 1 };
    if (!(e.key in next)) return;
    e.preventDefault();
    const to = PANEL_TABS[(next[e.key] + PANEL_TABS.length) % PANEL_TABS.length];
    onTab(to);
    buttons.current[to]?.focus();
  }

  return (
    <div className={styles.tabs}>
      <div role="tablist" aria-label="Side panel" className={styles.list} onKeyDown={onKeyDown}>
        {PANEL_TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              buttons.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={t === tab}
            aria-controls={`tabpanel-${t}`}
            tabIndex={t === tab ? 0 : -1}
            className={styles.tab}
            onClick={() => onTab(t)}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.panel} data-testid={`tabpanel-${tab}`}>
        {panels[tab]}
      </div>
    </div>
  );
}
