# Plan-mode checks of deterministic naming and the Helm values.

mock_provider "aws" {}
mock_provider "helm" {}

variables {
  eks_cluster_name     = "eks-cluster-dev"
  eks_cluster_endpoint = "https://ABCDEF.gr7.us-west-2.eks.amazonaws.com"
  aws_region           = "us-west-2"
  resource_tag         = { Team = "platform", ManagedBy = "Terraform" }
}

run "names_are_deterministic" {
  command = plan

  assert {
    condition     = local.node_iam_role_name == "KarpenterNodeRole-eks-cluster-dev"
    error_message = "The node role must be named KarpenterNodeRole-<cluster>."
  }

  assert {
    condition     = local.queue_name == "karpenter-eks-cluster-dev"
    error_message = "The queue must be named karpenter-<cluster>."
  }

  assert {
    condition     = local.tags["Team"] == "platform" && local.tags["Environment"] == "dev" && local.tags["Cluster"] == "eks-cluster-dev"
    error_message = "Tags must merge resource_tag with Environment and Cluster."
  }

  assert {
    condition     = local.tags["ManagedBy"] == "Terraform"
    error_message = "A key of resource_tag must win over the module's own tags."
  }
}

run "crds_from_the_crd_chart" {
  command = plan

  assert {
    condition     = helm_release.karpenter_crd.chart == "karpenter-crd" && helm_release.karpenter_crd.version == helm_release.karpenter.version
    error_message = "The CRDs must come from the karpenter-crd chart at the controller's chart version."
  }

  assert {
    condition     = helm_release.karpenter.skip_crds
    error_message = "The controller chart must skip its crds/ folder (the karpenter-crd release owns the CRDs)."
  }
}

run "helm_release_settings" {
  command = plan

  assert {
    condition     = helm_release.karpenter.chart == "karpenter" && helm_release.karpenter.repository == "oci://public.ecr.aws/karpenter"
    error_message = "The chart must come from oci://public.ecr.aws/karpenter."
  }

  assert {
    condition     = yamldecode(helm_release.karpenter.values[0]).replicas == 2
    error_message = "The controller must run 2 replicas."
  }

  assert {
    condition     = yamldecode(helm_release.karpenter.values[0]).settings.clusterName == "eks-cluster-dev"
    error_message = "settings.clusterName must be the cluster name."
  }
}
