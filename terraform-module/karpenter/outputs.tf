output "iam_role_arn" {
  description = "ARN of the Karpenter controller IAM role (bound by EKS Pod Identity)."
  value       = module.karpenter.iam_role_arn
}

output "node_iam_role_arn" {
  description = "ARN of the IAM role of the nodes Karpenter launches."
  value       = module.karpenter.node_iam_role_arn
}

output "node_iam_role_name" {
  description = "Name of the node IAM role (KarpenterNodeRole-<cluster>), for EC2NodeClass spec.role."
  value       = module.karpenter.node_iam_role_name
}

output "instance_profile_name" {
  description = "Name of the EC2 instance profile of the node role."
  value       = module.karpenter.instance_profile_name
}

output "queue_name" {
  description = "Name of the SQS interruption queue (karpenter-<cluster>), Karpenter's settings.interruptionQueue."
  value       = module.karpenter.queue_name
}

output "queue_url" {
  description = "URL of the SQS interruption queue."
  value       = module.karpenter.queue_url
}
