/**
 * What the generated Terraform root requires, kept in line with the module's own `versions.tf`
 * (terraform-module/karpenter). Change both together.
 */
export const TERRAFORM_REQUIREMENTS = {
  terraform: '>= 1.5.7',
  providers: {
    aws: { source: 'hashicorp/aws', version: '>= 5.95, < 7.0' },
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
