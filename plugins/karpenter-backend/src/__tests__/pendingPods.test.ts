import { Entity } from '@backstage/catalog-model';
import {
  Simulator,
  loadScenario,
} from '@karpenter-backstage/karpenter-simulator';
import type {
  ClusterSummary,
  PendingPod,
} from '@karpenter-backstage/plugin-karpenter-common';
import { until } from '../__testUtils__/interruptionsBackend';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'karpenter.sh/cluster': 'demo', ...annotations },
  },
  spec: {},
});

const ENTITIES = [
  component('web-frontend', { 'backstage.io/kubernetes-id': 'web-frontend' }),
  component('report-builder', {
    'backstage.io/kubernetes-id': 'report-builder',
  }),
  component('payments', { 'backstage.io/kubernetes-id': 'payments' }),
  component('arm-jobs', {
    'backstage.io/kubernetes-label-selector': 'app=arm64-pods',
  }),
  component('big-jobs', {
    'backstage.io/kubernetes-label-selector': 'app=critical-pods',
  }),
  component('sidecars', {
    'backstage.io/kubernetes-label-selector': 'app=general-pods',
  }),
];

/**
 * Pending pods explained end to end: the simulator's Karpenter writes FailedScheduling / Nominated
 * with the v1.14.1 messages (kubernetes-sigs/karpenter
 * pkg/controllers/provisioning/scheduling/events.go, scheduler.go), the backend reads Pods and
 * Karpenter's pod Events (`fieldSelector=involvedObject.kind=Pod,source=karpenter`) with
 * @kubernetes/client-node over HTTP and answers the entity summary.
 */
