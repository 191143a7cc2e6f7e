import type {
  KarpenterTaint,
  SimNode,
  StoredEC2NodeClass,
  StoredNodeClaim,
  StoredNodePool,
} from '../k8s/types';
import { ScenarioNodeClass, ScenarioNodePool } from '../scenario/types';
import { condition, iso } from './conditions';
import { InstanceType } from './instanceTypes';

export const GROUP = 'karpenter.k8s.aws';

export function buildEc2NodeClass(
  cluster: string,
  nc: ScenarioNodeClass,
): StoredEC2NodeClass {
  const tag = nc.discoveryTag ?? cluster;
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: {
      name: nc.name,
      annotations: { 'karpenter.k8s.aws/ec2nodeclass-hash-version': 'v4' },
    },
    spec: {
      role: nc.role ?? `KarpenterNodeRole-${cluster}`,
      amiSelectorTerms: [{ alias: nc.amiAlias ?? 'al2023@latest' }],
      subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': tag } }],
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': tag } }],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpProtocolIPv6: 'disabled',
        httpPutResponseHopLimit: 1,
        httpTokens: 'required',
      },
    },
  };
}

type NodePoolSpec = StoredNodePool['spec'];

export function buildNodePool(pool: ScenarioNodePool): StoredNodePool {
  const requirements: NodePoolSpec['template']['spec']['requirements'] = [
    {
      key: 'karpenter.sh/capacity-type',
      operator: 'In',
      values: pool.capacityTypes ?? ['spot', 'on-demand'],
    },
    {
      key: 'kubernetes.io/arch',
      operator: 'In',
      values: pool.architectures ?? ['amd64'],
    },
    {
      key: 'node.kubernetes.io/instance-type',
      operator: 'In',
      values: pool.instanceTypes,
    },
  ];
  const spec: NodePoolSpec = {
    template: {
      metadata: {
        labels: { ...(pool.labels ?? {}), 'workload-class': pool.name },
      },
      spec: {
        nodeClassRef: {
          group: 'karpenter.k8s.aws',
          kind: 'EC2NodeClass',
          name: pool.nodeClass ?? 'default',
        },
        requirements,
        expireAfter: pool.expireAfter ?? '720h',
        ...(pool.taints?.length ? { taints: pool.taints } : {}),
      },
    },
    disruption: {
      consolidationPolicy:
        pool.consolidationPolicy ?? 'WhenEmptyOrUnderutilized',
      consolidateAfter: pool.consolidateAfter ?? '1m',
      budgets: pool.budgets ?? [{ nodes: '10%' }],
    },
  };
  if (pool.limits) spec.limits = pool.limits;
  if (pool.weight !== undefined) spec.weight = pool.weight;
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: pool.name },
    spec,
  };
}

export interface NodeFacts {
  nodePool: string;
  nodeClass: string;
  capacityType: string;
  type: InstanceType;
  zone: string;
  region: string;
  nodeName: string;
  instanceId: string;
  claimName: string;
  taints?: KarpenterTaint[];
  labels?: Record<string, string>;
  /** AWS zone ID of the zone (label `topology.k8s.aws/zone-id`). */
  zoneId?: string;
  /** When the NodeClaim became consolidatable (condition `Consolidatable=True`). */
  consolidatableAt?: number;
}

export function nodeLabels(f: NodeFacts): Record<string, string> {
  return {
    ...(f.labels ?? {}),
    'karpenter.sh/nodepool': f.nodePool,
    'karpenter.sh/capacity-type': f.capacityType,
    'karpenter.sh/registered': 'true',
    'karpenter.sh/initialized': 'true',
    'karpenter.k8s.aws/ec2nodeclass': f.nodeClass,
    'karpenter.k8s.aws/instance-category': f.type.category,
    'karpenter.k8s.aws/instance-family': f.type.family,
    'karpenter.k8s.aws/instance-generation': String(f.type.generation),
    'karpenter.k8s.aws/instance-cpu': String(f.type.cpu),
    'karpenter.k8s.aws/instance-memory': String(f.type.memoryGi * 1024),
    'node.kubernetes.io/instance-type': f.type.name,
    'karpenter.k8s.aws/instance-size': f.type.name.split('.')[1] ?? '',
    'topology.kubernetes.io/zone': f.zone,
    ...(f.zoneId ? { 'topology.k8s.aws/zone-id': f.zoneId } : {}),
    'topology.kubernetes.io/region': f.region,
    'kubernetes.io/arch': f.type.arch,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/hostname': f.nodeName,
  };
}

export function capacityOf(type: InstanceType) {
  return {
    cpu: String(type.cpu),
    memory: `${type.memoryGi * 1024 * 1024 - 400 * 1024}Ki`,
    pods: String(type.pods),
    'ephemeral-storage': '20959212Ki',
    ...(type.gpu ? { 'nvidia.com/gpu': String(type.gpu) } : {}),
  };
}

