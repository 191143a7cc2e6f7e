import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the portal's action reference; each one is run by the tests. */
export const valuesRenderExamples: TemplateExample[] = [
  {
    description:
      'Write the values file of a repository with one general NodePool (module source from the input)',
    example: stringify({
      steps: [
        {
          id: 'values',
          name: 'Write karpenter-values.yaml',
          action: 'karpenter:values:render',
          input: {
            clusterName: 'eks-cluster-dev',
            awsRegion: 'us-west-2',
            moduleSource:
              'git::https://github.com/acme/karpenter-backstage.git//terraform-module/karpenter?ref=v0.2.0',
            nodePools: [{ name: 'general', preset: 'general' }],
          },
        },
      ],
    }),
  },
];
