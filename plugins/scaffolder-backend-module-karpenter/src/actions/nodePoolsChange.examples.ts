import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stepExample } from './stepExample';

const step = {
  id: 'change',
  name: 'Change NodePools',
  action: 'karpenter:nodepools:change',
};

/**
 * Examples shown in the portal's action reference; the tests run each one against a repository
 * whose values have a `general` pool (preset general, 100 CPU) and a `batch` pool.
 */
export const nodePoolsChangeExamples: TemplateExample[] = [
  stepExample(
    step,
    "Raise the general pool's CPU limit (no node is replaced) after fetching the values into ./current",
    {
      clusterName: 'eks-cluster-prod',
      nodePools: [
        { name: 'general', preset: 'general', limits: { cpu: '200' } },
        { name: 'batch', preset: 'batch' },
      ],
      currentPath: 'current',
      outputPath: 'changes',
    },
  ),
  stepExample(
    step,
    'Add an on-demand pool for critical workloads and retire the batch pool',
    {
      clusterName: 'eks-cluster-prod',
      nodePools: [
        { name: 'general', preset: 'general', limits: { cpu: '100' } },
        {
          name: 'critical',
          preset: 'critical',
          taints: [
            { key: 'workload', value: 'critical', effect: 'NoSchedule' },
          ],
          weight: 50,
        },
      ],
    },
  ),
];
