variable "eks_cluster_name" {
  description = "Name of the existing EKS cluster Karpenter manages nodes for."
  type        = string

  validation {
    condition     = can(regex("^[0-9A-Za-z][A-Za-z0-9_-]{0,45}$", var.eks_cluster_name))
    error_message = "eks_cluster_name must start with a letter or digit and contain only letters, digits, '-' and '_' (at most 46 characters, so KarpenterNodeRole-<name> fits IAM's 64)."
  }
}

variable "eks_cluster_endpoint" {
  description = "API server endpoint of the EKS cluster (https URL), passed to Karpenter as settings.clusterEndpoint."
  type        = string

  validation {
    condition     = can(regex("^https://[^\\s/]+", var.eks_cluster_endpoint))
    error_message = "eks_cluster_endpoint must be an https:// URL."
  }
}

variable "environment" {
  description = "Environment name, added as the Environment tag."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,32}$", var.environment))
    error_message = "environment must be 1-32 letters, digits, '-' or '_'."
  }
}

variable "aws_region" {
  description = "AWS region of the cluster. The regional resources (SQS queue, EventBridge rules, EKS access entry, Pod Identity association) are created in it, whatever the aws provider's default region; IAM is global. The charts are pulled from public ECR anonymously, so no region is involved there."
  type        = string

  validation {
    condition     = can(regex("^([a-z]{2}(-gov|-iso[a-z]?)?|eusc-[a-z]{2})-[a-z]+-[0-9]+$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as eu-west-1, us-gov-west-1 or cn-north-1."
  }
}

variable "namespace" {
  description = "Kubernetes namespace Karpenter is installed in (created)."
  type        = string
  default     = "karpenter"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters."
  }
}

variable "service_account_name" {
  description = "Name of the Karpenter controller's ServiceAccount (bound to the controller role by EKS Pod Identity)."
  type        = string
  default     = "karpenter"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.service_account_name))
    error_message = "service_account_name must be a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters."
  }
}

variable "helm_chart_version" {
  description = "Version of the Karpenter Helm chart (oci://public.ecr.aws/karpenter/karpenter); any 1.x.y."
  type        = string
  default     = "1.14.1"

  validation {
    condition     = can(regex("^1\\.[0-9]+\\.[0-9]+$", var.helm_chart_version))
    error_message = "helm_chart_version must be a Karpenter 1.x.y version, e.g. 1.14.1."
  }
}

variable "resource_tag" {
  description = "Tags added to every AWS resource, merged over the module's Environment, Cluster and ManagedBy tags (a key given here wins)."
  type        = map(string)
  default     = {}
}

variable "controller_replicas" {
  description = "Replicas of the Karpenter controller."
  type        = number
  default     = 2

  validation {
    condition     = var.controller_replicas >= 1 && floor(var.controller_replicas) == var.controller_replicas
    error_message = "controller_replicas must be a whole number of at least 1."
  }
}

variable "node_iam_role_additional_policies" {
  description = "Extra IAM policies (name => ARN) attached to the node role."
  type        = map(string)
  default     = {}
}
