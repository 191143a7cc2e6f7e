locals {
  node_iam_role_name = "KarpenterNodeRole-${var.eks_cluster_name}"
  queue_name         = "karpenter-${var.eks_cluster_name}"

  tags = merge(var.resource_tag, {
    Environment = var.environment
    Cluster     = var.eks_cluster_name
    ManagedBy   = "terraform-module-karpenter"
  })
}

module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 21.0"

  cluster_name = var.eks_cluster_name

  # Controller role bound to the ServiceAccount through EKS Pod Identity (not IRSA).
  namespace                       = var.namespace
  service_account                 = var.service_account_name
  create_pod_identity_association = true

  # Node role with a deterministic name (no prefix) so EC2NodeClass manifests can name it.
  node_iam_role_use_name_prefix = false
  node_iam_role_name            = local.node_iam_role_name
  node_iam_role_additional_policies = merge({
    AmazonSSMManagedInstanceCore = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
  }, var.node_iam_role_additional_policies)
  create_access_entry     = true
  create_instance_profile = true

  # Interruption queue and the EventBridge rules feeding it.
  enable_spot_termination = true
  queue_name              = local.queue_name
  rule_name_prefix        = "Karpenter"

  tags = local.tags
}

data "aws_ecrpublic_authorization_token" "token" {
  provider = aws.virginia
}

resource "helm_release" "karpenter" {
  name                = "karpenter"
  namespace           = var.namespace
  create_namespace    = true
  repository          = "oci://public.ecr.aws/karpenter"
  repository_username = data.aws_ecrpublic_authorization_token.token.user_name
  repository_password = data.aws_ecrpublic_authorization_token.token.password
  chart               = "karpenter"
  version             = var.helm_chart_version
  wait                = false

  values = [
    yamlencode({
      settings = {
        clusterName       = var.eks_cluster_name
        clusterEndpoint   = var.eks_cluster_endpoint
        interruptionQueue = module.karpenter.queue_name
      }
      serviceAccount = {
        name = var.service_account_name
      }
      replicas = var.controller_replicas
      controller = {
        resources = {
          requests = {
            cpu    = "1"
            memory = "1Gi"
          }
          limits = {
            cpu    = "1"
            memory = "1Gi"
          }
        }
      }
    })
  ]
}
