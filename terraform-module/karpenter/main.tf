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
  source = "terraform-aws-modules/eks/aws//modules/karpenter"
  # An exact release (tag v21.19.0 of terraform-aws-modules/terraform-aws-eks): its inputs, outputs
  # and provider requirements are recorded in submodule-inputs.json. 21.19 requires aws >= 6.28
  # (modules/karpenter/versions.tf at the tag).
  version = "21.19.0"

  cluster_name = var.eks_cluster_name

  # Regional resources (queue, rules, access entry, Pod Identity association) go to the cluster's
  # region, whatever the default region of the aws provider is.
  region = var.aws_region

  # Controller role bound to the ServiceAccount through EKS Pod Identity (not IRSA).
  namespace                       = var.namespace
  service_account                 = var.service_account_name
  create_pod_identity_association = true

  # 21.18/21.19 grew the controller policy past IAM's 6,144-character limit for managed policies
  # ("LimitExceeded: Cannot exceed quota for PolicySize: 6144", upstream issues #3692 and #3708);
  # an inline role policy (aws_iam_role_policy.controller in modules/karpenter/main.tf) may hold
  # 10,240 characters.
  enable_inline_policy = true

  # Node role with a deterministic name (no prefix) so EC2NodeClass manifests can name it.
  node_iam_role_use_name_prefix = false
  node_iam_role_name            = local.node_iam_role_name
  node_iam_role_additional_policies = merge({
    AmazonSSMManagedInstanceCore = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
  }, var.node_iam_role_additional_policies)
  create_access_entry     = true
  create_instance_profile = true

  # Interruption queue and the EventBridge rules feeding it. Since 21.18 the submodule creates all
  # five rules Karpenter handles (local.events in modules/karpenter/main.tf): HealthEvent,
  # SpotInterrupt, InstanceRebalance, InstanceStateChange and CRInterruption (EC2 Capacity
  # Reservation Instance Interruption Warning), each named rule_name_prefix + name + "-".
  enable_spot_termination = local.create_interruption_queue
  queue_name              = local.queue_name
  rule_name_prefix        = "Karpenter"

  tags = local.tags
}

# ARNs are built for the partition of the account (aws, aws-us-gov, aws-cn, ...).
data "aws_partition" "current" {}

# The Karpenter CRDs (NodePool, NodeClaim, EC2NodeClass) from the karpenter-crd chart, at the
# chart version of the controller. Helm installs a chart's crds/ folder only on first install and
# never upgrades it, so the controller chart skips it (skip_crds below) and this release owns the
# CRDs: every upgrade applies the new CRDs first (Karpenter's upgrade guide,
# website/content/en/docs/upgrading/upgrade-guide.md, "CRD Upgrades").
resource "helm_release" "karpenter_crd" {
  name             = "karpenter-crd"
  namespace        = var.namespace
  create_namespace = true
  # Public ECR allows anonymous pulls: no registry credentials, no us-east-1 provider.
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter-crd"
  version    = var.helm_chart_version
}

resource "helm_release" "karpenter" {
  name             = "karpenter"
  namespace        = var.namespace
  create_namespace = true
  repository       = "oci://public.ecr.aws/karpenter"
  chart            = "karpenter"
  version          = var.helm_chart_version
  # The CRDs come from helm_release.karpenter_crd.
  skip_crds = true
  # Wait for the controller's pods to be ready, so a controller that cannot start (e.g. without
  # AWS credentials) fails the apply instead of hiding behind a "successful" one.
  wait = true

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

  # EKS Pod Identity only gives credentials to pods created after their association exists, so the
  # controller's pods must start after aws_eks_pod_identity_association.karpenter (inside the
  # submodule, which has no output for it: the dependency is on the whole module), and after the
  # CRDs they watch.
  depends_on = [module.karpenter, helm_release.karpenter_crd]
}
