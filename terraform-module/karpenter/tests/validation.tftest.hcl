# Plan-mode checks of the input validations (terraform test; no AWS calls are made by a failing plan).

mock_provider "aws" {}
mock_provider "helm" {}

variables {
  eks_cluster_name     = "eks-cluster-dev"
  eks_cluster_endpoint = "https://ABCDEF.gr7.us-west-2.eks.amazonaws.com"
  aws_region           = "us-west-2"
}

run "accepts_valid_inputs" {
  command = plan
}

run "rejects_bad_cluster_name" {
  command = plan
  variables {
    eks_cluster_name = "-bad name"
  }
  expect_failures = [var.eks_cluster_name]
}

run "rejects_http_endpoint" {
  command = plan
  variables {
    eks_cluster_endpoint = "http://example.com"
  }
  expect_failures = [var.eks_cluster_endpoint]
}

run "rejects_bad_region" {
  command = plan
  variables {
    aws_region = "Europe"
  }
  expect_failures = [var.aws_region]
}

run "accepts_partition_regions" {
  command = plan
  variables {
    aws_region = "eusc-de-east-1"
  }
}

run "rejects_service_account_with_dots" {
  command = plan
  variables {
    service_account_name = "karpenter.controller"
  }
  expect_failures = [var.service_account_name]
}

run "rejects_chart_version_2" {
  command = plan
  variables {
    helm_chart_version = "2.0.0"
  }
  expect_failures = [var.helm_chart_version]
}

run "rejects_bad_namespace" {
  command = plan
  variables {
    namespace = "Karpenter_NS"
  }
  expect_failures = [var.namespace]
}

run "rejects_empty_service_account" {
  command = plan
  variables {
    service_account_name = ""
  }
  expect_failures = [var.service_account_name]
}
