import type {
  BudgetInfo,
  ClusterError,
  ClusterInfo,
  ClusterSummary,
  ConditionInfo,
  EntitySummary,
  Health,
  HealthReason,
  HealthStatus,
  InterruptionActivity,
  InterruptionBucket,
  InterruptionHistoryResponse,
  InterruptionNotice,
  InterruptionRecord,
  InterruptionTotals,
  KarpenterHealthResponse,
  NodeClaimCounts,
  NodeClaimInfo,
  NodeClaimPage,
  NodeClaimState,
  NodeClassInfo,
  NodePoolInfo,
  QueueSample,
  QueueState,
  QueueStatus,
  RecordedReason,
  RequirementInfo,
  ResourceUsage,
  CountingKind,
} from '..';
import { RECORDED_REASONS } from '..';
import type { KarpenterApiResponse, KarpenterApiSchemas as S } from '.';

/*
 * The response types this package exports and the types generated from the OpenAPI spec are the
 * same types: each pair must be assignable both ways, or `tsc` fails on this file. (Jest only
 * runs the runtime part below; the type check is the build's.)
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(check: Same<A, B>) => check;

const typeChecks: true[] = [
  same<KarpenterHealthResponse, S['KarpenterHealthResponse']>(true),
  same<ClusterError, S['ClusterError']>(true),
  same<ClusterInfo, S['ClusterInfo']>(true),
  same<HealthStatus, S['HealthStatus']>(true),
  same<HealthReason, S['HealthReason']>(true),
  same<Health, S['Health']>(true),
  same<ConditionInfo, S['ConditionInfo']>(true),
  same<RequirementInfo, S['RequirementInfo']>(true),
  same<BudgetInfo, S['BudgetInfo']>(true),
  same<ResourceUsage, S['ResourceUsage']>(true),
  same<NodeClaimState, S['NodeClaimState']>(true),
  same<NodePoolInfo, S['NodePoolInfo']>(true),
  same<NodeClaimInfo, S['NodeClaimInfo']>(true),
  same<NodeClaimPage, S['NodeClaimPage']>(true),
  same<NodeClassInfo, S['NodeClassInfo']>(true),
  same<RecordedReason, S['RecordedReason']>(true),
  same<CountingKind, S['CountingKind']>(true),
  same<NodeClaimCounts, S['NodeClaimCounts']>(true),
  same<InterruptionRecord, S['InterruptionRecord']>(true),
  same<InterruptionBucket, S['InterruptionBucket']>(true),
  same<InterruptionTotals, S['InterruptionTotals']>(true),
  same<InterruptionNotice, S['InterruptionNotice']>(true),
  same<InterruptionHistoryResponse, S['InterruptionHistoryResponse']>(true),
  same<InterruptionActivity, S['InterruptionActivity']>(true),
  same<QueueSample, S['QueueSample']>(true),
  same<QueueState, S['QueueState']>(true),
  same<QueueStatus, S['QueueStatus']>(true),
  same<ClusterSummary, S['ClusterSummary']>(true),
  same<EntitySummary, S['EntitySummary']>(true),
  // the 200 bodies of the paths
  same<KarpenterApiResponse<'/health'>, KarpenterHealthResponse>(true),
  same<KarpenterApiResponse<'/v1/clusters'>, { items: ClusterInfo[] }>(true),
  same<
    KarpenterApiResponse<'/v1/clusters/{cluster}/nodepools'>,
    { cluster: string; items: NodePoolInfo[] }
  >(true),
  same<
    KarpenterApiResponse<'/v1/clusters/{cluster}/nodeclasses'>,
    { cluster: string; items: NodeClassInfo[] }
  >(true),
  same<
    KarpenterApiResponse<'/v1/clusters/{cluster}/nodeclaims'>,
    NodeClaimPage
  >(true),
  same<
    KarpenterApiResponse<'/v1/clusters/{cluster}/interruptions'>,
    InterruptionHistoryResponse
  >(true),
  same<KarpenterApiResponse<'/v1/clusters/{cluster}/queue'>, QueueStatus>(true),
  same<
    KarpenterApiResponse<'/v1/entities/{namespace}/{kind}/{name}/summary'>,
    EntitySummary
  >(true),
];

describe('the exported response types are the spec types', () => {
  it('has every type pair checked (by tsc)', () => {
    expect(typeChecks.every(Boolean)).toBe(true);
  });

  it('lists the recorded reasons the spec enumerates', () => {
    const fromSpec: Record<S['RecordedReason'], true> = {
      SpotInterrupted: true,
      SpotRebalanceRecommendation: true,
      CapacityReservationInstanceInterrupted: true,
      InstanceStopping: true,
      InstanceTerminating: true,
      InstanceUnhealthy: true,
      TerminatingOnInterruption: true,
      DisruptionTerminating: true,
      DisruptionBlocked: true,
      Unconsolidatable: true,
    };
    expect([...RECORDED_REASONS].sort()).toEqual(Object.keys(fromSpec).sort());
  });
});
