import { Simulator } from '../Simulator';

describe('interruptions and the timeline', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo' });
    await sim.start();
  });
  afterEach(() => sim.stop());

  const conditions = (obj: any) =>
    Object.fromEntries(
      (obj?.status?.conditions ?? []).map((c: any) => [c.type, c.status]),
    );

  it('interrupts a spot NodeClaim: events, termination, and a replacement that becomes initialized', async () => {
    const c = sim.cluster('demo');
    const before = c
      .list('NodeClaim')
      .filter(
        n => n.metadata.labels['karpenter.sh/nodepool'] === 'batch',
      ).length;
    const [claim] = sim.interrupt({ cluster: 'demo', nodePool: 'batch' });
    const node = c.get('NodeClaim', claim).status.nodeName;
    expect(
      c.get('NodeClaim', claim).metadata.labels['karpenter.sh/capacity-type'],
    ).toBe('spot');
    const reasons = c
      .list('Event')
      .filter(
        e => e.involvedObject.name === claim || e.involvedObject.name === node,
      )
      .map(e => `${e.involvedObject.kind}:${e.reason}`)
      .sort();
    // provider events.go: the reason and TerminatingOnInterruption, each on NodeClaim and Node
    expect(reasons).toEqual([
      'Node:SpotInterrupted',
      'Node:TerminatingOnInterruption',
      'NodeClaim:SpotInterrupted',
      'NodeClaim:TerminatingOnInterruption',
    ]);

    await sim.advance(3_000);
    expect(c.get('NodeClaim', claim).metadata.deletionTimestamp).toBeDefined();
    const replacement = c
      .list('NodeClaim')
      .find(
        n =>
          n.metadata.labels['karpenter.sh/nodepool'] === 'batch' &&
          conditions(n).Launched !== 'True',
      );
    expect(replacement).toBeDefined();
    await sim.advance(60_000);
    expect(c.get('NodeClaim', claim)).toBeUndefined();
    expect(c.get('Node', node)).toBeUndefined();
    const now = c.get('NodeClaim', replacement.metadata.name);
    expect(conditions(now)).toMatchObject({
      Launched: 'True',
      Registered: 'True',
      Initialized: 'True',
      Ready: 'True',
    });
    expect(c.get('Node', now.status.nodeName)).toBeDefined();
    expect(
      c
        .list('NodeClaim')
        .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'batch'),
    ).toHaveLength(before);
    expect(c.get('NodePool', 'batch').status.resources.nodes).toBe(
      String(before),
    );
    // pods of the lost node moved to a live node
    const nodes = new Set(c.list('Node').map(n => n.metadata.name));
    expect(
      c.list('Pod').every(p => !p.spec.nodeName || nodes.has(p.spec.nodeName)),
    ).toBe(true);
  });

  it('counts repeated events as one Event with a growing count', () => {
    const c = sim.cluster('demo');
    const first = c.emitEvent({
      involvedObject: { kind: 'NodePool', name: 'batch' },
      reason: 'DisruptionBlocked',
      message: 'budget allows 0',
    })!;
    const again = c.emitEvent({
      involvedObject: { kind: 'NodePool', name: 'batch' },
      reason: 'DisruptionBlocked',
      message: 'budget allows 0',
    })!;
    expect(again.metadata.uid).toBe(first.metadata.uid);
    expect(again.count).toBe(2);
    expect(Number(again.metadata.resourceVersion)).toBeGreaterThan(
      Number(first.metadata.resourceVersion),
    );
  });

  it('runs timeline actions: losing subnets makes the NodeClass and its NodePools not ready, restoring fixes them', () => {
    sim.runStep({
      at: 0,
      action: 'loseSubnets',
      cluster: 'demo',
      nodeClass: 'default',
    });
    const c = sim.cluster('demo');
    expect(conditions(c.get('EC2NodeClass', 'default'))).toMatchObject({
      SubnetsReady: 'False',
      Ready: 'False',
    });
    expect(conditions(c.get('NodePool', 'batch'))).toMatchObject({
      NodeClassReady: 'False',
      Ready: 'False',
    });
    expect(conditions(c.get('NodePool', 'arm64')).Ready).toBe('True');
    sim.runStep({
      at: 0,
      action: 'restoreSubnets',
      cluster: 'demo',
      nodeClass: 'default',
    });
    expect(conditions(c.get('NodePool', 'batch')).Ready).toBe('True');
  });

  it('marks drifted NodeClaims and fails registrations on demand', async () => {
    sim.runStep({
      at: 0,
      action: 'drift',
      cluster: 'demo',
      nodePool: 'arm64',
      count: 2,
    });
    sim.runStep({
      at: 0,
      action: 'registrationFailure',
      cluster: 'demo',
      nodePool: 'arm64',
    });
    const c = sim.cluster('demo');
    expect(
      c.list('NodeClaim').filter(n => conditions(n).Drifted === 'True'),
    ).toHaveLength(2);
    expect(conditions(c.get('NodePool', 'arm64')).NodeRegistrationHealthy).toBe(
      'False',
    );
    const launched = c.runtime.launch('arm64')!;
    await sim.advance(20 * 60_000);
    expect(conditions(c.get('NodeClaim', launched))).toMatchObject({
      Launched: 'True',
      Registered: 'False',
    });
  });

  it("runs the demo timeline: staging's general NodePool hits its CPU limit at 15 min", async () => {
    const c = sim.cluster('staging');
    const general = () => c.get('NodePool', 'general');
    expect(Number(general().status.resources.cpu)).toBeLessThan(64);
    await sim.advance(20 * 60_000);
    expect(general().status.resources.cpu).toBe(general().spec.limits.cpu);
    // the burst is the checkout Component's (workload: checkout)
    const waiting = c
      .list('Pod')
      .filter(
        p =>
          p.metadata.namespace === 'shop' &&
          p.metadata.labels['backstage.io/kubernetes-id'] === 'checkout' &&
          !p.spec.nodeName,
      );
    expect(waiting.length).toBeGreaterThan(0);
    expect(
      c
        .list('Event')
        .some(
          e =>
            waiting.some(p => p.metadata.name === e.involvedObject.name) &&
            e.message.includes(
              'all available instance types exceed limits for nodepool (NodePool=general)',
            ),
        ),
    ).toBe(true);
  });

  it('interrupts on the scenario cadence as simulated time passes', async () => {
    const c = sim.cluster('demo');
    const count = () =>
      c
        .list('Event')
        .filter(
          e =>
            e.reason === 'SpotInterrupted' &&
            e.involvedObject.kind === 'NodeClaim',
        ).length;
    const before = count();
    await sim.advance(150_000 * 2 + 1_000);
    expect(count() - before).toBe(2);
  });
});
