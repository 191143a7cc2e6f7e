# Plan-mode checks of deterministic naming and the Helm values.

mock_provider "aws" {}
mock_provider "aws" {
  alias = "virginia"
}
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

run "capacity_reservation_interruption_rule" {
  command = plan

  assert {
    condition     = startswith(aws_cloudwatch_event_rule.capacity_reservation_interruption[0].name_prefix, "Karpenter") && length(aws_cloudwatch_event_rule.capacity_reservation_interruption[0].name_prefix) <= 38
    error_message = "The capacity reservation rule's name must start with Karpenter (prefix of at most 38 characters)."
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.capacity_reservation_interruption[0].event_pattern)["detail-type"] == ["EC2 Capacity Reservation Instance Interruption Warning"]
    error_message = "The rule must match EC2 capacity reservation interruption warnings."
  }

  assert {
    condition     = aws_cloudwatch_event_rule.capacity_reservation_interruption[0].region == "us-west-2" && aws_cloudwatch_event_target.capacity_reservation_interruption[0].region == "us-west-2"
    error_message = "The rule and its target must be created in aws_region."
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
