import { mockCredentials } from '@backstage/backend-test-utils';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import request from 'supertest';
import {
  startWithScheduler,
  STORM,
  until,
} from '../__testUtils__/interruptionsBackend';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(90_000);

const ACTIONS = '/api/karpenter/.backstage/actions/v1/actions';

function client(server: any) {
  return {
    list: () =>
      request(server)
        .get(ACTIONS)
        .set('Authorization', mockCredentials.user.header()),
    invoke: (id: string, input: object) =>
      request(server)
        .post(`${ACTIONS}/${id}/invoke`)
        .set('Authorization', mockCredentials.user.header())
        .send(input),
  };
}

describe('actions for assistants, through the actions registry', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('registers three read-only actions with input and output schemas', async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
    const { backend } = await startKarpenterBackend(sim);
    const { actions } = (await client(backend.server).list()).body;
    expect(actions.map((a: any) => a.id).sort()).toEqual([
      'karpenter:explain-nodepool',
      'karpenter:get-entity-summary',
      'karpenter:list-interruptions',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        destructive: false,
        idempotent: true,
      });
      expect(action.schema.input.type).toBe('object');
      expect(action.schema.output.type).toBe('object');
    }
    const explain = actions.find(
      (a: any) => a.id === 'karpenter:explain-nodepool',
    );
    expect(explain.schema.input.required).toEqual(['cluster', 'nodePool']);
    await backend.stop();
  });

  it('summarises an entity and explains a degraded NodePool with its reasons and limits', async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
    const { backend } = await startKarpenterBackend(sim);
    const { invoke } = client(backend.server);
    const summary = await invoke('karpenter:get-entity-summary', {
      entityRef: 'resource:default/demo-cluster',
    });
    expect(summary.status).toBe(200);
    const demo = summary.body.output.clusters[0];
    expect(demo.cluster).toBe('demo');
    expect(demo.nodePools.map((p: any) => p.name)).toEqual([
      'arm64',
      'batch',
      'critical',
      'general',
    ]);
    expect(summary.body.output.health).toBe('degraded');
    // a workload-mapped entity: its pods waiting for a node, explained
    const checkout = await invoke('karpenter:get-entity-summary', {
      entityRef: 'component:default/checkout',
    });
    expect(checkout.body.output.clusters[0].pendingPods).toEqual({
      total: 0,
      items: [],
    });

    const batch = await invoke('karpenter:explain-nodepool', {
      cluster: 'demo',
      nodePool: 'batch',
    });
    expect(batch.status).toBe(200);
    const out = batch.body.output;
    expect(out.health.status).toBe('degraded');
    expect(out.health.reasons[0].code).toBe('CPU_LIMIT_NEAR');
    expect(out.limits.cpu.limit).toBeGreaterThan(out.limits.cpu.used * 0.9);
    expect(out.explanation[0]).toBe('NodePool batch in demo is degraded.');
    expect(out.explanation.join('\n')).toContain('CPU_LIMIT_NEAR');
    expect(out.disruption.budgets.length).toBeGreaterThan(0);

    // validated by the registry against the input schema
    expect(
      (
        await invoke('karpenter:explain-nodepool', {
          cluster: 'demo',
          nodePool: 'Not_A_Label',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await invoke('karpenter:explain-nodepool', {
          cluster: 'demo',
          nodePool: 'missing',
        })
      ).status,
    ).toBe(404);
    expect(
      (await invoke('karpenter:get-entity-summary', { entityRef: 'nope' }))
        .status,
    ).toBe(400);
    await backend.stop();
  });

  it('counts interruptions per interrupted NodeClaim', async () => {
    sim = new Simulator({ scenario: STORM, bookmarkIntervalMs: 200 });
    await sim.start();
    const { backend, get } = await startWithScheduler(sim);
    const { invoke } = client(backend.server);
    await get('/v1/clusters/demo/nodepools'); // warm the cache
    const storm = sim.interrupt({
      cluster: 'demo',
      nodePool: 'general',
      count: 3,
    });
    const listed = await until('3 interrupted NodeClaims', async () => {
      const res = await invoke('karpenter:list-interruptions', {
        cluster: 'demo',
      });
      return res.body.output?.interruptedNodeClaims === 3 &&
        res.body.output.byReason.TerminatingOnInterruption === 3
        ? res.body.output
        : undefined;
    });
    expect(listed.interruptedByNodePool).toEqual({ general: 3 });
    expect(
      new Set(
        listed.latest
          .filter((n: any) => n.kind === 'interruption')
          .map((n: any) => n.nodeClaim),
      ),
    ).toEqual(new Set(storm));

    const explained = (
      await invoke('karpenter:explain-nodepool', {
        cluster: 'demo',
        nodePool: 'general',
      })
    ).body.output;
    expect(explained.interruptions.interruptedNodeClaims).toBe(3);
    expect(
      explained.interruptions.byNodeClaim.map((c: any) => c.nodeClaim).sort(),
    ).toEqual([...storm].sort());
    for (const claim of explained.interruptions.byNodeClaim) {
      expect(claim.reasons).toContain('SpotInterrupted');
      expect(claim.kinds).toContain('interruption');
      expect(claim.events).toBe(4); // SpotInterrupted + TerminatingOnInterruption, NodeClaim and Node
    }
    expect(explained.explanation.join('\n')).toContain(
      '3 NodeClaims interrupted in the last 24 h',
    );
    await backend.stop();
  });
});
