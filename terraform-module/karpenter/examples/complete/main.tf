# The seed's complete example: custom namespace, chart version, service account and tags.

provider "aws" {
  region = "us-east-1"
}

data "aws_partition" "current" {}

data "aws_eks_cluster" "this" {
  name = "eks-cluster-prod"
}

data "aws_eks_cluster_auth" "this" {
  name = "eks-cluster-prod"
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

  eks_cluster_name     = "eks-cluster-prod"
  eks_cluster_endpoint = data.aws_eks_cluster.this.endpoint
  environment          = "prod"
  aws_region           = "us-east-1"

  namespace            = "karpenter"
  helm_chart_version   = "1.14.1"
  service_account_name = "karpenter"
  controller_replicas  = 2

  node_iam_role_additional_policies = {
    CloudWatchAgentServerPolicy = "arn:${data.aws_partition.current.partition}:iam::aws:policy/CloudWatchAgentServerPolicy"
  }

  resource_tag = {
    ManagedBy = "Terraform"
    Project   = "production-eks-platform"
    Team      = "platform-engineering"
  }
}

output "karpenter" {
  value = {
    iam_role_arn          = module.karpenter.iam_role_arn
    node_iam_role_arn     = module.karpenter.node_iam_role_arn
    node_iam_role_name    = module.karpenter.node_iam_role_name
    instance_profile_name = module.karpenter.instance_profile_name
    queue_name            = module.karpenter.queue_name
    queue_url             = module.karpenter.queue_url
  }
}
