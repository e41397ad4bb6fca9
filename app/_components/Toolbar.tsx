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
  onExportSvg(): void;
  onExportJson(): void;
  /** Opens an exported JSON (the view and positions it was taken with). */
  onOpenJson(file: File): void;
  busy?: boolean;
}

function ToolButton({
  icon,
  label,
  onClick,
  disabled,
  title,
  testId,
  alwaysLabelled,
}: {
  icon: IconName;
  label: string;
  onClick(): void;
  disabled?: boolean;
  title?: string;
  testId?: string;
  /** Keep the text at narrow widths too (buttons that share an icon). */
  alwaysLabelled?: boolean;
}) {
  return (
    <button type="button" className={styles.button} onClick={onClick} disabled={disabled} title={title ?? label} data-testid={testId}>
      <Icon name={icon} size={15} />
      <span className={`${styles.text} ${alwaysLabelled ? styles.always : ''}`}>{label}</span>
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
        <ToolButton
          icon="relayout"
          label="Re-arrange"
          testId="rearrange"
          title="Lay the whole view out afresh. Nothing else moves nodes you have seen: expanding places only the new ones."
          onClick={p.onRelayout}
        />
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
        <ToolButton icon="download" label="PNG" title="Download the view as a PNG image with title, legend and sources" onClick={p.onExportPng} testId="export-png" alwaysLabelled />
        <ToolButton icon="download" label="SVG" title="Download the view as an SVG drawing with title, legend and sources" onClick={p.onExportSvg} testId="export-svg" alwaysLabelled />
        <ToolButton
          icon="download"
          label="JSON"
          title="Download the visible actors and relationships, the view and the positions as JSON (open it again with Open)"
          onClick={p.onExportJson}
          testId="export-json"
          alwaysLabelled
        />
        <label className={styles.button} title="Open a JSON export: the same view at the same positions">
          <Icon name="upload" size={15} />
          <span className={`${styles.text} ${styles.always}`}>Open</span>
          <input
            type="file"
            accept="application/json,.json"
            className={styles.fileInput}
            data-testid="open-json"
            aria-label="Open a JSON export"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) p.onOpenJson(file);
            }}
          />
        </label>
      </div>
    </div>
  );
}
