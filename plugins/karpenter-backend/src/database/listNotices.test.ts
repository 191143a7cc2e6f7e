import { InterruptionRecord } from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
import { migrateDatabase } from './migrations';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const base = Date.parse('2026-11-24T00:00:00Z');

/**
 * 3,000 records, more than the newest-records window of the first page: NodeClaims with an
 * interruption (4 events within seconds) and Unconsolidatable repeats of long-lived NodeClaims
 * spread over the whole range (groups with records older than the window edge).
 */
function history(): InterruptionRecord[] {
  const out: InterruptionRecord[] = [];
  let uid = 0;
  const add = (r: Partial<InterruptionRecord> & { at: number }) =>
    out.push({
      cluster: 'demo',
      eventUid: `uid-${uid++}`,
      occurrence: 1,
      time: new Date(r.at).toISOString(),
      reason: 'SpotInterrupted',
      type: 'Warning',
      message: 'x',
      nodePool: 'general',
      ...r,
    });
  for (let i = 0; i < 600; i++) {
    const at = base + i * 5_000;
    const claim = `general-${i}`;
    for (const [reason, on] of [
      ['SpotInterrupted', 'claim'],
      ['SpotInterrupted', 'node'],
      ['TerminatingOnInterruption', 'claim'],
      ['TerminatingOnInterruption', 'node'],
    ] as const)
      add({
        at: at + (on === 'node' ? 1 : 0),
        reason,
        nodeClaim: claim,
        node: `ip-${i}`,
      });
    // a long-lived NodeClaim's Unconsolidatable, re-recorded through the whole range
    add({
      at,
      reason: 'Unconsolidatable',
      type: 'Normal',
      nodeClaim: `batch-${i % 7}`,
      nodePool: 'batch',
    });
  }
  return out;
}

/** The first page as grouping every record gives it: newest first event first. */
function expectedPage(records: InterruptionRecord[], limit: number) {
  const groups = new Map<string, { key: string; first: number }>();
  for (const r of records) {
    if (r.reason === 'TerminatingOnInterruption') continue;
    const key = `${r.nodeClaim}|${r.reason}`;
    const at = Date.parse(r.time);
    const g = groups.get(key);
    if (!g || at < g.first) groups.set(key, { key, first: at });
  }
  return [...groups.values()]
    .sort((a, b) => b.first - a.first || (a.key < b.key ? 1 : -1))
    .slice(0, limit)
    .map(g => g.key);
}

describe.each(databases.eachSupportedId())(
  'Latest rows (listNotices) on %p',
  databaseId => {
    it('gives the first page from the newest records as grouping the whole range would, and pages on from it', async () => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      const store = new DatabaseInterruptionStore(knex);
      const records = history();
      for (let i = 0; i < records.length; i += 500)
        await store.addRecords(records.slice(i, i + 500));
      const query = {
        cluster: 'demo',
        fromMs: base - 1,
        toMs: base + 3_600_000,
        limit: 20,
      };
      const first = await store.listNotices(query);
      const keys = first.notices.map(n => `${n.nodeClaim}|${n.reason}`);
      expect(keys).toEqual(expectedPage(records, 20));
      // the interruption row folds its TerminatingOnInterruption events in: 4 events
      expect(first.notices[0].events).toBe(4);
      // a long-lived NodeClaim's row counts every repeat of the range, not only the newest ones
      const all = [first];
      while (all[all.length - 1].nextCursor) {
        all.push(
          await store.listNotices({
            ...query,
            limit: 200,
            cursor: all[all.length - 1].nextCursor,
          }),
        );
      }
      const rows = all.flatMap(p => p.notices);
      const unconsolidatable = rows.filter(
        n => n.reason === 'Unconsolidatable',
      );
      expect(unconsolidatable).toHaveLength(7);
      expect(unconsolidatable.reduce((s, n) => s + n.events, 0)).toBe(600);
      // every group exactly once across the pages
      const seen = rows.map(n => `${n.subject}|${n.reason}`);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(600 + 7);
    });
  },
);
