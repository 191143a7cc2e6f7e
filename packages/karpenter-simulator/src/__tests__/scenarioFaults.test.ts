import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import { startControlServer } from '../control';
import { Simulator } from '../Simulator';

function kubeConfig(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'sim', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'u' }],
    currentContext: 'sim',
  });
  return kc;
}

const karpenter = (plural: string) => ({
  group: plural === 'ec2nodeclasses' ? 'karpenter.k8s.aws' : 'karpenter.sh',
  version: 'v1',
  plural,
});

describe("the shipped 'faults' scenario's unstable cluster (faults declared in YAML)", () => {
  let sim: Simulator;
  let kc: KubeConfig;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'faults' });
    await sim.start();
    kc = kubeConfig(sim.clusters.find(c => c.name === 'unstable')!.url);
  });
  afterEach(() => sim.stop());

  it('answers 500 for NodeClaims, invalid JSON for EC2NodeClasses, Nodes late, NodePools normally', async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    await expect(
      custom.listClusterCustomObject(karpenter('nodeclaims')),
    ).rejects.toMatchObject({ code: 500 });
    await expect(
      custom.listClusterCustomObject(karpenter('ec2nodeclasses')),
    ).rejects.toThrow();
    const pools = (await custom.listClusterCustomObject(
      karpenter('nodepools'),
    )) as { items: unknown[] };
    expect(pools.items).toHaveLength(1);
    const started = Date.now();
    const nodes = await kc.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it('drops NodePool watches after 2 s', async () => {
    const started = Date.now();
    const ended = await new Promise<number>((resolve, reject) => {
      new Watch(kc)
        .watch(
          '/apis/karpenter.sh/v1/nodepools',
          {},
          () => {},
          () => resolve(Date.now() - started),
        )
        .catch(reject);
    });
    expect(ended).toBeGreaterThanOrEqual(1900);
    expect(ended).toBeLessThan(10_000);
  });

  it("throttles the cluster's queue, not the others", async () => {
    const sqs = new SQSClient({
      region: 'eu-west-1',
      endpoint: sim.sqsEndpoint,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
      maxAttempts: 1,
    });
    try {
      await expect(
        sqs.send(new GetQueueUrlCommand({ QueueName: 'karpenter-unstable' })),
      ).rejects.toThrow('Rate exceeded');
      await expect(
        sqs.send(new GetQueueUrlCommand({ QueueName: 'karpenter-broken' })),
      ).resolves.toMatchObject({ QueueUrl: expect.any(String) });
    } finally {
      sqs.destroy();
    }
  });
});

describe('the control API injects and clears faults', () => {
  it('POST /faults, DELETE /faults/:id, DELETE /faults', async () => {
    const sim = new Simulator({ scenario: 'demo' });
    await sim.start();
    const control = await startControlServer(sim, 0);
    try {
      const core = kubeConfig(
        sim.clusters.find(c => c.name === 'demo')!.url,
      ).makeApiClient(CoreV1Api);
      const res = await fetch(`${control.url}/faults`, {
        method: 'POST',
        body: JSON.stringify({
          cluster: 'demo',
          resource: 'nodes',
          status: 503,
        }),
      });
      const { id } = await res.json();
      expect(typeof id).toBe('string');
      await expect(core.listNode()).rejects.toMatchObject({ code: 503 });
      await fetch(`${control.url}/faults/${id}`, { method: 'DELETE' });
      expect((await core.listNode()).items.length).toBeGreaterThan(0);
      await fetch(`${control.url}/faults`, {
        method: 'POST',
        body: JSON.stringify({ resource: 'nodes', status: 500 }),
      });
      await expect(core.listNode()).rejects.toMatchObject({ code: 500 });
      await fetch(`${control.url}/faults`, { method: 'DELETE' });
      expect((await core.listNode()).items.length).toBeGreaterThan(0);
    } finally {
      await control.close();
      await sim.stop();
    }
  });
});
