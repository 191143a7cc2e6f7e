import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stepExample } from './stepExample';

const step = {
  id: 'nodepools',
  name: 'Render NodePools',
  action: 'karpenter:nodepools:render',
};

/** Examples shown in the portal's action reference; each one is run by the tests. */
export const nodePoolsRenderExamples: TemplateExample[] = [
  stepExample(step, 'Render the general and batch presets', {
    clusterName: 'eks-cluster-dev',
    nodePools: [
      { name: 'general', preset: 'general' },
      { name: 'batch', preset: 'batch' },
    ],
  }),
  stepExample(
    step,
    'A Graviton pool on Bottlerocket with a business-hours disruption budget',
    {
      clusterName: 'eks-cluster-prod',
      nodePools: [
        {
          name: 'arm',
          capacityTypes: ['spot', 'on-demand'],
          architectures: ['arm64'],
          instanceCategories: ['c', 'm'],
          instanceGenerationGreaterThan: 6,
          limits: { cpu: 400, memory: '1600Gi' },
          labels: { 'example.com/team': 'payments' },
          taints: [{ key: 'arch', value: 'arm64', effect: 'NoSchedule' }],
          weight: 50,
          expireAfter: '336h',
          consolidationPolicy: 'WhenEmptyOrUnderutilized',
          consolidateAfter: '5m',
          budgets: [
            { nodes: '10%' },
            {
              nodes: '0',
              reasons: ['Underutilized'],
              schedule: '0 8 * * mon-fri',
              duration: '10h',
            },
          ],
          nodeClass: {
            amiAlias: 'bottlerocket@latest',
            rootVolumeSize: '60Gi',
            tags: { CostCenter: 'payments' },
          },
        },
      ],
    },
  ),
];
