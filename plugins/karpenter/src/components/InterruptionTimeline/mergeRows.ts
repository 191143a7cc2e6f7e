/** Rows the user fetched with "Load more" (and the ones shown above them at the time). */
export interface LoadedRows<T> {
  filterKey: string;
  rows: T[];
  cursor?: string;
}

/**
 * The latest rows to show: the freshly refreshed first page, then the rows loaded before that
 * are not on it (by `key`) and still inside the range, with the cursor after the last loaded
 * page. It is the first page alone, with its own cursor, when nothing was loaded, when the first
 * page is all there is, or when it does not reach the loaded rows (more new rows arrived than
 * fit on it: keeping them would leave a hole).
 *
 * @internal
 */
export function mergeRows<T>(
  first: { from: string; rows: T[]; cursor?: string },
  loaded: Pick<LoadedRows<T>, 'rows' | 'cursor'> | undefined,
  key: (row: T) => string,
  time: (row: T) => string,
): { rows: T[]; cursor?: string } {
  const firstPage = { rows: first.rows, cursor: first.cursor };
  // Without a next page the first page already holds every row in the range.
  if (!loaded?.rows.length || !first.cursor) return firstPage;
  const onFirstPage = new Set(first.rows.map(key));
  if (!loaded.rows.some(r => onFirstPage.has(key(r)))) {
    return firstPage;
  }
  const from = Date.parse(first.from);
  const older = loaded.rows.filter(
    r => !onFirstPage.has(key(r)) && !(Date.parse(time(r)) < from),
  );
  return { rows: [...first.rows, ...older], cursor: loaded.cursor };
}
