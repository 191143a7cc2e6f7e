import { Simulator } from '../Simulator';

const condition = (obj: any, type: string) =>
  (obj?.status?.conditions ?? []).find((c: any) => c.type === type);
const poolOf = (obj: any) => obj.metadata.labels?.['karpenter.sh/nodepool'];

function nodePool(name: string, spec: Record<string, any> = {}) {
  const { requirements, nodeClass, ...rest } = spec;
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name },
    spec: {
      template: {
        spec: {
          nodeClassRef: {
            group: 'karpenter.k8s.aws',
            kind: 'EC2NodeClass',
            name: nodeClass ?? 'default',
          },
          requirements: requirements ?? [
            {
              key: 'node.kubernetes.io/instance-type',
              operator: 'In',
              values: ['m5.xlarge'],
            },
          ],
        },
      },
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '1m',
      },
      ...rest,
    },
  };
}

describe('the simulated Karpenter and scheduler', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo' });
    await sim.start();
  });
  afterEach(() => sim.stop());
  const c = () => sim.cluster('demo');
  const claimsOf = (pool: string) =>
    c()
      .list('NodeClaim')
      .filter(n => poolOf(n) === pool);
  const podEvents = (namespace: string, reason: string) =>
    c()
      .list('Event')
      .filter(
        e =>
          e.metadata.namespace === namespace &&
          e.involvedObject.kind === 'Pod' &&
          e.reason === reason,
      );

  it('gives pending pods no NodePool can take a default-scheduler FailedScheduling event (core/v1 and events.k8s.io/v1)', async () => {
    const url = sim.clusters[0].url;
    // `source` selects source.component, or reportingComponent for events written through
    // events.k8s.io (kubernetes pkg/registry/core/event/strategy.go, kubernetes#92874)
    const query = new URLSearchParams({
      fieldSelector:
        'involvedObject.kind=Pod,reason=FailedScheduling,source=default-scheduler',
    });
    const core = await (
      await fetch(`${url}/api/v1/namespaces/web/events?${query}`)
    ).json();
    const pods = c()
      .list('Pod')
      .filter(p => p.metadata.namespace === 'web');
    expect(core.items).toHaveLength(pods.length);
    const event = core.items[0];
    const pod = pods.find(p => p.metadata.name === event.involvedObject.name);
    expect(event).toMatchObject({
      type: 'Warning',
      action: 'Scheduling',
      reportingComponent: 'default-scheduler',
      firstTimestamp: null,
      lastTimestamp: null,
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        namespace: 'web',
        uid: pod.metadata.uid,
      },
    });
    expect(event.eventTime).toMatch(/\.\d{6}Z$/);
    const nodes = c().list('Node').length;
    expect(event.message).toMatch(
      new RegExp(
        `^0/${nodes} nodes are available: .*\\. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling\\.$`,
      ),
    );
    expect(event.message).toContain(
      "node(s) didn't match Pod's node affinity/selector",
    );
    expect(event.message).toContain(
      '12 node(s) had untolerated taint {workload-type: batch}',
    );

    const v1 = await (
      await fetch(
        `${url}/apis/events.k8s.io/v1/namespaces/jobs/events?fieldSelector=reportingController%3Ddefault-scheduler`,
      )
    ).json();
    expect(v1.items).toHaveLength(3);
    expect(v1.items[0]).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      reason: 'FailedScheduling',
      reportingController: 'default-scheduler',
      action: 'Scheduling',
      regarding: { kind: 'Pod', namespace: 'jobs' },
    });
  });

  it('writes Consolidatable on initialized NodeClaims once consolidateAfter has passed, and removes it for Never', async () => {
    // NodeClaims initialized before the scenario started are consolidatable already
    expect(
      claimsOf('general').every(
        n => condition(n, 'Consolidatable')?.status === 'True',
      ),
    ).toBe(true);
    const pool = nodePool('web', {
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '5m',
      },
    });
    c().apply(pool);
    expect(claimsOf('web')).toHaveLength(2);
    await sim.advance(60_000);
    expect(
      claimsOf('web').map(n => [
        condition(n, 'Initialized')?.status,
        condition(n, 'Consolidatable'),
      ]),
    ).toEqual([
      ['True', undefined],
      ['True', undefined],
    ]);
    await sim.advance(5 * 60_000);
    for (const n of claimsOf('web'))
      expect(condition(n, 'Consolidatable')).toMatchObject({
        status: 'True',
        reason: 'Consolidatable',
      });
    c().apply({
      ...pool,
      spec: {
        ...pool.spec,
        disruption: {
          consolidationPolicy: 'WhenEmpty',
          consolidateAfter: 'Never',
        },
      },
    });
    expect(
      claimsOf('web').filter(n => condition(n, 'Consolidatable')),
    ).toHaveLength(0);
  });

  it('does not launch past spec.limits: pods left without capacity get Karpenter’s FailedScheduling', async () => {
    c().apply(nodePool('solo', { limits: { cpu: '4' } })); // one m5.xlarge
    // 6 pods of 1 CPU: 3 per NodeClaim, and the second NodeClaim would pass the limit
    const pods = sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'solo',
      count: 6,
      requests: { cpu: '1' },
    })!;
    const claims = claimsOf('solo');
    expect(claims).toHaveLength(1);
    const karpenterEvents = (reason: string) =>
      c()
        .list('Event')
        .filter(
          e =>
            pods.includes(e.involvedObject.name) &&
            e.reason === reason &&
            e.source?.component === 'karpenter',
        );
    // kubernetes-sigs/karpenter v1.14.1 pkg/controllers/provisioning/scheduling/events.go
    expect(karpenterEvents('Nominated').map(e => e.message)).toEqual(
      Array(3).fill(
        `Pod should schedule on: nodeclaim/${claims[0].metadata.name}`,
      ),
    );
    const failed = karpenterEvents('FailedScheduling');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({
      type: 'Warning',
      reportingComponent: 'karpenter',
    });
    // scheduler.go addToNewNodeClaim, operatorpkg serrors.Wrap: `<err> (NodePool=<name>)`
    expect(failed[0].message).toMatch(/^Failed to schedule pod, /);
    expect(failed[0].message.split('; ')).toContain(
      'all available instance types exceed limits for nodepool (NodePool=solo)',
    );

    // batch: 12 × 8 vCPU of 104 — one more c5.2xlarge fits, the rest of a scale-up does not
    sim.runStep({
      at: 0,
      action: 'scaleUp',
      cluster: 'demo',
      nodePool: 'batch',
      count: 5,
    });
    expect(claimsOf('batch')).toHaveLength(13);
    await sim.advance(60_000);
    expect(c().get('NodePool', 'batch').status.resources.cpu).toBe('104');
  });

  it('runs the hitCpuLimit timeline action: the NodePool grows to exactly its CPU limit and pods stay pending', async () => {
    sim.runStep({
      at: 0,
      action: 'hitCpuLimit',
      cluster: 'demo',
      nodePool: 'batch',
    });
    await sim.advance(60_000);
    const batch = c().get('NodePool', 'batch');
    expect(batch.status.resources.cpu).toBe(batch.spec.limits.cpu);
    expect(claimsOf('batch')).toHaveLength(13);
    const burst = c()
      .list('Pod')
      .filter(p => p.metadata.namespace === 'burst');
    expect(burst.length).toBeGreaterThan(13);
    const pending = burst.filter(p => !p.spec.nodeName);
    expect(pending).toHaveLength(burst.length - 13);
    // one pod per node
    expect(new Set(burst.map(p => p.spec.nodeName).filter(Boolean)).size).toBe(
      13,
    );
    const events = podEvents('burst', 'FailedScheduling');
    // the scheduler retried the pod left over when the new node came: its event grew a series
    const still = events.find(
      e =>
        e.reportingComponent === 'default-scheduler' &&
        e.involvedObject.name === pending[0].metadata.name,
    );
    expect(still.series).toMatchObject({ count: 2 });
    expect(events.map(e => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'all available instance types exceed limits for nodepool (NodePool=batch)',
        ),
        expect.stringContaining(
          "12 node(s) didn't match pod anti-affinity rules",
        ),
      ]),
    );
  });

  it('labels nodes from the NodePool requirements: arch, zone, instance category/generation, custom labels', async () => {
    c().apply(
      nodePool('graviton', {
        nodeClass: 'arm64',
        requirements: [
          { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          {
            key: 'karpenter.k8s.aws/instance-category',
            operator: 'In',
            values: ['m'],
          },
          {
            key: 'karpenter.k8s.aws/instance-generation',
            operator: 'Gt',
            values: ['6'],
          },
          {
            key: 'topology.kubernetes.io/zone',
            operator: 'In',
            values: ['eu-west-1b'],
          },
          {
            key: 'karpenter.sh/capacity-type',
            operator: 'In',
            values: ['on-demand'],
          },
          { key: 'team', operator: 'In', values: ['data'] },
        ],
      }),
    );
    for (let i = 0; i < 3; i++) c().runtime.launch('graviton');
    await sim.advance(60_000);
    const nodes = c()
      .list('Node')
      .filter(n => poolOf(n) === 'graviton');
    expect(nodes).toHaveLength(3);
    for (const n of nodes)
      expect(n.metadata.labels).toMatchObject({
        'kubernetes.io/arch': 'arm64',
        'node.kubernetes.io/instance-type': 'm7g.2xlarge',
        'karpenter.k8s.aws/instance-category': 'm',
        'karpenter.k8s.aws/instance-generation': '7',
        'topology.kubernetes.io/zone': 'eu-west-1b',
        'topology.k8s.aws/zone-id': 'euw1-az2',
        'karpenter.sh/capacity-type': 'on-demand',
        team: 'data',
      });
    expect(nodes[0].status.nodeInfo.architecture).toBe('arm64');

    // nothing in the catalogue is both arm64 and an m5.large
    c().apply(
      nodePool('impossible', {
        requirements: [
          { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          {
            key: 'node.kubernetes.io/instance-type',
            operator: 'In',
            values: ['m5.large'],
          },
        ],
      }),
    );
    expect(c().runtime.launch('impossible')).toBeUndefined();
    // the NoCompatibleInstanceTypes message (scheduling/events.go)
    expect(c().runtime.offerings('impossible').refusal).toBe(
      'NodePool requirements filtered out all compatible available instance types',
    );
  });

  it('deleting a NodePool deletes its NodeClaims and Nodes; deleting an EC2NodeClass makes its NodePools NodeClassReady=False', async () => {
    const url = sim.clusters[0].url;
    const del = await fetch(`${url}/apis/karpenter.sh/v1/nodepools/batch`, {
      method: 'DELETE',
    });
    expect(del.status).toBe(200);
    const terminating = claimsOf('batch');
    expect(terminating).toHaveLength(12);
    for (const n of terminating) {
      expect(n.metadata.deletionTimestamp).toBeDefined();
      expect(condition(n, 'DisruptionReason')).toBeUndefined();
    }
    await sim.advance(20_000);
    expect(claimsOf('batch')).toHaveLength(0);
    expect(
      c()
        .list('Node')
        .filter(n => poolOf(n) === 'batch'),
    ).toHaveLength(0);
    const reports = c()
      .list('Pod')
      .filter(p => p.metadata.namespace === 'analytics');
    expect(
      reports.every(p => !p.spec.nodeName && p.status.phase === 'Pending'),
    ).toBe(true);
    const failed = podEvents('analytics', 'FailedScheduling');
    expect(
      failed.filter(e => e.reportingComponent === 'default-scheduler'),
    ).toHaveLength(reports.length);
    // Karpenter finds no other NodePool for them (scheduling/events.go PodFailedToScheduleEvent)
    const karpenter = failed.filter(e => e.source?.component === 'karpenter');
    expect(karpenter).toHaveLength(reports.length);
    expect(karpenter[0].message.split('; ')).toContain(
      'incompatible requirements, key karpenter.sh/nodepool, karpenter.sh/nodepool In [batch] not in karpenter.sh/nodepool In [general]',
    );

    const delClass = await fetch(
      `${url}/apis/karpenter.k8s.aws/v1/ec2nodeclasses/arm64`,
      { method: 'DELETE' },
    );
    expect(delClass.status).toBe(200);
    const arm64 = c().get('NodePool', 'arm64');
    expect(condition(arm64, 'NodeClassReady')).toMatchObject({
      status: 'False',
      reason: 'NodeClassNotFound',
    });
    expect(condition(arm64, 'Ready')?.status).toBe('False');
    expect(condition(c().get('NodePool', 'general'), 'Ready')?.status).toBe(
      'True',
    );
  });
});
