import type {
  ClusterInfo,
  CountingKind,
  EntitySummary,
  HealthReasonCode,
  HealthStatus,
  InterruptionHistoryResponse,
  KarpenterHealthResponse,
  NodeClaimPage,
  NodeClassInfo,
  NodePoolInfo,
  QueueStatus,
  RecordedReason,
} from '..';
import { RECORDED_REASONS } from '..';
import type { KarpenterApiResponse, KarpenterApiSchemas as S } from '.';

/*
 * The response types this package exports are aliases of the types generated from the OpenAPI
 * spec. What is still written by hand are the vocabularies derived from runtime constants and
 * unions (`HEALTH_STATUSES`, `RECORDED_REASONS`, the counting kinds, the health reason codes):
 * each must be assignable both ways to the spec's, and each path must answer with the schema its
 * exported type names, or `tsc` fails on this file. (Jest only runs the runtime part below; the
 * type check is the build's.)
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(check: Same<A, B>) => check;

const typeChecks: true[] = [
  // the hand-derived vocabularies
  same<HealthStatus, S['HealthStatus']>(true),
  same<HealthReasonCode, S['HealthReason']['code']>(true),
  same<RecordedReason, S['RecordedReason']>(true),
  same<CountingKind, S['CountingKind']>(true),
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
      ConsolidationCandidate: true,
    };
    expect([...RECORDED_REASONS].sort()).toEqual(Object.keys(fromSpec).sort());
  });
});
