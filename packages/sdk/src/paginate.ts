import { KeywardError } from "./errors.js";

/** What every cursor-paginated list answers besides its items. */
export interface PageCursor {
  cursor: string | null;
  hasMore: boolean;
}

/**
 * Walks every page of a list, yielding items one by one and asking for the next page only
 * when the last one runs out. Stops when the API says there is no more.
 *
 * @example paginate((cursor) => keys.listPage({ cursor }), (page) => page.keys)
 */
export async function* paginate<P extends PageCursor, T>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  itemsOf: (page: P) => T[],
  startCursor?: string,
): AsyncGenerator<T, void, undefined> {
  let cursor = startCursor;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    yield* itemsOf(page);
    if (!page.hasMore || page.cursor === null) return;
    // A cursor that comes back twice would loop forever: better to fail loudly.
    if (seen.has(page.cursor)) throw new KeywardError("The API returned the same page cursor twice; stopping the listing");
    seen.add(page.cursor);
    cursor = page.cursor;
  }
}
