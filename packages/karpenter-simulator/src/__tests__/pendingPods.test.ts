import {
  CoreV1Api,
  CoreV1Event,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import { startControlServer } from '../control';
import { Simulator } from '../Simulator';
import { TimelineStep } from '../scenario/types';
import { kubeConfig } from '../__testUtils__/eventScenario';

/**
 * Pending pods as Karpenter v1.14.1 and the kube-scheduler leave them, read over the simulated API
 * server with @kubernetes/client-node. Karpenter's words: kubernetes-sigs/karpenter v1.14.1
 * pkg/controllers/provisioning/scheduling/events.go (FailedScheduling, Nominated,
 * NoCompatibleInstanceTypes), scheduler.go addToNewNodeClaim (errors per NodePool, limits,
 * multierr "; "), nodeclaim.go CanAdd (taints, requirements, InstanceTypeFilterError),
 * pkg/scheduling/requirements.go (badKeyError), awslabs/operatorpkg serrors/serrors.go.
 */
describe('pending pods: the kube-scheduler’s condition and Karpenter’s events', () => {
  let sim: Simulator;
  let kc: KubeConfig;
  let core: CoreV1Api;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo' });
    await sim.start();
    kc = kubeConfig(sim.clusters.find(c => c.name === 'demo')!.url);
    core = kc.makeApiClient(CoreV1Api);
  });
  afterEach(() => sim.stop());

  const c = () => sim.cluster('demo');
  const step = (s: Omit<TimelineStep, 'at' | 'cluster'>) =>
    sim.runStep({ at: 0, cluster: 'demo', ...s })!;
  /** Karpenter's events of the given pods, over the API (field selector `source=karpenter`). */
  const karpenterEvents = async (pods: string[], reason?: string) =>
    (
      await core.listEventForAllNamespaces({
        fieldSelector: `involvedObject.kind=Pod,source=karpenter${
          reason ? `,reason=${reason}` : ''
        }`,
      })
    ).items.filter(e => pods.includes(e.involvedObject.name!));
  const pod = async (name: string, namespace: string) =>
    core.readNamespacedPod({ name, namespace });
  const scheduled = (p: { status?: { conditions?: any[] } }) =>
    p.status?.conditions?.find(x => x.type === 'PodScheduled');
  const applyNodePool = (
    name: string,
    nodeClass = 'default',
    requirements: any[] = [
      {
        key: 'node.kubernetes.io/instance-type',
        operator: 'In',
        values: ['m5.xlarge'],
      },
    ],
  ) =>
    c().apply({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name },
      spec: {
        template: {
          spec: {
            nodeClassRef: {
              group: 'karpenter.k8s.aws',
              kind: 'EC2NodeClass',
              name: nodeClass,
            },
            requirements,
          },
        },
      },
    });
  const applyNodeClass = (name: string) =>
    c().apply({
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name },
      spec: {
        role: 'KarpenterNodeRole-demo',
        amiSelectorTerms: [{ alias: 'al2023@latest' }],
        subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'demo' } }],
        securityGroupSelectorTerms: [
          { tags: { 'karpenter.sh/discovery': 'demo' } },
        ],
      },
    });
  /** scheduler.go addToNewNodeClaim: a pod of `pool` is refused by the demo's other NodePools. */
  const incompatible = (pool: string, other: string) =>
    `incompatible requirements, key karpenter.sh/nodepool, karpenter.sh/nodepool In [${pool}] not in karpenter.sh/nodepool In [${other}]`;

  it('a NodePool at its CPU limit: all available instance types exceed limits for nodepool (NodePool=batch)', async () => {
    step({
      action: 'hitCpuLimit',
      nodePool: 'batch',
      workload: 'report-builder',
    });
    await sim.advance(60_000);
    expect(c().get('NodePool', 'batch').status.resources.cpu).toBe('104');
    // bigger than what any batch node has left, small enough for a new c5.2xlarge
    const [name] = step({
      action: 'addPods',
      nodePool: 'batch',
      workload: 'report-builder',
      requests: { cpu: '7500m' },
    });
    const p = await pod(name, 'analytics');
    expect(p.metadata?.labels).toMatchObject({
      app: 'report-builder',
      'backstage.io/kubernetes-id': 'report-builder',
    });
    expect(p.spec?.nodeName).toBeUndefined();
    const [failed] = await karpenterEvents([name], 'FailedScheduling');
    // NodePools by weight (critical 100, general 50), then by name descending (batch, arm64)
    expect(failed.message).toBe(
      `Failed to schedule pod, ${[
        'did not tolerate taint (taint=critical=true:NoSchedule)',
        incompatible('batch', 'general'),
        'all available instance types exceed limits for nodepool (NodePool=batch)',
        incompatible('batch', 'arm64'),
      ].join('; ')}`,
    );
    expect(failed).toMatchObject({
      type: 'Warning',
      source: { component: 'karpenter' },
    });
  });

  it('a NodeClass that is not Ready: its NodePool is left out, the pod gets the other NodePools’ errors; with no Ready NodePool, no Karpenter event', async () => {
    applyNodeClass('web');
    step({ action: 'loseSubnets', nodeClass: 'web' });
    applyNodePool('web', 'web');
    expect(
      c()
        .get('NodePool', 'web')
        .status.conditions.find((x: any) => x.type === 'Ready').status,
    ).toBe('False');
    const [name] = step({
      action: 'addPods',
      nodePool: 'web',
      workload: 'web-frontend',
    });
    expect(
      c()
        .list('NodeClaim')
        .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'web'),
    ).toHaveLength(0);
    const [failed] = await karpenterEvents([name], 'FailedScheduling');
    // provisioner.go NewScheduler: only Ready NodePools take part
    expect(failed.message).toBe(
      `Failed to schedule pod, ${[
        'did not tolerate taint (taint=critical=true:NoSchedule)',
        incompatible('web', 'general'),
        'did not tolerate taint (taint=workload-type=batch:NoSchedule)',
        incompatible('web', 'arm64'),
      ].join('; ')}`,
    );
    expect(failed.message).not.toContain('NodePool=web');

    step({ action: 'loseSubnets', nodeClass: 'default' });
    step({ action: 'loseSubnets', nodeClass: 'arm64' });
    const [alone] = step({
      action: 'addPods',
      nodePool: 'web',
      workload: 'web-frontend',
    });
    // ErrNodePoolsNotFound: upstream only logs "no dynamic nodepools found"
    expect(await karpenterEvents([alone])).toHaveLength(0);
    expect(scheduled(await pod(alone, 'web'))).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
    });
  });

  it('an untolerated taint (through POST /step): did not tolerate taint (taint=workload-type=batch:NoSchedule); the condition keeps its lastTransitionTime', async () => {
    const control = await startControlServer(sim, 0);
    try {
      const res = await fetch(`${control.url}/step`, {
        method: 'POST',
        body: JSON.stringify({
          at: 0,
          action: 'addPods',
          cluster: 'demo',
          nodePool: 'batch',
          tolerateTaints: false,
        }),
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ ok: true, pods: [expect.any(String)] });
      const [name] = body.pods as string[];
      expect(name).toMatch(/^batch-pods-/);
      const p = await pod(name, 'default');
      expect(p.spec?.tolerations).toBeUndefined();
      expect(p.status?.phase).toBe('Pending');
      const condition = scheduled(p);
      expect(condition).toMatchObject({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
      });
      expect(condition.message).toContain(
        '12 node(s) had untolerated taint {workload-type: batch}',
      );
      const [failed] = await karpenterEvents([name], 'FailedScheduling');
      expect(failed.message).toBe(
        `Failed to schedule pod, ${[
          'did not tolerate taint (taint=critical=true:NoSchedule)',
          incompatible('batch', 'general'),
          'did not tolerate taint (taint=workload-type=batch:NoSchedule)',
          incompatible('batch', 'arm64'),
        ].join('; ')}`,
      );

      // the scheduler tries again when a batch node comes: still unschedulable, same transition
      await sim.advance(60_000);
      step({ action: 'scaleUp', nodePool: 'batch' });
      await sim.advance(60_000);
      const later = scheduled(await pod(name, 'default'));
      expect(later.message).toContain(
        '13 node(s) had untolerated taint {workload-type: batch}',
      );
      expect(later.lastTransitionTime).toEqual(condition.lastTransitionTime);

      const bad = await fetch(`${control.url}/step`, {
        method: 'POST',
        body: JSON.stringify({
          at: 0,
          action: 'addPods',
          cluster: 'demo',
          nodePool: 'batch',
          requests: { cpu: 'lots' },
        }),
      });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toBe(
        'requests.cpu: not a quantity: "lots"',
      );
    } finally {
      await control.close();
    }
  });

  it('a pod too large for every instance type: no instance type has enough resources, requirements=…, resources=…', async () => {
    const [name] = step({
      action: 'addPods',
      nodePool: 'general',
      workload: 'checkout',
      requests: { cpu: '500' },
    });
    const [failed] = await karpenterEvents([name], 'FailedScheduling');
    // nodeclaim.go InstanceTypeFilterError: the NodeClaim's requirements (Requirements.String,
    // sorted, without kubernetes.io/hostname) and the pod's requests (resources.String)
    const requirements = [
      'karpenter.k8s.aws/ec2nodeclass In [default]',
      'karpenter.sh/capacity-type In [on-demand spot]',
      'karpenter.sh/initialized In [true]',
      'karpenter.sh/nodepool In [general]',
      'karpenter.sh/registered In [true]',
      'kubernetes.io/arch In [amd64]',
      'node.kubernetes.io/instance-type In [c5.xlarge m5.large m5.xlarge m6i.xlarge]',
      'workload-class In [general]',
    ].join(', ');
    expect(failed.message?.split('; ')).toEqual([
      'Failed to schedule pod, did not tolerate taint (taint=critical=true:NoSchedule)',
      `no instance type has enough resources, requirements=${requirements}, resources={"cpu":"500","memory":"512Mi","pods":"1"}`,
      'did not tolerate taint (taint=workload-type=batch:NoSchedule)',
      incompatible('general', 'arm64'),
    ]);
    expect(scheduled(await pod(name, 'shop')).message).toMatch(
      /^0\/39 nodes are available: .*16 Insufficient cpu/,
    );
  });

  it('a pod without requests: Karpenter nominates an existing node; the simulated kube-scheduler holds it back', async () => {
    const [name] = step({
      action: 'addPods',
      nodePool: 'general',
      workload: 'checkout',
      requests: 'none',
    });
    const p = await pod(name, 'shop');
    expect(p.spec?.containers[0].resources).toEqual({});
    expect(scheduled(p).message).toContain(
      "16 node(s) didn't satisfy plugin(s) [SimulatedDisagreement]",
    );
    // scheduler.go sortExistingNodes: initialized nodes by name; Results.Record → NominatePodEvent
    const first = c()
      .list('Node')
      .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'general')
      .map(n => n.metadata.name)
      .sort()[0];
    const claim = c()
      .list('NodeClaim')
      .find(n => n.status.nodeName === first).metadata.name;
    const nominated = await karpenterEvents([name], 'Nominated');
    expect(nominated.map(e => e.message)).toEqual([
      `Pod should schedule on: nodeclaim/${claim}, node/${first}`,
    ]);
    expect(await karpenterEvents([name], 'FailedScheduling')).toHaveLength(0);
    await sim.advance(60_000);
    expect((await pod(name, 'shop')).spec?.nodeName).toBeUndefined();
  });

  it('a pod that fits: a NodeClaim is launched and nominated, and the pod runs once its node is initialized', async () => {
    applyNodePool('solo');
    const [name] = step({ action: 'addPods', nodePool: 'solo' });
    expect(name).toMatch(/^solo-pods-/);
    const claims = c()
      .list('NodeClaim')
      .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'solo');
    expect(claims).toHaveLength(1);
    const nominated = await karpenterEvents([name], 'Nominated');
    expect(nominated.map(e => e.message)).toEqual([
      `Pod should schedule on: nodeclaim/${claims[0].metadata.name}`,
    ]);
    expect((await pod(name, 'default')).status?.phase).toBe('Pending');
    await sim.advance(60_000);
    const p = await pod(name, 'default');
    expect(p.spec?.nodeName).toBe(
      c().get('NodeClaim', claims[0].metadata.name).status.nodeName,
    );
    expect(p.status?.phase).toBe('Running');
    expect(scheduled(p)).toMatchObject({ status: 'True' });
  });

  it('NoCompatibleInstanceTypes on a Ready NodePool whose requirements leave no instance type', async () => {
    // nothing in the catalogue is both arm64 and an m5.large
    applyNodePool('impossible', 'default', [
      { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
      {
        key: 'node.kubernetes.io/instance-type',
        operator: 'In',
        values: ['m5.large'],
      },
    ]);
    const events = (
      await core.listNamespacedEvent({
        namespace: 'default',
        fieldSelector:
          'involvedObject.kind=NodePool,involvedObject.name=impossible',
      })
    ).items;
    expect(events.map(e => [e.type, e.reason, e.message])).toEqual([
      [
        'Warning',
        'NoCompatibleInstanceTypes',
        'NodePool requirements filtered out all compatible available instance types',
      ],
    ]);
  });

  it('field selectors as the API server has them: Karpenter’s pod events by list and watch; unknown field labels are refused', async () => {
    const list = await core.listEventForAllNamespaces({
      fieldSelector: 'involvedObject.kind=Pod,source=karpenter',
    });
    // the demo's pods waiting for NodePools web and jobs, from the start
    expect(list.items).toHaveLength(9);
    expect(
      list.items.every(
        e =>
          e.involvedObject.kind === 'Pod' &&
          e.source?.component === 'karpenter',
      ),
    ).toBe(true);

    const seen: CoreV1Event[] = [];
    const watch = new Watch(kc);
    const controller = await watch.watch(
      '/api/v1/events',
      {
        fieldSelector: 'involvedObject.kind=Pod,source=karpenter',
        resourceVersion: list.metadata!.resourceVersion,
      },
      (_type, obj) => seen.push(obj),
      () => undefined,
    );
    try {
      const [name] = step({
        action: 'addPods',
        nodePool: 'batch',
        tolerateTaints: false,
      });
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(seen.map(e => [e.involvedObject.name, e.reason])).toEqual([
        [name, 'FailedScheduling'],
      ]);
    } finally {
      controller.abort();
    }

    for (const [path, label] of [
      ['/api/v1/events', 'involvedObject.foo'],
      ['/api/v1/pods', 'spec.containers'],
      ['/apis/events.k8s.io/v1/events', 'involvedObject.kind'],
    ]) {
      const res = await fetch(
        `${sim.clusters[0].url}${path}?fieldSelector=${label}%3Dx`,
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        reason: 'BadRequest',
        message: `field label not supported: ${label}`,
      });
    }
    const v1 = await (
      await fetch(
        `${sim.clusters[0].url}/apis/events.k8s.io/v1/events?fieldSelector=regarding.kind%3DPod,reportingController%3Dkarpenter`,
      )
    ).json();
    expect(v1.items).toHaveLength(10);
  });
});
