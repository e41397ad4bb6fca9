import { formatPartialDate } from './format';

/** A partial date as <time>, machine-readable in its ISO form. */
export function PartialDate({ value }: { value: string }) {
  return <time dateTime={value}>{formatPartialDate(value)}</time>;
}

/** "Jan 2022 – Mar 2023", "Since Jan 2022", "Until 2023"; renders nothing when undated. */
export function DateRange({ start, end }: { start?: string | null; end?: string | null }) {
  if (start && end && start !== end)
    return (
      <>
        <PartialDate value={start} /> – <PartialDate value={end} />
      </>
    );
  if (start)
    return end ? (
      <PartialDate value={start} />
    ) : (
      <>
        Since <PartialDate value={start} />
      </>
    );
  if (end)
    return (
      <>
        Until <PartialDate value={end} />
      </>
    );
  return null;
}
