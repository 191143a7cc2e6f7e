/**
 * Lets the event loop serve other work (I/O callbacks, timers) before the next query. On SQLite
 * (better-sqlite3) a query runs synchronously, and knex hands the pool's one connection from
 * query to query in promise callbacks, so several queries in a row would hold the event loop for
 * all of them together; a request answered from memory would wait for the whole batch.
 *
 * @internal
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/**
 * Runs query builders one after the other, yielding to the event loop before each (see
 * {@link yieldToEventLoop}); the results come in the same order.
 *
 * @internal
 */
export async function runInTurn<T extends readonly unknown[]>(queries: {
  [K in keyof T]: () => PromiseLike<T[K]>;
}): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) {
    await yieldToEventLoop();
    results.push(await query());
  }
  return results as unknown as T;
}
