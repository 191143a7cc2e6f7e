import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stepExample } from './stepExample';

const step = {
  id: 'values',
  name: 'Write karpenter-values.yaml',
  action: 'karpenter:values:render',
};

/** Examples shown in the portal's action reference; each one is run by the tests. */
export const valuesRenderExamples: TemplateExample[] = [
  stepExample(
    step,
    'Write the values file of a repository with one general NodePool (module source from the input)',
    {
      clusterName: 'eks-cluster-dev',
      awsRegion: 'us-west-2',
      moduleSource:
        'git::https://github.com/acme/karpenter-backstage.git//terraform-module/karpenter?ref=v0.2.0',
      nodePools: [{ name: 'general', preset: 'general' }],
    },
  ),
];
