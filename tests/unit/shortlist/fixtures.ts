import { newRecord } from '../../../lib/db/records';
import type { PaperEntry } from '../../../lib/schema/paper';
import type { ShortlistRecord } from '../../../lib/schema/shortlist';
import { toSummary, type ShortlistSummary } from '../../../lib/shortlist/summary';

/** A saved record for the shortlist view's tests: paper fields, record fields and when it was saved. */
export function record(
  n: number,
  fields: Partial<PaperEntry> = {},
  extra: Partial<Omit<ShortlistRecord, 'paper'>> = {},
): ShortlistRecord {
  const id = `2401.${String(n).padStart(5, '0')}`;
  const base = newRecord(
    {
      id,
      source: 'arxiv',
      url: `https://arxiv.org/abs/${id}`,
      title: `Paper ${n}`,
      authors: ['Ada Lovelace'],
      arxivId: id,
      ...fields,
    },
    {},
    1000 + n,
  );
  return { ...base, ...extra };
}

/** The summary of `record(n, …)`. */
export function summary(
  n: number,
  fields: Partial<PaperEntry> = {},
  extra: Partial<Omit<ShortlistRecord, 'paper'>> = {},
): ShortlistSummary {
  return toSummary(record(n, fields, extra));
}
