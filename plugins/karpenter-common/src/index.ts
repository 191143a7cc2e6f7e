/**
 * What the Karpenter frontend and backend share: the HTTP API's types, the catalog annotations,
 * the permissions, the interruption and disruption reason lists with their counting rules, the
 * health status vocabulary, and the value grammars (Go durations, Kubernetes quantities, budget
 * schedules) that both the template and the backend read.
 *
 * @packageDocumentation
 */
export {
  KARPENTER_CLUSTER_ANNOTATION,
  KARPENTER_CLUSTER_ENTITY_TYPE,
  KARPENTER_NODEPOOLS_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  clusterOfClusterEntity,
  hasKarpenterAnnotations,
  parseAnnotationList,
} from './annotations/annotations';
export {
  KARPENTER_CLUSTER_RESOURCE_TYPE,
  karpenterClusterReadPermission,
  karpenterPermissions,
} from './permissions/permissions';
export type { ClusterError, KarpenterHealthResponse } from './types';
export {
  DISRUPTION_REASONS,
  INTERRUPTION_REASONS,
  RECORDED_REASONS,
  isInterruptionReason,
  isRecordedReason,
} from './interruptions/reasons';
export type {
  DisruptionReason,
  InterruptionReason,
  RecordedReason,
} from './interruptions/reasons';
export {
  CONSOLIDATION_REASONS,
  DISRUPTED_REASONS,
  DISRUPTION_INFORMATION_REASONS,
  INTERRUPTION_CONSEQUENCE_REASONS,
  INTERRUPTION_NOTICE_REASONS,
  NODE_CLAIM_COUNT_KINDS,
  REBALANCE_REASONS,
  countingKindOf,
  countingSubject,
  disruptedText,
  disruptionReasonLabel,
  emptyNodeClaimCounts,
  interruptedText,
  parseDisruptionReason,
  rebalanceText,
} from './interruptions/counting';
export type { CountingKind, NodeClaimCounts } from './interruptions/counting';
export { parseConsolidationCandidate } from './interruptions/consolidation';
export type { ConsolidationCandidateMessage } from './interruptions/consolidation';
export { UNKNOWN_LABEL, bucketInterruptions } from './interruptions/aggregate';
export {
  DEFAULT_QUEUE_BACKLOG_WINDOW_MS,
  assessQueueBacklog,
  queueBacklog,
} from './interruptions/queueStatus';
export type { QueueBacklogAssessment } from './interruptions/queueStatus';
export type {
  InterruptionActivity,
  InterruptionBucket,
  InterruptionHistoryResponse,
  InterruptionNotice,
  InterruptionRecord,
  InterruptionTotals,
  QueueSample,
  QueueState,
  QueueStatus,
} from './interruptions/types';
export { HEALTH_STATUSES, worstStatus } from './health/types';
export type {
  Health,
  HealthReason,
  HealthReasonCode,
  HealthStatus,
} from './health/types';
export type {
  BudgetInfo,
  ClusterInfo,
  ClusterSummary,
  ClusterValues,
  ConditionInfo,
  CostHistory,
  CostPoint,
  EntitySummary,
  NodeClaimInfo,
  NodeClaimPage,
  NodeClaimState,
  NodeClassInfo,
  NodePoolInfo,
  RequirementInfo,
  ResourceUsage,
} from './api/types';
export {
  BUDGET_SCHEDULE_PATTERN,
  DNS1123_LABEL_PATTERN,
  parseBudgetSchedule,
  parseGoDuration,
  parseKubernetesQuantity,
  parseQuantity,
  scheduleActive,
} from './values';
export type {
  BudgetSchedule,
  GoDuration,
  KubernetesQuantity,
  QuantityFormat,
} from './values';
export type {
  KarpenterApiComponents,
  KarpenterApiGetPath,
  KarpenterApiOperations,
  KarpenterApiParameters,
  KarpenterApiPathParams,
  KarpenterApiQuery,
  KarpenterApiResponse,
  KarpenterApiPaths,
  KarpenterApiSchemas,
} from './schema';
export {
  BILLED_NODE_CLAIM_STATES,
  DEFAULT_PRICE_STALE_AFTER_MS,
  nodeHourlyPrice,
  nodesCost,
  spotSavings,
  sumCosts,
} from './cost/model';
export type { NodePrice } from './cost/model';
export { consolidationSavings } from './cost/savings';
export type {
  ConsolidatedNode,
  ConsolidationSavings,
  Cost,
  CostedNode,
  CostItem,
  CostOptions,
  CostUnavailable,
  PriceBook,
  PricePoint,
} from './cost/types';
export {
  PENDING_POD_CODES,
  PENDING_POD_HINTS,
  parseSchedulingMessage,
  pendingPodDocsAnchor,
} from './pendingPods';
export type {
  PendingPod,
  PendingPodCode,
  PendingPods,
  SchedulingErrorPart,
  SchedulingMessage,
} from './pendingPods';
export {
  addRequirements,
  fromNodeSelector,
  incompatibilities,
  incompatibility,
  intersection,
  nodeSelectorRequirements,
  prettyTaint,
  requirement,
  requirementString,
  requirementsString,
  toleratesTaint,
  untoleratedTaints,
} from './scheduling';
export type {
  Incompatibility,
  KarpenterRequirement,
  NodeSelectorRequirementLike,
  Requirements,
  TaintLike,
  TolerationLike,
} from './scheduling';
