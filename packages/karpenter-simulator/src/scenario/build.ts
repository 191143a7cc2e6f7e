import type { ObjectStore } from '../k8s/ObjectStore';
import type { SimPod } from '../k8s/types';
import { parseKubernetesQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { newPodStatus, reportUnschedulable } from '../k8s/scheduler';
import { addClaim } from '../karpenter/lifecycle';
import { offerings } from '../karpenter/offerings';
import { provision } from '../karpenter/provisioner';
import {
  reconcileNodeClass,
  reconcileNodePool,
} from '../karpenter/reconcilers';
import { seedHistory } from '../karpenter/seedHistory';
import { buildEc2NodeClass, buildNodePool } from '../model/builders';
import { Taint, tolerationsFor } from '../model/scheduling';
import { seedHost, startControllers } from '../cluster/controllers';
import { ClusterState, nodesOf } from '../cluster/state';
import {
  ScenarioCluster,
  ScenarioNodeGroup,
  ScenarioNodePool,
  ScenarioWorkload,
} from './types';

/**
 * Builds a cluster's scenario: namespaces, EC2NodeClasses and NodePools (with their starting
 * nodes, initialized), workloads, the seeded event history, the scheduler's verdict on pods left
 * pending and Karpenter's provisioning for them; then starts the controllers.
 */
export function buildCluster(state: ClusterState) {
  const { config, store } = state;
  for (const ns of [
    'default',
    'kube-system',
    'karpenter',
    ...(config.workloads ?? []).map(w => w.namespace),
  ])
    ensureNamespace(store, ns);
  for (const nc of config.nodeClasses) {
    store.put('ec2nodeclasses', buildEc2NodeClass(state.name, nc));
    reconcileNodeClass(state, nc.name);
  }
  const pools = [...config.nodePools, ...generatedPools(config)];
  for (const pool of pools) {
    state.registrationHealthy.set(
      pool.name,
      pool.registrationHealthy !== false,
    );
    store.put('nodepools', buildNodePool(pool));
    for (const group of nodeGroups(pool)) {
      const offer = offerings(state, pool.name);
      const refusal =
        offer.refusal ??
        (group.instanceType &&
        !offer.types.some(t => t.name === group.instanceType)
          ? `instance type ${group.instanceType} is not allowed by its requirements`
          : undefined) ??
        (group.zone && !offer.zones.includes(group.zone)
          ? `zone ${group.zone} has no subnet of its EC2NodeClass or is not allowed`
          : undefined);
      if (refusal)
        throw new Error(
          `NodePool ${pool.name} of cluster ${state.name}: ${refusal}`,
        );
      for (let i = 0; i < group.count; i++) {
        addClaim(state, pool.name, 'initialized', { ...group, quiet: true });
      }
    }
    reconcileNodePool(state, pool.name);
  }
  for (const w of config.workloads ?? []) addWorkload(state, w);
  seedHistory(seedHost(state), config.initialEvents ?? 0);
  reportUnschedulable(
    state,
    store.list('pods').filter(p => !p.spec.nodeName),
  );
  provision(state);
  startControllers(state);
}

/** Creates a namespace unless it exists. */
export function ensureNamespace(store: ObjectStore, ns: string) {
  if (store.get('namespaces', ns)) return;
  store.put('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
}

/** A pool's starting nodes as groups (a total is spread over its capacity types). */
function nodeGroups(pool: ScenarioNodePool): ScenarioNodeGroup[] {
  if (Array.isArray(pool.nodes)) return pool.nodes;
  if (typeof pool.nodes !== 'number')
    return Object.entries(pool.nodes).map(([capacityType, count]) => ({
      capacityType,
      count,
    }));
  const total = pool.nodes;
  const types = pool.capacityTypes ?? ['spot', 'on-demand'];
  return types.map((capacityType, i) => ({
    capacityType,
    count:
      Math.floor(total / types.length) + (i < total % types.length ? 1 : 0),
  }));
}

function generatedPools(config: ScenarioCluster): ScenarioNodePool[] {
  const g = config.generate;
  if (!g) return [];
  return Array.from({ length: g.nodePools }, (_, i) => ({
    name: `pool-${String(i).padStart(3, '0')}`,
    nodeClass: config.nodeClasses[0]?.name ?? 'default',
    instanceTypes: g.instanceTypes ?? [
      'm5.large',
      'm5.xlarge',
      'c5.xlarge',
      'r5.xlarge',
    ],
    capacityTypes: ['spot', 'on-demand'],
    limits: {
      cpu: String(g.nodesPerPool * 8),
      memory: `${g.nodesPerPool * 40}Gi`,
    },
    nodes: g.nodesPerPool,
  }));
}

/** How {@link addWorkload} makes the pods. */
export interface PodOptions {
  /** Container requests (a missing one: the default 500m CPU / 512Mi); `none`: no requests. */
  requests?: { cpu?: string; memory?: string } | 'none';
  /** Tolerations for the NodePool's taints (default true). */
  tolerateTaints?: boolean;
  /** Leave the pods unbound for the kube-scheduler (default: on the NodePool's nodes). */
  unbound?: boolean;
}

const DEFAULT_REQUESTS = { cpu: '500m', memory: '512Mi' };

/** A container's requests from {@link PodOptions.requests} (quantities checked). */
function containerRequests(
  requests: PodOptions['requests'],
): Record<string, string> | undefined {
  if (requests === 'none') return undefined;
  if (requests !== undefined && (typeof requests !== 'object' || !requests))
    throw new Error(`requests: {cpu?, memory?} or 'none'`);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    ...DEFAULT_REQUESTS,
    ...requests,
  })) {
    // a quantity is an int-or-string (YAML `cpu: 2` is a number)
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !parseKubernetesQuantity(text))
      throw new Error(
        `requests.${name}: not a quantity: ${JSON.stringify(value)}`,
      );
    out[name] = text;
  }
  return out;
}

