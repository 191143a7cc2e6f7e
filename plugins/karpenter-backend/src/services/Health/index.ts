// The health model: NodePool and EC2NodeClass health from their conditions, limits, NodeClaims
// and disruption budgets. The status vocabulary it answers in (HealthStatus, HealthReason,
// worstStatus) is karpenter-common's, shared with the frontend.
export { budgetActive, budgetAllows } from './budgets';
export type { BudgetSpec } from './budgets';
export { conditionIs } from './conditions';
export type { KubeCondition } from './conditions';
export { evaluateNodeClassHealth, evaluateNodePoolHealth } from './evaluate';
export type { NodePoolHealthInput } from './evaluate';
export { DEFAULT_HEALTH_THRESHOLDS } from './thresholds';
export type { HealthThresholds } from './thresholds';
