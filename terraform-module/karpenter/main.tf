locals {
  node_iam_role_name = "KarpenterNodeRole-${var.eks_cluster_name}"
  queue_name         = "karpenter-${var.eks_cluster_name}"

  # The interruption queue and every EventBridge rule feeding it exist only together.
  create_interruption_queue = true

  # The module's own tags first, so a key in resource_tag (e.g. ManagedBy) wins.
  tags = merge({
    Environment = var.environment
    Cluster     = var.eks_cluster_name
    ManagedBy   = "terraform-module-karpenter"
  }, var.resource_tag)
}

module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 21.0"

  cluster_name = var.eks_cluster_name

  # Regional resources (queue, rules, access entry, Pod Identity association) go to the cluster's
  # region, whatever the default region of the aws provider is.
  region = var.aws_region

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
  enable_spot_termination = local.create_interruption_queue
  queue_name              = local.queue_name
  rule_name_prefix        = "Karpenter"

  tags = local.tags
}

# The pinned submodule creates the HealthEvent, SpotInterrupt, InstanceRebalance and
# InstanceStateChange rules; Karpenter also handles capacity reservation interruptions, so this
# module adds that rule in the submodule's style. Its queue policy already lets
# events.amazonaws.com send messages to the whole queue (statement SqsWrite, resource = the queue
# ARN), so no extra queue policy statement is needed.
resource "aws_cloudwatch_event_rule" "capacity_reservation_interruption" {
  count = local.create_interruption_queue ? 1 : 0

  region = var.aws_region

  # A prefix as for the submodule's rules: at most 38 characters, the generated suffix adds 26.
  name_prefix = "KarpenterCapacityReservationInterrupt-"
  description = "Karpenter interrupt - EC2 capacity reservation instance interruption warning"
  event_pattern = jsonencode({
    source      = ["aws.ec2"]
    detail-type = ["EC2 Capacity Reservation Instance Interruption Warning"]
  })

  tags = merge({ ClusterName = var.eks_cluster_name }, local.tags)
}

resource "aws_cloudwatch_event_target" "capacity_reservation_interruption" {
  count = local.create_interruption_queue ? 1 : 0

  region = var.aws_region

  rule      = aws_cloudwatch_event_rule.capacity_reservation_interruption[0].name
  target_id = "KarpenterInterruptionQueueTarget"
  arn       = module.karpenter.queue_arn
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
