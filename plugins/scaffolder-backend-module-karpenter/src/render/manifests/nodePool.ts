import {
  NodePoolRequirement,
  NodePoolTaint,
  ResolvedNodePool,
} from '@karpenter-backstage/karpenter-template';

/** A requirement as the NodePool CRD spells it. */
interface Requirement {
  key: string;
  operator: string;
  values?: string[];
  minValues?: number;
}

function inRequirement(key: string, values: string[]): Requirement[] {
  return values.length > 0 ? [{ key, operator: 'In', values }] : [];
}

function requirementOf(r: NodePoolRequirement): Requirement {
  return {
    key: r.key,
    operator: r.operator,
    ...(r.values && r.values.length > 0 ? { values: r.values } : {}),
    ...(r.minValues !== undefined ? { minValues: r.minValues } : {}),
  };
}

function taintOf(t: NodePoolTaint) {
  return {
    key: t.key,
    ...(t.value ? { value: t.value } : {}),
    effect: t.effect,
  };
}

/** The NodePool requirements: structured fields first (as in the seed examples), then extras. */
export function nodePoolRequirements(pool: ResolvedNodePool): Requirement[] {
  return [
    ...inRequirement('kubernetes.io/arch', pool.architectures),
    ...inRequirement('kubernetes.io/os', ['linux']),
    ...inRequirement('karpenter.sh/capacity-type', pool.capacityTypes),
    ...inRequirement(
      'karpenter.k8s.aws/instance-category',
      pool.instanceCategories,
    ),
    ...inRequirement(
      'karpenter.k8s.aws/instance-family',
      pool.instanceFamilies,
    ),
    ...(pool.instanceGenerationGreaterThan !== undefined
      ? [
          {
            key: 'karpenter.k8s.aws/instance-generation',
            operator: 'Gt',
            values: [String(pool.instanceGenerationGreaterThan)],
          },
        ]
      : []),
    ...inRequirement('node.kubernetes.io/instance-type', pool.instanceTypes),
    ...pool.requirements.map(requirementOf),
  ];
}

/** `karpenter.sh/v1` NodePool referencing the EC2NodeClass of the same name. */
export function buildNodePool(pool: ResolvedNodePool): Record<string, unknown> {
  const labels = Object.keys(pool.labels).length > 0 ? pool.labels : undefined;
  const limits = Object.keys(pool.limits).length > 0 ? pool.limits : undefined;
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: pool.name },
    spec: {
      template: {
        ...(labels ? { metadata: { labels } } : {}),
        spec: {
          nodeClassRef: {
            group: 'karpenter.k8s.aws',
            kind: 'EC2NodeClass',
            name: pool.name,
          },
          requirements: nodePoolRequirements(pool),
          ...(pool.taints.length > 0
            ? { taints: pool.taints.map(taintOf) }
            : {}),
          ...(pool.startupTaints.length > 0
            ? { startupTaints: pool.startupTaints.map(taintOf) }
            : {}),
          expireAfter: pool.expireAfter,
          ...(pool.terminationGracePeriod !== undefined
            ? { terminationGracePeriod: pool.terminationGracePeriod }
            : {}),
        },
      },
      ...(limits ? { limits } : {}),
      disruption: {
        consolidationPolicy: pool.consolidationPolicy,
        consolidateAfter: pool.consolidateAfter,
        ...(pool.budgets.length > 0 ? { budgets: pool.budgets } : {}),
      },
      ...(pool.weight !== undefined ? { weight: pool.weight } : {}),
    },
  };
}
