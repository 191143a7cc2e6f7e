import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stepExample } from './stepExample';

const step = {
  id: 'terraform',
  name: 'Render Terraform',
  action: 'karpenter:terraform:render',
};

/** Examples shown in the portal's action reference; each one is run by the tests. */
export const terraformRenderExamples: TemplateExample[] = [
  stepExample(
    step,
    'Render the Terraform root for a cluster with the defaults',
    { clusterName: 'eks-cluster-dev', awsRegion: 'us-west-2' },
  ),
  stepExample(
    step,
    'Pin the chart, tag resources, use a fork of the module and keep state in S3',
    {
      clusterName: 'eks-cluster-prod',
      awsRegion: 'us-east-1',
      environment: 'prod',
      helmChartVersion: '1.14.1',
      tags: { ManagedBy: 'Terraform', Team: 'platform-engineering' },
      moduleSource:
        'git::https://github.com/acme/karpenter-backstage.git//terraform-module/karpenter?ref=v0.2.0',
      backend: {
        bucket: 'acme-terraform-state',
        key: 'karpenter/eks-cluster-prod.tfstate',
      },
    },
  ),
];
