import { InterruptionRecord } from '@karpenter-backstage/plugin-karpenter-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
import { CANDIDATE_LOOKBACK_MS } from './listConsolidations';
import { migrateDatabase } from './migrations';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const base = Date.parse('2026-11-24T12:00:00Z');
const MIN = 60_000;

let uid = 0;
const record = (
  r: Partial<InterruptionRecord> & { at: number; nodeClaim: string },
): InterruptionRecord => ({
  cluster: 'demo',
  eventUid: `uid-${uid++}`,
  occurrence: 1,
  time: new Date(r.at).toISOString(),
  reason: 'DisruptionTerminating',
  type: 'Normal',
  message: 'Disrupting NodeClaim: Underutilized',
  nodePool: 'general',
  instanceType: 'm5.large',
  capacityType: 'spot',
  zone: 'eu-west-1a',
  ...r,
});
const candidate = (nodeClaim: string, at: number, savings: string) =>
  record({
    nodeClaim,
    at,
    reason: 'ConsolidationCandidate',
    message: `Consolidation candidate: replace: [ip-${nodeClaim}] -> [1 replacement] (savings: $${savings})`,
  });

/** kubernetes-sigs/karpenter pkg/controllers/disruption: queue.go terminates after the candidate. */
describe.each(databases.eachSupportedId())(
  'listConsolidations on %s',
  databaseId => {
    it('lists each consolidated NodeClaim once, with its newest candidate of the hour before its termination', async () => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      const store = new DatabaseInterruptionStore(knex);
      await store.addRecords([
        // replaced: two candidates (the newer one is the executed command), terminated on Node
        // and NodeClaim
        candidate('a', base - 10 * MIN, '0.30'),
        candidate('a', base - 2 * MIN, '0.10'),
        record({ nodeClaim: 'a', at: base }),
        record({
          nodeClaim: 'a',
          node: 'ip-a',
          at: base + 1,
          message: 'Disrupting Node: Underutilized',
        }),
        // deleted: a candidate older than the lookback is another command's
        candidate('b', base + 5 * MIN - CANDIDATE_LOOKBACK_MS - 1, '0.50'),
        record({
          nodeClaim: 'b',
          at: base + 5 * MIN,
          message: 'Disrupting NodeClaim: Empty',
        }),
        // a candidate after the termination does not count
        record({ nodeClaim: 'c', at: base + 6 * MIN }),
        candidate('c', base + 7 * MIN, '0.40'),
        // drift is no consolidation; nor is a candidate that was never executed
        record({
          nodeClaim: 'd',
          at: base + 8 * MIN,
          message: 'Disrupting NodeClaim: Drifted',
        }),
        candidate('e', base + 9 * MIN, '0.20'),
        // another NodePool
        record({ nodeClaim: 'f', at: base + 10 * MIN, nodePool: 'batch' }),
      ]);
      const range = {
        cluster: 'demo',
        fromMs: base - MIN,
        toMs: base + 60 * MIN,
      };
      const listed = await store.listConsolidations(range);
      const bySubject = Object.fromEntries(listed.map(c => [c.subject, c]));
      expect(Object.keys(bySubject).sort()).toEqual(['a', 'b', 'c', 'f']);
      expect(bySubject.a).toMatchObject({
        terminatedAtMs: base,
        nodePool: 'general',
        instanceType: 'm5.large',
        capacityType: 'spot',
        zone: 'eu-west-1a',
        candidateMessage: expect.stringContaining('(savings: $0.10)'),
      });
      expect(bySubject.b.candidateMessage).toBeUndefined();
      expect(bySubject.c.candidateMessage).toBeUndefined();

      const general = await store.listConsolidations({
        ...range,
        nodePools: ['general'],
        reason: 'SpotInterrupted', // ignored: consolidations whatever the reason filter
      });
      expect(general.map(c => c.subject).sort()).toEqual(['a', 'b', 'c']);
      expect(
        await store.listConsolidations({ ...range, fromMs: base + 11 * MIN }),
      ).toEqual([]);
      await knex.destroy();
    });
  },
);
