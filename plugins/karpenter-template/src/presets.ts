import { NodePoolPresetName } from './constants';
import { NodePoolInput } from './schema';

/** A preset: defaults for every NodePool field except the name. @public */
export type NodePoolPreset = Omit<NodePoolInput, 'name' | 'preset'> & {
  /** One line shown in the form and docs. */
  description: string;
};

/**
 * The NodePool presets, after the module README's examples: `general` (spot with on-demand
 * fallback on c/m/r families), `batch` (compute-optimised spot, tainted, aggressive scale-down) and
 * `critical` (on-demand, fixed instance types, conservative disruption), plus `custom`, a
 * minimal starting point without instance constraints.
 *
 * Per NodePool, every field set in the form or values file overrides the preset; empty lists and
 * maps count as not set (a form leaves them empty), so to drop a preset's constraint start from
 * `custom`. To change the presets for your organisation, edit this object (docs/template.md).
 *
 * @public
 */
export const NODE_POOL_PRESETS: Record<NodePoolPresetName, NodePoolPreset> = {
  general: {
    description:
      'General workloads: spot with on-demand fallback, amd64, c/m/r families of generation 3+, consolidate when underutilized',
    // Both allowed: Karpenter launches spot when it can and falls back to on-demand when no spot
    // offering fits (karpenter.sh docs, concepts/nodepools: Karpenter prioritizes spot when a
    // NodePool allows both spot and on-demand).
    capacityTypes: ['spot', 'on-demand'],
    architectures: ['amd64'],
    instanceCategories: ['c', 'm', 'r'],
    instanceGenerationGreaterThan: 2,
    limits: { cpu: 1000 },
    expireAfter: '720h',
    consolidationPolicy: 'WhenEmptyOrUnderutilized',
    consolidateAfter: '1m',
    budgets: [{ nodes: '10%' }],
  },
  batch: {
    description:
      'Batch jobs: spot, compute-optimised types, tainted workload=batch, scale down after 30s',
    capacityTypes: ['spot'],
    architectures: ['amd64'],
    instanceCategories: ['c'],
    instanceTypes: ['c5.xlarge', 'c5.2xlarge', 'c6i.xlarge'],
    taints: [{ key: 'workload', value: 'batch', effect: 'NoSchedule' }],
    labels: { workload: 'batch' },
    limits: { cpu: 500 },
    expireAfter: '720h',
    consolidationPolicy: 'WhenEmpty',
    consolidateAfter: '30s',
    budgets: [{ nodes: '20%' }],
  },
  critical: {
    description:
      'Critical workloads: on-demand, fixed m5/m6i types, only consolidated when empty, no drift replacement in business hours',
    capacityTypes: ['on-demand'],
    architectures: ['amd64'],
    instanceTypes: ['m5.xlarge', 'm5.2xlarge', 'm6i.xlarge', 'm6i.2xlarge'],
    labels: { workload: 'critical' },
    limits: { cpu: 200, memory: '800Gi' },
    expireAfter: '720h',
    consolidationPolicy: 'WhenEmpty',
    consolidateAfter: '5m',
    budgets: [
      { nodes: '1' },
      {
        nodes: '0',
        reasons: ['Drifted'],
        schedule: '0 9 * * mon-fri',
        duration: '8h',
      },
    ],
  },
  custom: {
    description:
      'Start from scratch: on-demand, amd64, any instance type up to 100 vCPUs; set what you need',
    capacityTypes: ['on-demand'],
    architectures: ['amd64'],
    limits: { cpu: 100 },
    expireAfter: '720h',
    consolidationPolicy: 'WhenEmptyOrUnderutilized',
    consolidateAfter: '1m',
    budgets: [{ nodes: '10%' }],
  },
};
