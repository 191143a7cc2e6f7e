import type { KarpenterApiSchemas } from '../schema';

/*
 * The response types of the HTTP API: aliases of the schemas of its OpenAPI spec
 * (plugins/karpenter-backend/src/schema/schemas/*.yaml), where their fields are described.
 */

/** `GET /v1/clusters` item (no secrets). @public */
export type ClusterInfo = KarpenterApiSchemas['ClusterInfo'];

/** A Kubernetes-style condition. @public */
export type ConditionInfo = KarpenterApiSchemas['ConditionInfo'];

/** A NodeSelectorRequirement of a NodePool template. @public */
export type RequirementInfo = KarpenterApiSchemas['RequirementInfo'];

/** A disruption budget and whether it currently allows disruptions. @public */
export type BudgetInfo = KarpenterApiSchemas['BudgetInfo'];

/** Resource usage against a limit (cores for cpu, bytes for memory). @public */
export type ResourceUsage = KarpenterApiSchemas['ResourceUsage'];

/** NodeClaim lifecycle state derived from its conditions. @public */
export type NodeClaimState = KarpenterApiSchemas['NodeClaimState'];

/** `GET /v1/clusters/:cluster/nodepools` item. @public */
export type NodePoolInfo = KarpenterApiSchemas['NodePoolInfo'];

/** `GET /v1/clusters/:cluster/nodeclaims` item. @public */
export type NodeClaimInfo = KarpenterApiSchemas['NodeClaimInfo'];

/** `GET /v1/clusters/:cluster/nodeclaims` answer. @public */
export type NodeClaimPage = KarpenterApiSchemas['NodeClaimPage'];

/** `GET /v1/clusters/:cluster/nodeclasses` item. @public */
export type NodeClassInfo = KarpenterApiSchemas['NodeClassInfo'];

/** One cluster's part of an entity summary. @public */
export type ClusterSummary = KarpenterApiSchemas['ClusterSummary'];

/** `GET /v1/entities/:namespace/:kind/:name/summary`. @public */
export type EntitySummary = KarpenterApiSchemas['EntitySummary'];

/** `GET /v1/entities/:namespace/:kind/:name/values`: a cluster repository's `karpenter-values.yaml`. @public */
export type ClusterValues = KarpenterApiSchemas['ClusterValues'];

/** `GET /v1/clusters/:cluster/cost`: the sampled cost per bucket. @public */
export type CostHistory = KarpenterApiSchemas['CostHistory'];

/** One bucket of a cost history. @public */
export type CostPoint = KarpenterApiSchemas['CostPoint'];
