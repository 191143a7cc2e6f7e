import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import karpenterBackend from '@karpenter-backstage/plugin-karpenter-backend';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import { BenchSize, scenarioFor } from './sizes';
import { latencies, LatencyStats, throughput } from './stats';

const ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'karpenter.sh/cluster': 'bench',
      'backstage.io/kubernetes-id': 'checkout',
      // The Kubernetes plugin applies one label selector to every kind it lists; NodeClaims carry
      // `karpenter.sh/nodepool`, so this fetches all of them (NodePools carry no label to match).
      'backstage.io/kubernetes-label-selector': 'karpenter.sh/nodepool',
      'karpenter.sh/nodepools': '',
    },
  },
  spec: {},
};

const RESOURCE = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'bench-cluster',
    namespace: 'default',
    annotations: { 'karpenter.sh/cluster': 'bench' },
  },
  spec: {},
};

export interface SizeResult {
  size: BenchSize;
  objects: {
    nodePools: number;
    nodeClaims: number;
    nodes: number;
    events: number;
    rawJsonBytes: number;
  };
  floorMs: number;
  coldMs: number;
  warm: LatencyStats;
  throughput: {
    clients: number;
    seconds: number;
    requests: number;
    rps: number;
    errors: number;
  };
  peer: LatencyStats;
  memory: {
    rssMb: number;
    heapUsedMb: number;
    rssGrowthMb: number;
    heapGrowthMb: number;
    rawJsonMb: number;
  };
}

async function floor(url: string) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'b', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'b', cluster: 'b', user: 'u' }],
    currentContext: 'b',
  });
  const custom = kc.makeApiClient(CustomObjectsApi);
  const core = kc.makeApiClient(CoreV1Api);
  const start = performance.now();
  const [pools, claims, classes, nodes] = await Promise.all([
    custom.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
    }),
    custom.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodeclaims',
    }),
    custom.listClusterCustomObject({
      group: 'karpenter.k8s.aws',
      version: 'v1',
      plural: 'ec2nodeclasses',
    }),
    core.listNode(),
  ]);
  const ms = performance.now() - start;
  const raw = JSON.stringify([pools, claims, classes, nodes]).length;
  return { ms, raw };
}

/** One size: floor, ours cold/warm/throughput, the Kubernetes plugin, memory. */
export async function runSize(
  size: BenchSize,
  options: {
    warmRequests: number;
    throughputSeconds: number;
    peerRequests?: number;
  },
): Promise<SizeResult> {
  const sim = new Simulator({ scenario: scenarioFor(size) });
  await sim.start();
  const url = sim.clusters[0].url;
  try {
    const c = sim.cluster('bench');
    const f = await floor(url);
    const backend = await startTestBackend({
      features: [
        karpenterBackend,
        kubernetesBackend,
        catalogServiceMock.factory({ entities: [ENTITY, RESOURCE] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            karpenter: {
              clusters: [
                {
                  name: 'bench',
                  url,
                  authProvider: 'none',
                  requestTimeout: 30000,
                },
              ],
            },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'bench',
                      url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'bench',
                      skipTLSVerify: true,
                      skipMetricsLookup: true,
                    },
                  ],
                },
              ],
              objectTypes: ['pods'],
              customResources: [
                {
                  group: 'karpenter.sh',
                  apiVersion: 'v1',
                  plural: 'nodepools',
                },
                {
                  group: 'karpenter.sh',
                  apiVersion: 'v1',
                  plural: 'nodeclaims',
                },
              ],
            },
          },
        }),
      ],
    });
    // Growth is measured from the started, idle backend (plugins loaded, nothing cached) to the
    // backend after warm-up, so it is what the cache and its indexes hold.
    global.gc?.();
    const before = process.memoryUsage();
    const base = `http://localhost:${(backend.server.address() as any).port}`;
    const auth = { Authorization: mockCredentials.user.header() };
    let lastAnswer = '';
    const summary = async () => {
      const res = await fetch(
        `${base}/api/karpenter/v1/entities/default/resource/bench-cluster/summary`,
        { headers: auth },
      );
      const body = await res.json();
      const ok =
        res.ok && body.clusters?.[0]?.nodePools?.length === size.nodePools;
      if (!ok)
        lastAnswer = `${res.status} ${JSON.stringify(body).slice(0, 500)}`;
      return ok;
    };
    const coldStart = performance.now();
    const coldOk = await summary();
    const coldMs = performance.now() - coldStart;
    if (!coldOk) throw new Error(`cold summary failed: ${lastAnswer}`);
    const warm = await latencies(options.warmRequests, summary);
    const tp = await throughput(50, options.throughputSeconds, summary);
    global.gc?.();
    const mem = process.memoryUsage();
    const peer = await latencies(
      options.peerRequests ?? options.warmRequests,
      async () => {
        const res = await fetch(`${base}/api/kubernetes/services/checkout`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ entity: ENTITY }),
        });
        await res.arrayBuffer();
        return res.ok;
      },
    );
    await backend.stop();
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    return {
      size,
      objects: {
        nodePools: c.list('NodePool').length,
        nodeClaims: c.list('NodeClaim').length,
        nodes: c.list('Node').length,
        events: c.list('Event').length,
        rawJsonBytes: f.raw,
      },
      floorMs: Math.round(f.ms * 10) / 10,
      coldMs: Math.round(coldMs * 10) / 10,
      warm,
      throughput: tp,
      peer,
      memory: {
        rssMb: mb(mem.rss),
        heapUsedMb: mb(mem.heapUsed),
        rssGrowthMb: mb(mem.rss - before.rss),
        heapGrowthMb: mb(mem.heapUsed - before.heapUsed),
        rawJsonMb: mb(f.raw),
      },
    };
  } finally {
    await sim.stop();
  }
}
