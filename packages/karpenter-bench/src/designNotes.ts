/* The "What this benchmark changed" section of docs/benchmarks.md: kept with every regenerated
 * report (newest last). */
/** What the benchmark changed in the product and in itself (kept with every regenerated report). */
export const DESIGN_NOTES = `## What this benchmark changed

- **Continue tokens (found at M).** The simulator dropped a list snapshot when its continue token
  was first used, so a second lister paging the same list concurrently got \`410 Expired\`. An API
  server keeps tokens valid until they expire; the simulator now does too, and the backend's cache
  restarts a paged list on \`410 Expired\` (at most three times) instead of failing the cluster.
- **Tab rendering at L.** The tab rendered 100 NodeClaim rows and all 100 NodePools at once. NodeClaims
  now come 50 per page from the backend's cursor and NodePools are paged (25/50/100, the ones
  needing attention first).
- **Interruption timeline at L.** Its request listed every record of the day (20,000 at L) into
  JavaScript to bucket and total them; better-sqlite3 is synchronous, so that blocked the event
  loop ahead of the NodeClaims request. The database now counts (GROUP BY bucket and reason, and
  per NodePool, capacity type, instance type and zone), over an index that covers those columns.
- **Click to tab.** The tab waited for its own summary before it could render or ask for anything
  else. It now starts from the summary the overview's card got (stale-while-revalidate) and
  reloads it alongside the NodeClaims, NodeClasses, queue and timeline requests. A cold page load
  of the tab URL still waits for it.
- **Measuring.** The click is timed in the page (capture-phase mark), not around Playwright's
  click; memory is read in the backend's own process; the peer lists NodeClaims (above) and runs
  as many requests as ours.
- **Counting per NodeClaim, and an honest bench backend (2026-12-02).** Three changes to how the
  bench measures:
  - The test backend ran the test utilities' mock scheduler, which never runs a task with an
    initial delay. The event recorder therefore never ran: the timeline was timed over an empty
    history, and memory and warm latency left the recorder out. The backend now runs the real
    scheduler.
  - Its database is now SQLite files, as in the portal.
  - The history is realistic: counts above 1 give 26,384 occurrences at L (20,000 before), and
    counting is per distinct NodeClaim (COUNT DISTINCT and first-notice GROUP BY queries,
    issue 14).

  What that did to the timeline request at L: p50 / p95 went from 42.5 / 47.7 ms (old counting,
  20,000 occurrences, same bench code) to about 100 / 119 ms.

  The first run then missed the tab target (534 ms). better-sqlite3 runs each query
  synchronously, and knex chained the history queries in promise callbacks, so a day's counting
  held the event loop for about 80 ms at L. The NodeClaims answer, served from memory, waited
  behind it. Two fixes:
  - The history queries now yield to the event loop between queries, so the longest hold is one
    query, about 25 ms.
  - The first page of "Latest" rows is grouped from the newest 1,000 records.

  RSS growth at L then read 74 MB, against a target of 67 MB (three times the raw JSON), with
  heap growth at 15 MB.
- **What the RSS growth was (2026-12-02, evening).** Readings of the L backend every 10 s, idle
  after start: RSS rises about 55 MB in the first seconds (the recorder's resolver starts the
  NodeClaim and Node caches, which list and parse 22 MB of JSON, and the recorder stores 26,000
  events) and falls back to about 7 MB above the start some 60 s later, with the heap unchanged.
  Deleting every event from the simulated cluster first left the same rise: the recorder's
  catch-up was not the cause. The cause is V8's young generation: a burst of parsing grows it to
  its maximum, a plain full GC empties it but keeps its size, and V8 gives it back only when the
  process has idled for a while. So the reading taken right after warm-up counted that reserve,
  not what the caches hold. Memory is now read after V8's last-resort GC, which V8 itself runs
  under memory pressure and which also shrinks the young generation; the plain-GC reading is
  kept in brackets in the table, so both can be compared. Two product changes came out of the
  readings:
  - The recorder stored a namespace's whole event list in memory before recording it; it now
    records each page of 500 before fetching the next.
  - Each one-minute recorder run listed all 26,000 events again. A run now resumes the previous
    run's watch from its resourceVersion; it lists only on \`410 Gone\`, after a failed record, or
    on an instance that has not recorded the cluster yet.
- **Warm after the catch-up (2026-12-02, night).** A run after those changes read warm p95 69 ms
  at L. Its warm requests ran while the recorder was still storing
  its start-up catch-up. It now records each page of 500 events before fetching the next, so its
  synchronous SQLite inserts (better-sqlite3) came between the summary requests for the whole warm
  phase. Before, they came in one burst, which showed in p99, not p95. The warm target is about
  the steady state, so warm is now timed once the catch-up is stored (the timeline's event count
  stays the same for 2 s). The requests timed during the catch-up are reported in their own table,
  so the start-up cost stays visible. On PostgreSQL the inserts do not hold the event loop.
`;
