/**
 * What the generated Terraform root requires, kept in line with the module's own `versions.tf`
 * (terraform-module/karpenter; render/moduleContract.test.ts compares them). Change both together.
 * AWS provider >= 6.15: the module's pinned submodule (terraform-aws-modules/eks 21.x) requires it
 * and sets the provider 6 `region` argument on its resources.
 */
export const TERRAFORM_REQUIREMENTS = {
  terraform: '>= 1.5.7',
  providers: {
    aws: { source: 'hashicorp/aws', version: '>= 6.15, < 7.0' },
    helm: { source: 'hashicorp/helm', version: '>= 3.0, < 4.0' },
  },
  /** Aliased AWS providers the module declares in `configuration_aliases`. */
  awsProviderAliases: [
    {
      alias: 'virginia',
      region: 'us-east-1',
      comment:
        'The module reads the public ECR token for the Karpenter chart, which only us-east-1 serves.',
    },
  ],
} as const;