export function allocatableOf(type: InstanceType) {
  return {
    cpu: `${type.cpu * 1000 - 80}m`,
    memory: `${type.memoryGi * 1024 - 900}Mi`,
    pods: String(type.pods),
    'ephemeral-storage': '17Gi',
  };
}

/** A NodeClaim in the given phase of its lifecycle. */
export function buildNodeClaim(
  f: NodeFacts,
  phase: 'pending' | 'launched' | 'registered' | 'initialized',
  at: number,
  poolUid?: string,
): StoredNodeClaim {
  const launched = phase !== 'pending';
  const registered = phase === 'registered' || phase === 'initialized';
  const initialized = phase === 'initialized';
  const conditions = [
    condition(
      'Launched',
      launched,
      at,
      launched ? 'Launched' : 'NotLaunched',
      launched ? '' : 'Node not launched',
    ),
    condition(
      'Registered',
      registered,
      at,
      registered ? 'Registered' : 'NodeNotFound',
      registered ? '' : 'Node not registered with cluster',
    ),
    condition(
      'Initialized',
      initialized,
      at,
      initialized ? 'Initialized' : 'NotInitialized',
      initialized ? '' : 'Node not initialized',
    ),
    condition(
      'Ready',
      initialized,
      at,
      initialized ? 'Ready' : 'NotReady',
      initialized ? '' : 'Initialized=False',
    ),
  ].map(c =>
    c.status === 'False' && !launched && c.type !== 'Launched'
      ? { ...c, status: 'Unknown' as const }
      : c,
  );
  // Karpenter marks an initialized NodeClaim consolidatable once its NodePool's consolidateAfter
  // has passed (the simulator decides when: SimCluster.markConsolidatable).
  if (initialized && f.consolidatableAt !== undefined)
    conditions.push(
      condition('Consolidatable', true, f.consolidatableAt, 'Consolidatable'),
    );
  const labels = nodeLabels(f);
  if (!registered) delete labels['karpenter.sh/registered'];
  if (!initialized) delete labels['karpenter.sh/initialized'];
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodeClaim',
    metadata: {
      name: f.claimName,
      labels,
      annotations: {
        'karpenter.k8s.aws/ec2nodeclass-hash': '1234567890123456789',
        'karpenter.sh/nodepool-hash': '9876543210987654321',
      },
      finalizers: ['karpenter.sh/termination'],
      ownerReferences: poolUid
        ? [
            {
              apiVersion: 'karpenter.sh/v1',
              kind: 'NodePool',
              name: f.nodePool,
              uid: poolUid,
              blockOwnerDeletion: true,
            },
          ]
        : undefined,
    },
    spec: {
      nodeClassRef: { group: GROUP, kind: 'EC2NodeClass', name: f.nodeClass },
      requirements: [
        { key: 'karpenter.sh/nodepool', operator: 'In', values: [f.nodePool] },
        {
          key: 'node.kubernetes.io/instance-type',
          operator: 'In',
          values: [f.type.name],
        },
        {
          key: 'karpenter.sh/capacity-type',
          operator: 'In',
          values: [f.capacityType],
        },
      ],
      resources: { requests: { cpu: '1150m', memory: '2Gi', pods: '6' } },
      expireAfter: '720h',
      ...(f.taints?.length ? { taints: f.taints } : {}),
    },
    status: launched
      ? {
          providerID: `aws:///${f.zone}/${f.instanceId}`,
          imageID: 'ami-0a1b2c3d4e5f60718',
          nodeName: registered ? f.nodeName : undefined,
          capacity: capacityOf(f.type),
          allocatable: allocatableOf(f.type),
          conditions,
          lastPodEventTime: iso(at),
        }
      : { conditions },
  };
}

export function buildNode(f: NodeFacts, ready: boolean, at: number): SimNode {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: f.nodeName,
      labels: nodeLabels(f),
      annotations: {
        'karpenter.sh/nodepool-hash': '9876543210987654321',
        'alpha.kubernetes.io/provided-node-ip': '10.0.0.1',
      },
      finalizers: ['karpenter.sh/termination'],
    },
    spec: {
      providerID: `aws:///${f.zone}/${f.instanceId}`,
      ...(f.taints?.length ? { taints: f.taints } : {}),
    },
    status: {
      capacity: capacityOf(f.type),
      allocatable: allocatableOf(f.type),
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          reason: ready ? 'KubeletReady' : 'KubeletNotReady',
          message: ready
            ? 'kubelet is posting ready status'
            : 'container runtime network not ready',
          lastHeartbeatTime: iso(at),
          lastTransitionTime: iso(at),
        },
      ],
      nodeInfo: {
        architecture: f.type.arch,
        kubeletVersion: 'v1.32.3-eks-473151a',
        containerRuntimeVersion: 'containerd://1.7.27',
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.7.20250609',
      },
    },
  };
}
