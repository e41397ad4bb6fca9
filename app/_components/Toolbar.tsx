'use client';

/** Canvas controls: layout, re-run, fit, expand/collapse the selected actor, export. */
import { LAYOUT_LABELS } from '@/app/_lib/layouts';
import { LAYOUTS, type LayoutName } from '@/app/_lib/url-state';
import { Icon, type IconName } from './Icon';
import styles from './Toolbar.module.css';

interface Props {
  layout: LayoutName;
  onLayout(layout: LayoutName): void;
  onRelayout(): void;
  onFit(): void;
  onZoom(factor: number): void;
  /** The actor expand/collapse act on, with what each would do; null when none is selected. */
  target: { name: string; canExpand: boolean; canCollapse: boolean } | null;
  onExpand(): void;
  onCollapse(): void;
  onExportPng(): void;
  onExportJson(): void;
  busy?: boolean;
}

function ToolButton({ icon, label, onClick, disabled, title, testId }: { icon: IconName; label: string; onClick(): void; disabled?: boolean; title?: string; testId?: string }) {
  return (
    <button type="button" className={styles.button} onClick={onClick} disabled={disabled} title={title ?? label} data-testid={testId}>
      <Icon name={icon} size={15} />
      <span className={styles.text}>{label}</span>
    </button>
  );
}

export function Toolbar(p: Props) {
  const t = p.target;
  return (
    <div className={styles.bar} role="toolbar" aria-label="Graph controls">
      <div className={styles.group}>
        <label htmlFor="layout-select" className={styles.label}>
          Layout
        </label>
        <select id="layout-select" className={styles.select} value={p.layout} onChange={(e) => p.onLayout(e.target.value as LayoutName)}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {LAYOUT_LABELS[l]}
            </option>
          ))}
        </select>
        <button type="button" className={styles.iconButton} onClick={p.onRelayout} aria-label="Re-run layout" title="Run the layout again">
          <Icon name="relayout" size={15} />
        </button>
      </div>
      <span className={styles.sep} aria-hidden="true" />
      <div className={styles.group}>
        <button type="button" className={styles.iconButton} onClick={p.onFit} aria-label="Fit to view" title="Fit the graph to the view">
          <Icon name="fit" size={15} />
        </button>
        <button type="button" className={styles.iconButton} onClick={() => p.onZoom(1.25)} aria-label="Zoom in" title="Zoom in">
          <Icon name="zoomIn" size={15} />
        </button>
        <button type="button" className={styles.iconButton} onClick={() => p.onZoom(0.8)} aria-label="Zoom out" title="Zoom out">
          <Icon name="zoomOut" size={15} />
        </button>
      </div>
      <span className={styles.sep} aria-hidden="true" />
      <div className={styles.group}>
        <ToolButton
          icon="expand"
          label="Expand"
          testId="expand-button"
          disabled={!t?.canExpand}
          title={t ? (t.canExpand ? `Show the neighbours of ${t.name} (or double-click the node)` : `${t.name} is already expanded`) : 'Select an actor to expand it'}
          onClick={p.onExpand}
        />
        <ToolButton
          icon="collapse"
          label="Collapse"
          testId="collapse-button"
          disabled={!t?.canCollapse}
          title={t ? (t.canCollapse ? `Hide the neighbours only ${t.name} brought in` : `${t.name} is not expanded`) : 'Select an expanded actor to collapse it'}
          onClick={p.onCollapse}
        />
      </div>
      <span className={styles.sep} aria-hidden="true" />
      <div className={styles.group}>
        <ToolButton icon="download" label="PNG" title="Download the current view as a PNG image" onClick={p.onExportPng} testId="export-png" />
        <ToolButton icon="download" label="JSON" title="Download the visible actors and relationships as JSON" onClick={p.onExportJson} testId="export-json" />
      </div>
    </div>
  );
}
