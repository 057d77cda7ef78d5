/** The parts of a Relay connection the page walker needs. */
export interface ConnectionPage<T> {
  nodes: readonly T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Walks every page of a connection, yielding its nodes in order. `fetchPage` gets the cursor to continue
 * after (null for the first page) and returns that page's connection.
 *
 *   for await (const record of paginate((after) => client.exportRecords({ filter, first: 100, after })
 *       .then((r) => r.exportRecords))) { … }
 */
export async function* paginate<T>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<T>>,
  options: { maxPages?: number } = {},
): AsyncGenerator<T, void, undefined> {
  let after: string | null = null;
  for (let page = 0; page < (options.maxPages ?? Number.POSITIVE_INFINITY); page += 1) {
    const connection: ConnectionPage<T> = await fetchPage(after);
    yield* connection.nodes;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}

/** Collects every node of a connection into an array (see paginate). */
export async function collectAll<T>(fetchPage: (after: string | null) => Promise<ConnectionPage<T>>, options?: { maxPages?: number }): Promise<T[]> {
  const all: T[] = [];
  for await (const node of paginate(fetchPage, options)) all.push(node);
  return all;
}
