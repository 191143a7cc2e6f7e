/**
 * What the generated Terraform root requires, kept in line with the module's own `versions.tf`
 * (terraform-module/karpenter; render/moduleContract.test.ts compares them). Change both together.
 * AWS provider >= 6.28: the module's pinned submodule (terraform-aws-modules/eks 21.19.0) requires
 * it (modules/karpenter/versions.tf at tag v21.19.0). The module pulls the Karpenter charts from
 * public ECR anonymously, so it needs no aliased (us-east-1) provider.
 */
export const TERRAFORM_REQUIREMENTS = {
  terraform: '>= 1.5.7',
  /** With an S3 backend using `use_lockfile` (S3-native locking, added in Terraform 1.10). */
  terraformWithLockfile: '>= 1.10.0',
  providers: {
    aws: { source: 'hashicorp/aws', version: '>= 6.28, < 7.0' },
    helm: { source: 'hashicorp/helm', version: '>= 3.0, < 4.0' },
  },
} as const;
