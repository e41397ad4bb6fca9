/**
 * Plain-text formatting for the server-rendered reference pages: partial
 * dates, date ranges, amounts, and how a relationship reads from one end.
 */
import { parsePartialDate, RELATIONSHIP_TYPE_INFO, type RelationshipType } from '@/graph/core/model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2022` → "2022", `2022-01` → "Jan 2022", `2022-01-08` → "8 Jan 2022"; unparseable input is shown as is. */
export function formatPartialDate(date: string): string {
  const p = parsePartialDate(date);
  if ('error' in p) return date;
  if (p.month === undefined) return String(p.year);
  const month = MONTHS[p.month - 1];
  return p.day === undefined ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** "US$1.2B"-style compact money; falls back to "1200000000 XYZ" for codes Intl does not know. */
export function formatAmount(amount: number, currency?: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }).format(amount);
    } catch {
      return `${new Intl.NumberFormat('en').format(amount)} ${currency}`;
    }
  }
  return new Intl.NumberFormat('en').format(amount);
}

/** How a relationship reads from its target end ("Appointed by X"). Symmetric types read the same both ways. */
const INCOMING: Record<RelationshipType, string> = {
  APPOINTED: 'Appointed by',
  DISMISSED: 'Dismissed by',
  PROSECUTED: 'Prosecuted by',
  ALLIED_WITH: 'Allied with',
  INVESTED_IN: 'Received investment from',
  MEMBER_OF: 'Has member',
  HOLDS_POSITION: 'Position held by',
  FAMILY_OF: 'Family of',
  SUCCEEDED: 'Succeeded by',
  INTERVENED_IN: 'Intervention by',
  SUPPORTED: 'Supported by',
  OPPOSED: 'Opposed by',
  COOPERATED_WITH: 'Cooperated with',
  CRITICIZED: 'Criticized by',
  VISITED: 'Visited by',
  MET_WITH: 'Met with',
};

/** The verb phrase for a relationship seen from one of its ends: outgoing uses the type's label. */
export function relationshipVerb(type: RelationshipType, outgoing: boolean): string {
  return outgoing || RELATIONSHIP_TYPE_INFO[type].symmetric ? RELATIONSHIP_TYPE_INFO[type].label : INCOMING[type];
}

/** "1 relationship", "3 relationships". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${new Intl.NumberFormat('en').format(count)} ${count === 1 ? one : many}`;
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHttpUrl(url?: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
