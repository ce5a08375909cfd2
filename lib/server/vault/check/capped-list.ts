import "server-only";

/** How many keys or ids a report lists at most; the count stays exact beyond it. */
export const REPORT_LIST_LIMIT = 1000;

/**
 * A count with the first REPORT_LIST_LIMIT items: a vault damaged in bulk (a restored bucket, a lost
 * folder) cannot make a check's report, or its memory, grow without bound.
 */
export type CappedList = { count: number; items: string[] };

export function cappedList(): CappedList {
  return { count: 0, items: [] };
}

export function addTo(list: CappedList, item: string): void {
  list.count += 1;
  if (list.items.length < REPORT_LIST_LIMIT) list.items.push(item);
}
