import { CoreV1Api } from '@kubernetes/client-node';
import { Simulator } from '../Simulator';
import {
  eventScenario,
  kubeConfig,
  shapes,
} from '../__testUtils__/eventScenario';

/**
 * kubernetes-sigs/karpenter v1.14: pkg/controllers/disruption/events/events.go (Terminating,
 * Unconsolidatable with a 15-min dedupe, NodePoolBlockedForDisruptionReason with 1 min),
 * queue.go (Terminating after the NodeClaim's delete), consolidation.go (ShouldDisrupt's
 * Unconsolidatable messages) and helpers.go (BuildDisruptionBudgetMapping).
 */
describe('disruption controller events (kubernetes-sigs/karpenter pkg/controllers/disruption)', () => {
  let sim: Simulator;
  let core: CoreV1Api;
  beforeEach(async () => {
    sim = new Simulator({ scenario: eventScenario() });
    await sim.start();
    core = kubeConfig(sim.clusters[0].url).makeApiClient(CoreV1Api);
  });
  afterEach(() => sim.stop());

  const events = async () =>
    (await core.listNamespacedEvent({ namespace: 'default' })).items;

  it('events.go Terminating: a consolidation is DisruptionTerminating on the Node ("Disrupting Node: Underutilized") and the NodeClaim', async () => {
    const c = sim.cluster('t');
    const claim = sim.runtime('t').consolidate('spot')!;
    expect(claim).toBeDefined();
    const node = c.get('NodeClaim', claim).status.nodeName;
    const mine = (await events()).filter(e =>
      [claim, node].includes(e.involvedObject.name!),
    );
    expect(shapes(mine, [claim, node])).toEqual([
      'Node:DisruptionTerminating',
      'NodeClaim:DisruptionTerminating',
    ]);
    const byKind = Object.fromEntries(
      mine.map(e => [e.involvedObject.kind, e]),
    );
    expect(byKind.Node).toMatchObject({
      type: 'Normal',
      message: 'Disrupting Node: Underutilized',
    });
    expect(byKind.NodeClaim.message).toBe(
      'Disrupting NodeClaim: Underutilized',
    );
    const reason = c
      .get('NodeClaim', claim)
      .status.conditions.find((x: any) => x.type === 'DisruptionReason');
    expect(reason).toMatchObject({ status: 'True', reason: 'Underutilized' });
  });

  it('events.go ConsolidationCandidate + queue.go: a replacement is a candidate with its savings on Node and NodeClaim, DisruptionLaunching on the replacement, and DisruptionTerminating once the replacement is initialized', async () => {
    const replaced = new Simulator({
      scenario: eventScenario({
        nodePools: [
          {
            name: 'batch',
            capacityTypes: ['on-demand'],
            instanceTypes: ['m5.2xlarge', 'm5.xlarge', 'm5.large'],
            nodes: [
              { count: 2, instanceType: 'm5.2xlarge', zone: 'eu-west-1a' },
            ],
            consolidationPolicy: 'WhenEmptyOrUnderutilized',
            consolidateAfter: '1m',
          },
        ],
        workloads: [
          { name: 'job', namespace: 'shop', nodePool: 'batch', replicas: 2 },
        ],
      }),
    });
    await replaced.start();
    try {
      const api = kubeConfig(replaced.clusters[0].url).makeApiClient(CoreV1Api);
      const all = async () =>
        (await api.listNamespacedEvent({ namespace: 'default' })).items;
      const c = replaced.cluster('t');
      const claim = replaced.runtime('t').consolidate('batch', 'replace')!;
      expect(claim).toBeDefined();
      const node = c.get('NodeClaim', claim).status.nodeName;
      // the next size down, in the same zone and capacity type (the simulator's price table)
      const savings =
        replaced.prices.onDemand('eu-west-1', 'm5.2xlarge')! -
        replaced.prices.onDemand('eu-west-1', 'm5.xlarge')!;
      const message = `Consolidation candidate: replace: [${node}] -> [1 replacement] (savings: $${savings.toFixed(
        2,
      )})`;
      const candidates = (await all()).filter(
        e => e.reason === 'ConsolidationCandidate',
      );
      expect(shapes(candidates, [claim, node])).toEqual([
        'Node:ConsolidationCandidate',
        'NodeClaim:ConsolidationCandidate',
      ]);
      expect(candidates.map(e => e.message)).toEqual([message, message]);
      const launching = (await all()).filter(
        e => e.reason === 'DisruptionLaunching',
      );
      expect(launching).toHaveLength(1);
      const replacement = launching[0].involvedObject.name!;
      expect(launching[0]).toMatchObject({
        involvedObject: { kind: 'NodeClaim' },
        message: 'Launching NodeClaim: Underutilized',
      });
      expect(
        c.get('NodeClaim', replacement).metadata.labels[
          'node.kubernetes.io/instance-type'
        ],
      ).toBe('m5.xlarge');
      // not terminated before the replacement is initialized
      expect(
        c.get('NodeClaim', claim).metadata.deletionTimestamp,
      ).toBeUndefined();
      await replaced.advance(46_000);
      expect(
        c.get('NodeClaim', claim).metadata.deletionTimestamp,
      ).toBeDefined();
      expect(
        shapes(
          (await all()).filter(e => e.reason === 'DisruptionTerminating'),
          [claim, node],
        ),
      ).toEqual([
        'Node:DisruptionTerminating',
        'NodeClaim:DisruptionTerminating',
      ]);
    } finally {
      await replaced.stop();
    }
  });

  it('consolidation.go: with nothing cheaper, a replacement is refused with Unconsolidatable "Can\'t replace with a cheaper node"', async () => {
    // spot runs m5.large only
    expect(sim.runtime('t').consolidate('spot', 'replace')).toBeUndefined();
    const refused = (await events()).filter(
      e =>
        e.reason === 'Unconsolidatable' &&
        e.message === "Can't replace with a cheaper node",
    );
    expect(refused.map(e => e.involvedObject.kind).sort()).toEqual([
      'Node',
      'NodeClaim',
    ]);
  });

  it('NodePoolBlockedForDisruptionReason: a budget of 0 blocks consolidation with DisruptionBlocked on the NodePool, re-recorded each minute as one Event whose count grows', async () => {
    expect(sim.runtime('t').consolidate('frozen')).toBeUndefined();
    const blocked = async () =>
      (await events()).filter(
        e =>
          e.involvedObject.kind === 'NodePool' &&
          e.involvedObject.name === 'frozen',
      );
    expect(await blocked()).toMatchObject([
      {
        reason: 'DisruptionBlocked',
        type: 'Normal',
        message:
          'No allowed disruptions for disruption reason Underutilized due to blocking budget',
        count: 1,
      },
    ]);
    expect(
      sim
        .cluster('t')
        .list('NodeClaim')
        .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'frozen')
        .every(n => !n.metadata.deletionTimestamp),
    ).toBe(true);
    // the disruption loop (every 10 s) publishes it again; the 1-min dedupe lets one a minute through
    await sim.advance(5 * 60_000 + 5_000);
    const after = await blocked();
    expect(after).toHaveLength(1);
    expect(after[0].count).toBeGreaterThanOrEqual(5);
    expect(after[0].count).toBeLessThanOrEqual(7);
    // NodePools whose budgets allow disruptions get none
    expect(
      (await events()).filter(
        e =>
          e.involvedObject.kind === 'NodePool' &&
          e.involvedObject.name === 'spot',
      ),
    ).toEqual([]);
  });

  it('Unconsolidatable (DedupeTimeout 15 min): while consolidation refuses a node, one Event per Node and NodeClaim whose count grows every 15 min, not many Events', async () => {
    const c = sim.cluster('t');
    const claim = c
      .list('NodeClaim')
      .find(n => n.metadata.labels['karpenter.sh/nodepool'] === 'quiet')!;
    const names = [claim.metadata.name, claim.status.nodeName];
    const counts = async () =>
      (await events())
        .filter(
          e =>
            names.includes(e.involvedObject.name!) &&
            e.reason === 'Unconsolidatable',
        )
        .map(e => `${e.involvedObject.kind}:${e.count}`)
        .sort();
    await sim.advance(10_000);
    expect(await counts()).toEqual(['Node:1', 'NodeClaim:1']);
    const [first] = (await events()).filter(
      e =>
        e.involvedObject.name === names[0] && e.reason === 'Unconsolidatable',
    );
    expect(first.message).toBe(
      'NodePool "quiet" has consolidation policy WhenEmpty, but node is not empty',
    );
    await sim.advance(14 * 60_000); // re-published every 10 s, dropped inside the 15 min
    expect(await counts()).toEqual(['Node:1', 'NodeClaim:1']);
    await sim.advance(16 * 60_000 + 10_000); // 30 min 20 s since the first
    expect(await counts()).toEqual(['Node:3', 'NodeClaim:3']);
    const [again] = (await events()).filter(
      e =>
        e.involvedObject.name === names[0] && e.reason === 'Unconsolidatable',
    );
    expect(again.metadata.name).toBe(first.metadata.name);
    expect(again.firstTimestamp).toEqual(first.firstTimestamp);
    expect(Date.parse(String(again.lastTimestamp))).toBeGreaterThan(
      Date.parse(String(first.lastTimestamp)),
    );
  });

  it('consolidation.go ShouldDisrupt: nodes it may consolidate get no Unconsolidatable', async () => {
    await sim.advance(60_000);
    const spotNames = new Set(
      sim
        .cluster('t')
        .list('NodeClaim')
        .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'spot')
        .flatMap(n => [n.metadata.name, n.status.nodeName]),
    );
    expect(
      (await events()).filter(
        e =>
          spotNames.has(e.involvedObject.name!) &&
          e.reason === 'Unconsolidatable',
      ),
    ).toEqual([]);
  });
});
