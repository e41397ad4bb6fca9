/**
 * What changed between the record an editor loaded and the one stored now,
 * field by field, for the message a refused write shows (VersionConflictNotice).
 * Values are compared as shown: absent, null, '' and [] are all "empty".
 */

export interface FieldChange {
  field: string;
  label: string;
  /** As the editor loaded it. */
  loaded: string;
  /** As it is stored now. */
  current: string;
}

export const EMPTY_VALUE = '(empty)';

/** A field value as people read it. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY_VALUE;
  if (Array.isArray(value)) return value.length ? value.map(displayValue).join(', ') : EMPTY_VALUE;
  if (typeof value === 'number') return value.toLocaleString('en');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields of `labels` (in its order) whose shown value differs between `loaded` and `current`. */
export function changedFields(loaded: Record<string, unknown>, current: Record<string, unknown>, labels: Readonly<Record<string, string>>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const before = displayValue(loaded[field]);
    const now = displayValue(current[field]);
    if (before !== now) out.push({ field, label, loaded: before, current: now });
  }
  return out;
}
