terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.15, < 7.0"
      # >= 6.15: the pinned submodule sets `region` on resources (AWS provider 6) and requires 6.15.
      # The public ECR token for the Karpenter chart is only served in us-east-1.
      configuration_aliases = [aws.virginia]
    }
    helm = {
      source  = "hashicorp/helm"
      version = ">= 3.0, < 4.0"
    }
  }
}
