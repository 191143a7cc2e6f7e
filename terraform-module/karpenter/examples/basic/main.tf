# The seed's basic example: Karpenter on an existing EKS cluster with the module's defaults.

provider "aws" {
  region = "us-west-2"
}

data "aws_eks_cluster" "this" {
  name = "eks-cluster-dev"
}

data "aws_eks_cluster_auth" "this" {
  name = "eks-cluster-dev"
}

provider "helm" {
  kubernetes = {
    host                   = data.aws_eks_cluster.this.endpoint
    cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
    token                  = data.aws_eks_cluster_auth.this.token
  }
}

module "karpenter" {
  source = "../.."

  eks_cluster_name     = "eks-cluster-dev"
  eks_cluster_endpoint = data.aws_eks_cluster.this.endpoint
  environment          = "dev"
  aws_region           = "us-west-2"

  resource_tag = {
    ManagedBy = "Terraform"
    Project   = "production-eks-platform"
  }
}

output "node_iam_role_name" {
  value = module.karpenter.node_iam_role_name
}
