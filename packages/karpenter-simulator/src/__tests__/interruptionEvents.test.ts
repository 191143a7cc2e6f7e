import { CoreV1Api } from '@kubernetes/client-node';
import { startControlServer } from '../control';
import { Simulator } from '../Simulator';
import {
  eventScenario,
  kubeConfig,
  shapes,
} from '../__testUtils__/eventScenario';

/**
 * aws/karpenter-provider-aws v1.14: pkg/controllers/interruption/events/events.go (reasons,
 * messages, NodeClaim + Node), utils.go (handleNodeClaim, actionForMessage, deleteNodeClaim) and
 * messages/<kind>/parser.go (the EventBridge message of each kind).
 */
describe('interruption controller events (aws/karpenter-provider-aws pkg/controllers/interruption)', () => {
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
  const nodeOf = (claim: string) =>
    sim.cluster('t').get('NodeClaim', claim).status.nodeName as string;

  it('events.go SpotInterrupted + TerminatingOnInterruption: one spot warning is exactly four Events, each reason once on the NodeClaim and once on its Node', async () => {
    const [claim] = sim.interrupt({ cluster: 't', nodePool: 'spot' });
    const node = nodeOf(claim);
    const mine = (await events()).filter(e =>
      [claim, node].includes(e.involvedObject.name!),
    );
    expect(shapes(mine, [claim, node])).toEqual([
      'Node:SpotInterrupted',
      'Node:TerminatingOnInterruption',
      'NodeClaim:SpotInterrupted',
      'NodeClaim:TerminatingOnInterruption',
    ]);
    const message = (kind: string, reason: string) =>
      mine.find(e => e.involvedObject.kind === kind && e.reason === reason)!
        .message;
    expect(message('NodeClaim', 'SpotInterrupted')).toBe(
      'Spot interruption warning was triggered',
    );
    expect(message('Node', 'SpotInterrupted')).toBe(
      'Spot interruption warning was triggered',
    );
    expect(message('NodeClaim', 'TerminatingOnInterruption')).toBe(
      'Interruption triggered termination for the NodeClaim',
    );
    expect(message('Node', 'TerminatingOnInterruption')).toBe(
      'Interruption triggered termination for the Node',
    );
    for (const e of mine)
      expect(e).toMatchObject({
        type: 'Warning',
        count: 1,
        source: { component: 'karpenter' },
        metadata: { namespace: 'default' },
      });
    expect(
      sim.cluster('t').get('NodeClaim', claim).metadata.deletionTimestamp,
    ).toBeDefined();
  });

  it('actionForMessage NoAction: a rebalance recommendation notifies on NodeClaim and Node and terminates nothing', async () => {
    const [claim] = sim.interrupt({
      cluster: 't',
      nodePool: 'spot',
      reason: 'SpotRebalanceRecommendation',
    });
    const node = nodeOf(claim);
    await sim.advance(60_000);
    const c = sim.cluster('t');
    expect(
      c.get('NodeClaim', claim).metadata.deletionTimestamp,
    ).toBeUndefined();
    expect(c.get('Node', node)).toBeDefined();
    const mine = (await events()).filter(e =>
      [claim, node].includes(e.involvedObject.name!),
    );
    expect(shapes(mine, [claim, node])).toEqual([
      'Node:SpotRebalanceRecommendation',
      'NodeClaim:SpotRebalanceRecommendation',
    ]);
    expect(mine.every(e => e.type === 'Normal')).toBe(true);
    expect(mine[0].message).toBe('Spot rebalance recommendation was triggered');
  });

  it('events.go (node != nil): once the Node is gone its events stop, the NodeClaim still gets them; earlier Node events stay until the TTL', async () => {
    const c = sim.cluster('t');
    const [claim] = sim.interrupt({
      cluster: 't',
      nodePool: 'spot',
      reason: 'SpotRebalanceRecommendation',
    });
    const node = nodeOf(claim);
    c.delete('Node', node);
    await sim.advance(1_000);
    sim.interrupt({ cluster: 't', nodeClaim: claim });
    expect(shapes(await events(), [claim, node])).toEqual([
      'Node:SpotRebalanceRecommendation',
      'NodeClaim:SpotInterrupted',
      'NodeClaim:SpotRebalanceRecommendation',
      'NodeClaim:TerminatingOnInterruption',
    ]);
  });

  it('recorder.go dedupe + deleteNodeClaim: a repeated notice within 2 min is dropped, a later one counts on the same Event; a deleting NodeClaim gets no second TerminatingOnInterruption', async () => {
    const [claim] = sim.interrupt({
      cluster: 't',
      nodePool: 'spot',
      reason: 'SpotRebalanceRecommendation',
    });
    const count = async (reason: string) =>
      (await events())
        .filter(
          e =>
            e.involvedObject.name === claim &&
            e.involvedObject.kind === 'NodeClaim' &&
            e.reason === reason,
        )
        .map(e => e.count);
    await sim.advance(60_000);
    sim.interrupt({
      cluster: 't',
      nodeClaim: claim,
      reason: 'SpotRebalanceRecommendation',
    });
    expect(await count('SpotRebalanceRecommendation')).toEqual([1]);
    await sim.advance(61_000);
    sim.interrupt({
      cluster: 't',
      nodeClaim: claim,
      reason: 'SpotRebalanceRecommendation',
    });
    expect(await count('SpotRebalanceRecommendation')).toEqual([2]);

    sim.interrupt({ cluster: 't', nodeClaim: claim });
    await sim.advance(130_000); // past the dedupe window, still deleting (termination takes 20 s…)
    expect(await count('TerminatingOnInterruption')).toEqual([1]);
  });

  it('messages/*/parser.go: each reason reaches the queue as the EventBridge message the provider parses', () => {
    sim.pauseConsumer('t');
    const runtime = sim.runtime('t');
    const cases: Array<[string, string, string, (d: any, id: string) => void]> =
      [
        [
          'SpotInterrupted',
          'aws.ec2',
          'EC2 Spot Instance Interruption Warning',
          (d, id) =>
            expect(d).toEqual({
              'instance-id': id,
              'instance-action': 'terminate',
            }),
        ],
        [
          'SpotRebalanceRecommendation',
          'aws.ec2',
          'EC2 Instance Rebalance Recommendation',
          (d, id) => expect(d).toEqual({ 'instance-id': id }),
        ],
        [
          'InstanceStopping',
          'aws.ec2',
          'EC2 Instance State-change Notification',
          (d, id) =>
            expect(d).toEqual({ 'instance-id': id, state: 'stopping' }),
        ],
        [
          'InstanceTerminating',
          'aws.ec2',
          'EC2 Instance State-change Notification',
          (d, id) =>
            expect(d).toEqual({ 'instance-id': id, state: 'shutting-down' }),
        ],
        [
          'CapacityReservationInstanceInterrupted',
          'aws.ec2',
          'EC2 Capacity Reservation Instance Interruption Warning',
          (d, id) =>
            expect(d).toEqual({
              'instance-id': id,
              'instance-action': 'terminate',
            }),
        ],
        [
          'InstanceUnhealthy',
          'aws.health',
          'AWS Health Event',
          (d, id) =>
            expect(d).toMatchObject({
              service: 'EC2',
              eventTypeCategory: 'scheduledChange',
              affectedEntities: [{ entityValue: id }],
            }),
        ],
      ];
    for (const [reason, source, detailType, check] of cases) {
      const [claim] = sim.interrupt({
        cluster: 't',
        nodePool: reason.startsWith('Spot') ? 'spot' : undefined,
        reason,
      });
      const id = runtime.store
        .get('nodeclaims', claim)!
        .status.providerID!.split('/')[4];
      const [m] = runtime.queue.receive(1);
      runtime.queue.delete(m.ReceiptHandle);
      const body = JSON.parse(m.Body);
      expect(body).toMatchObject({
        version: '0',
        source,
        'detail-type': detailType,
      });
      check(body.detail, id);
    }
  });

  it('refuses an interruption reason the controller does not emit, naming the field', () => {
    expect(() =>
      sim.interrupt({
        cluster: 't',
        nodePool: 'spot',
        reason: 'Unconsolidatable',
      }),
    ).toThrow(/reason: unknown interruption reason 'Unconsolidatable'/);
  });

  it('control API: POST /interrupt takes a reason (400 for an unknown one), POST /consolidate answers the NodeClaim', async () => {
    const control = await startControlServer(sim, 0);
    try {
      const post = (path: string, body: object) =>
        fetch(`${control.url}${path}`, {
          method: 'POST',
          body: JSON.stringify(body),
        });
      const ok = await post('/interrupt', {
        cluster: 't',
        nodePool: 'spot',
        reason: 'SpotRebalanceRecommendation',
      });
      expect((await ok.json()).interrupted).toHaveLength(1);
      const bad = await post('/interrupt', { cluster: 't', reason: 'Nope' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/^reason: /);
      const consolidated = await post('/consolidate', {
        cluster: 't',
        nodePool: 'spot',
      });
      expect((await consolidated.json()).consolidated).toMatch(/^spot-/);
      const blocked = await post('/consolidate', {
        cluster: 't',
        nodePool: 'frozen',
      });
      expect(await blocked.json()).toEqual({ consolidated: null });
    } finally {
      await control.close();
    }
  });
});
