terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # >= 6.28: the pinned submodule (terraform-aws-modules/eks 21.19.0) requires it
      # (modules/karpenter/versions.tf at tag v21.19.0); it sets the provider 6 `region` argument.
      version = ">= 6.28, < 7.0"
    }
    helm = {
      source  = "hashicorp/helm"
      version = ">= 3.0, < 4.0"
    }
  }
}
