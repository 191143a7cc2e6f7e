import { Scenario } from '@karpenter-backstage/karpenter-simulator';

export interface BenchSize {
  name: string;
  nodePools: number;
  nodesPerPool: number;
  events: number;
}

/** Pods of the workload entity that wait for a node, at every size. */
export const WAITING_PODS = 500;

export const SIZES: BenchSize[] = [
  { name: 'S', nodePools: 10, nodesPerPool: 20, events: 800 },
  { name: 'M', nodePools: 50, nodesPerPool: 40, events: 8000 },
  { name: 'L', nodePools: 100, nodesPerPool: 50, events: 20000 },
];

export const SMOKE: BenchSize = {
  name: 'smoke',
  nodePools: 3,
  nodesPerPool: 4,
  events: 20,
};

export function scenarioFor(size: BenchSize): Scenario {
  return {
    name: `bench-${size.name}`,
    seed: 1,
    clusters: [
      {
        name: 'bench',
        queueName: 'karpenter-bench',
        initialEvents: size.events,
        nodeClasses: [{ name: 'default' }],
        nodePools: [],
        generate: {
          nodePools: size.nodePools,
          nodesPerPool: size.nodesPerPool,
        },
        workloads: [
          {
            name: 'checkout',
            namespace: 'shop',
            kubernetesId: 'checkout',
            nodePool: 'pool-000',
            replicas: 10,
          },
          {
            // the workload entity's waiting pods: their NodePool does not exist (yet)
            name: 'checkout-canary',
            namespace: 'shop',
            kubernetesId: 'checkout',
            nodePool: 'pool-canary',
            replicas: WAITING_PODS,
          },
        ],
      },
    ],
  };
}