describe('pending pods of workload entities (summary over HTTP)', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(async () => {
    await sim.stop();
  });

  async function start() {
    const { backend, get } = await startKarpenterBackend(sim, {
      entities: ENTITIES,
    });
    const demo = async (entity: string): Promise<ClusterSummary> => {
      const res = await get(`/v1/entities/default/component/${entity}/summary`);
      expect(res.status).toBe(200);
      return res.body.clusters.find(
        (c: ClusterSummary) => c.cluster === 'demo',
      );
    };
    /** The entity's pending pods once `ok` holds for them. */
    const waitFor = (
      entity: string,
      ok: (items: PendingPod[], total: number) => boolean,
    ) =>
      until(`pending pods of ${entity}`, async () => {
        const p = (await demo(entity)).pendingPods;
        return p && ok(p.items, p.total) ? p : undefined;
      });
    return { backend, demo, waitFor };
  }

  it('INCOMPATIBLE: the pods select a NodePool that does not exist', async () => {
    const { backend, waitFor } = await start();
    const pending = await waitFor('web-frontend', (_, total) => total === 6);
    expect(pending.items).toHaveLength(6);
    expect(pending.items[0]).toMatchObject({
      namespace: 'web',
      code: 'INCOMPATIBLE',
      nodePool: 'web',
      message: 'It selects NodePool web, which does not exist in the cluster.',
    });
    expect(pending.items[0].hint).toMatch(/No NodePool accepts the pod/);
    // oldest first
    const since = pending.items.map(p => p.pendingSince);
    expect([...since].sort()).toEqual(since);
    await backend.stop();
  });

  it('a workload entity without pending pods gets total 0; annotation entities get none', async () => {
    const { backend, demo } = await start();
    expect((await demo('payments')).pendingPods).toEqual({
      total: 0,
      items: [],
    });
    await backend.stop();
  });

  it('NOMINATED while its NodeClaim launches; gone once the pod is scheduled', async () => {
    const { backend, waitFor, demo } = await start();
    await waitFor('payments', (_, total) => total === 0);
    sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'critical',
      workload: 'payments',
      // each fills an 8-vCPU node (7920m allocatable): one takes critical's empty node, the
      // other waits for the node Karpenter launches
      count: 2,
      requests: { cpu: '7500m', memory: '1Gi' },
    });
    const nominated = await waitFor('payments', items =>
      items.some(p => p.code === 'NOMINATED'),
    );
    const pod = nominated.items.find(p => p.code === 'NOMINATED')!;
    expect(pod).toMatchObject({ nodePool: 'critical' });
    expect(pod.nodeClaim).toMatch(/^critical-/);
    expect(pod.nodeClaimState).toBeDefined();
    expect(pod.karpenterMessage).toBe(
      `Pod should schedule on: nodeclaim/${pod.nodeClaim}`,
    );
    // the NodeClaim registers and initializes; the scheduler binds the pod
    await sim.advance(120_000);
    await until('the nominated pod scheduled', async () => {
      const p = (await demo('payments')).pendingPods!;
      return p.items.some(i => i.name === pod.name) ? undefined : p;
    });
    await backend.stop();
  });

  it('NODEPOOL_LIMIT: a burst drives batch to its CPU limit', async () => {
    const { backend, waitFor } = await start();
    sim.runStep({
      at: 0,
      action: 'hitCpuLimit',
      cluster: 'demo',
      nodePool: 'batch',
      workload: 'report-builder',
    });
    const pending = await waitFor('report-builder', items =>
      items.some(p => p.code === 'NODEPOOL_LIMIT'),
    );
    const limited = pending.items.find(p => p.code === 'NODEPOOL_LIMIT')!;
    expect(limited.nodePool).toBe('batch');
    expect(limited.message).toMatch(
      /^NodePool batch (reached|is near) its CPU limit \(\d+\/104 cores\)/,
    );
    expect(limited.karpenterMessage).toContain(
      'all available instance types exceed limits for nodepool (NodePool=batch)',
    );
    await backend.stop();
  });

  it('INCOMPATIBLE: an untolerated taint, named with its NodePool', async () => {
    const { backend, waitFor } = await start();
    sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'critical',
      workload: 'payments',
      tolerateTaints: false,
      count: 2,
    });
    const pending = await waitFor('payments', (_, total) => total === 2);
    expect(pending.items[0]).toMatchObject({
      code: 'INCOMPATIBLE',
      nodePool: 'critical',
      message:
        'NodePool critical has taint critical=true:NoSchedule, which the pod does not tolerate.',
    });
    expect(pending.items[0].karpenterMessage).toContain(
      'did not tolerate taint (taint=critical=true:NoSchedule)',
    );
    await backend.stop();
  });

  it("NODECLASS_NOT_READY: the join with the EC2NodeClass, not Karpenter's message about other NodePools", async () => {
    const { backend, waitFor } = await start();
    sim.runStep({
      at: 0,
      action: 'loseSubnets',
      cluster: 'demo',
      nodeClass: 'arm64',
    });
    // more than arm64's running nodes hold (they keep running): the rest wait
    sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'arm64',
      count: 8,
      requests: { cpu: '7500m', memory: '1Gi' },
    });
    const pending = await waitFor(
      'arm-jobs',
      items =>
        items.length > 0 && items.every(p => p.code === 'NODECLASS_NOT_READY'),
    );
    expect(pending.items[0].nodePool).toBe('arm64');
    expect(pending.items[0].message).toMatch(
      /^NodePool arm64 accepts it, but .*SubnetsReady=False/,
    );
    await backend.stop();
  });

  it('NO_INSTANCE_TYPE and NO_RESOURCE_REQUESTS', async () => {
    const { backend, waitFor } = await start();
    sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'critical',
      requests: { cpu: '500', memory: '1Gi' },
    });
    sim.runStep({
      at: 0,
      action: 'addPods',
      cluster: 'demo',
      nodePool: 'general',
      requests: 'none',
    });
    const big = await waitFor('big-jobs', items =>
      items.some(p => p.code === 'NO_INSTANCE_TYPE'),
    );
    expect(big.items[0]).toMatchObject({
      code: 'NO_INSTANCE_TYPE',
      nodePool: 'critical',
      message:
        'No instance type of NodePool critical fits it (requests 500 cores, 1 GiB).',
    });
    expect(big.items[0].karpenterMessage).toContain(
      'no instance type has enough resources',
    );
    const none = await waitFor('sidecars', items =>
      items.some(p => p.code === 'NO_RESOURCE_REQUESTS'),
    );
    expect(none.items[0].hint).toMatch(/Set resources.requests/);
    await backend.stop();
  });

  it('without read access to Events, explains from the NodePool state and says so', async () => {
    await sim.stop();
    const scenario = loadScenario('demo');
    sim = new Simulator({
      scenario: {
        ...scenario,
        clusters: scenario.clusters.map(c =>
          // a token whose RBAC lacks events (the simulator checks RBAC for token clients)
          c.name === 'demo'
            ? { ...c, token: 'reader', forbidden: ['events'] }
            : c,
        ),
      },
      bookmarkIntervalMs: 200,
    });
    await sim.start();
    const { backend, demo } = await start();
    const slot = await demo('web-frontend');
    expect(slot.error).toBeUndefined();
    expect(slot.pendingPods).toMatchObject({
      total: 6,
      eventsUnavailable: true,
    });
    expect(slot.pendingPods!.items[0]).toMatchObject({
      code: 'INCOMPATIBLE',
      message: 'It selects NodePool web, which does not exist in the cluster.',
    });
    expect(slot.pendingPods!.items[0].karpenterMessage).toBeUndefined();
    await backend.stop();
  });
});
