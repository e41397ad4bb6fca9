/**
 * Dates stated in a sentence, as partial ISO dates with the precision the text
 * gives: "8 January 2022" → 2022-01-08, "January 2022" → 2022-01, "in 2019" →
 * 2019. A day and month without a year ("on 5 January") is not a date we can
 * state, so it is skipped rather than guessed.
 */
import { isPartialDate, type PartialDate } from '../core/model';

export interface StatedDate {
  start: number;
  end: number;
  value: PartialDate;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const YEAR = String.raw`((?:1[89]|20)\d{2})`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string }[] = [
  { re: new RegExp(String.raw`(?<![\p{L}\p{N}])${DAY}\s+${MONTH},?\s+${YEAR}(?![\p{N}])`, 'gu'), build: (m) => ymd(m[3], m[2], m[1]) },
  { re: new RegExp(String.raw`(?<![\p{L}\p{N}])${MONTH}\s+${DAY},?\s+${YEAR}(?![\p{N}])`, 'gu'), build: (m) => ymd(m[3], m[1], m[2]) },
  { re: new RegExp(String.raw`(?<![\p{L}\p{N}])${MONTH}\s+(?:of\s+)?${YEAR}(?![\p{N}])`, 'gu'), build: (m) => ymd(m[2], m[1]) },
  { re: new RegExp(String.raw`(?<![\p{L}\p{N},.])${YEAR}(?![\p{N}]|[.,]\d)`, 'gu'), build: (m) => m[1] },
];

function ymd(year: string, month: string, day?: string): string {
  const idx = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().replace(/\.$/, '').slice(0, 3)));
  const mm = String(idx + 1).padStart(2, '0');
  return day === undefined ? `${year}-${mm}` : `${year}-${mm}-${day.padStart(2, '0')}`;
}

/** Every date in `text[from, to)`, most precise reading first where readings overlap. */
export function statedDates(text: string, from = 0, to = text.length): StatedDate[] {
  const slice = text.slice(from, to);
  const found: StatedDate[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (found.some((d) => d.start < end && start < d.end)) continue; // a longer reading already covers it
      const value = build(m);
      if (isPartialDate(value)) found.push({ start, end, value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The stated date nearest to `[at, atEnd)`, if the sentence states any. */
export function nearestDate(dates: StatedDate[], at: number, atEnd = at): StatedDate | undefined {
  let best: StatedDate | undefined;
  let bestDistance = Infinity;
  for (const d of dates) {
    const distance = d.end <= at ? at - d.end : d.start >= atEnd ? d.start - atEnd : 0;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}