/**
 * Creates a workload's pods: placed on the NodePool's nodes (pending when none fits) as a
 * scenario starts, or unbound for the kube-scheduler (`unbound`).
 */
export function addWorkload(
  state: ClusterState,
  w: ScenarioWorkload,
  opts: PodOptions = {},
): SimPod[] {
  const { store, random } = state;
  const requests = containerRequests(opts.requests);
  const nodes = opts.unbound ? [] : nodesOf(state, w.nodePool);
  const taints: Taint[] | undefined =
    opts.tolerateTaints === false
      ? undefined
      : store.get('nodepools', w.nodePool)?.spec?.template?.spec?.taints;
  // one-per-node pods (required anti-affinity on the hostname) only go to nodes without one
  const free = w.onePerNode
    ? nodes.filter(
        n =>
          !store
            .list('pods')
            .some(
              p => p.spec.nodeName === n && p.metadata.labels?.app === w.name,
            ),
      )
    : nodes;
  const created: SimPod[] = [];
  for (let i = 0; i < w.replicas; i++) {
    const hash = random.hex(10);
    const labels = {
      app: w.name,
      ...(w.kubernetesId
        ? { 'backstage.io/kubernetes-id': w.kubernetesId }
        : {}),
      ...(w.labels ?? {}),
      'pod-template-hash': hash.slice(0, 10),
    };
    let nodeName: string | undefined;
    if (w.onePerNode) nodeName = free[i];
    else if (nodes.length) nodeName = nodes[i % nodes.length];
    const tolerations = tolerationsFor(taints);
    const pod = store.put('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${w.name}-${hash}-${random.suffix(5)}`,
        namespace: w.namespace,
        labels,
      },
      spec: {
        nodeName,
        nodeSelector: { 'karpenter.sh/nodepool': w.nodePool },
        ...(tolerations.length ? { tolerations } : {}),
        ...(w.onePerNode
          ? {
              affinity: {
                podAntiAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: [
                    {
                      labelSelector: { matchLabels: { app: w.name } },
                      topologyKey: 'kubernetes.io/hostname',
                    },
                  ],
                },
              },
            }
          : {}),
        containers: [
          {
            name: w.name,
            image: `registry.example.com/${w.name}:1.0.0`,
            resources: requests ? { requests } : {},
          },
        ],
      },
      status: newPodStatus(nodeName, state.ctx.now()),
    });
    created.push(pod);
  }
  return created;
}
