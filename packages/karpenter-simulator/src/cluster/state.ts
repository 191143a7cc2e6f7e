import type { PriceTable } from '../pricing/priceTable';
import { ObjectStore } from '../k8s/ObjectStore';
import { EventRecorder } from '../karpenter/eventRecorder';
import { eventTtlOf } from '../karpenter/seedHistory';
import { NodeFacts } from '../model/builders';
import { Random } from '../model/random';
import { defaultZones } from '../pricing/regions';
import { ScenarioCluster } from '../scenario/types';
import { Queue } from '../sqs/Queue';

/** The simulated clock a cluster runs on. */
export interface SimContext {
  now(): number;
  schedule(delayMs: number, fn: () => void): void;
}

/** Where a NodeClaim is in its lifecycle. */
export type Phase = 'pending' | 'launched' | 'registered' | 'initialized';

/** What the simulator knows of a NodeClaim and its Node. */
export type Facts = NodeFacts & { phase: Phase; terminating?: boolean };

/** Subnets and security groups of the simulated VPC, tagged for discovery. */
export interface Vpc {
  subnets: Array<{
    id: string;
    zone: string;
    zoneID: string;
    tags: Record<string, string>;
  }>;
  securityGroups: Array<{
    id: string;
    name: string;
    tags: Record<string, string>;
  }>;
}

/**
 * What the modules of one simulated cluster share: its object store, interruption queue, event
 * recorder, simulated VPC and the facts of its NodeClaims. Each module (`scenario/build.ts`,
 * `karpenter/lifecycle.ts`, `karpenter/reconcilers.ts`, `karpenter/provisioner.ts`,
 * `cluster/faults.ts`, `scenario/timeline.ts` …) is a set of functions over it.
 */
export interface ClusterState {
  readonly config: ScenarioCluster;
  readonly name: string;
  readonly region: string;
  readonly zones: string[];
  readonly store: ObjectStore;
  readonly queue: Queue;
  /** Karpenter's recorder, client-go's correlator and the API server's event TTL. */
  readonly recorder: EventRecorder;
  readonly ctx: SimContext;
  readonly random: Random;
  readonly vpc: Vpc;
  /** The NodeClaims (launching, running or terminating) by name. */
  readonly facts: Map<string, Facts>;
  /** Karpenter's provisioner is running (launches reconcile NodePools: no re-entrant run). */
  provisioning: boolean;
  /**
   * Pods (`namespace/name`) the simulated kube-scheduler does not bind although a node fits: it
   * stands for a scheduler that disagrees with Karpenter (`addPods` with `requests: none`).
   */
  readonly schedulerHolds: Set<string>;
  readonly registrationHealthy: Map<string, boolean>;
  /** The last node number given out (node names are `ip-10-…` of it). */
  nodeSeq: number;
  /** The simulated Karpenter consumer of the queue is paused. */
  consumerPaused: boolean;
  /**
   * The NodePool status reconciler (`karpenter/reconcilers.ts`), which NodeClaim changes
   * trigger: given by whoever creates the state, so the lifecycle does not import the
   * reconcilers that call it.
   */
  reconcileNodePool(name: string): void;
  /** The prices of the simulator's pricing APIs (what consolidation compares). */
  readonly prices?: PriceTable;
}

/**
 * A scenario cluster's region (default eu-west-1) and zones (default the region's a, b and c):
 * what its NodeClaims, Nodes and subnets carry, and what the price list covers.
 */
export function regionAndZones(
  config: Pick<ScenarioCluster, 'region' | 'zones'>,
): {
  region: string;
  zones: string[];
} {
  const region = config.region ?? 'eu-west-1';
  return {
    region,
    zones: config.zones ?? defaultZones(region),
  };
}

/** A cluster's state before its scenario is built: empty store and queue, its VPC. */
export function createClusterState(
  config: ScenarioCluster,
  ctx: SimContext,
  random: Random,
  reconcileNodePool: (state: ClusterState, name: string) => void,
  prices?: PriceTable,
): ClusterState {
  const store = new ObjectStore(() => ctx.now());
  const recorder = new EventRecorder(
    store,
    () => ctx.now(),
    eventTtlOf(config),
  );
  const { region, zones } = regionAndZones(config);
  const queue = new Queue(
    config.queueName ?? `karpenter-${config.name}`,
    region,
    () => ctx.now(),
  );
  const tags = { 'karpenter.sh/discovery': config.name };
  const vpc: Vpc = {
    subnets: zones.map((zone, i) => ({
      id: `subnet-0${random.hex(16)}`,
      zone,
      zoneID: `euw1-az${i + 1}`,
      tags: { ...tags, Name: `${config.name}-private-${zone}` },
    })),
    securityGroups: [
      {
        id: `sg-0${random.hex(16)}`,
        name: `eks-cluster-sg-${config.name}`,
        tags,
      },
    ],
  };
  const state: ClusterState = {
    config,
    get name() {
      return config.name;
    },
    region,
    zones,
    store,
    queue,
    recorder,
    ctx,
    random,
    vpc,
    facts: new Map(),
    provisioning: false,
    schedulerHolds: new Set(),
    registrationHealthy: new Map(),
    nodeSeq: 0,
    consumerPaused: false,
    reconcileNodePool: name => reconcileNodePool(state, name),
    prices,
  };
  return state;
}

/** The Nodes of a NodePool that pods can go to (registered or initialized, not terminating). */
export function nodesOf(state: ClusterState, pool: string): string[] {
  return [...state.facts.values()]
    .filter(
      f =>
        f.nodePool === pool &&
        (f.phase === 'registered' || f.phase === 'initialized') &&
        !f.terminating,
    )
    .map(f => f.nodeName);
}

/** The NodeClaims (of a NodePool, or all) that are not terminating. */
export function claimNames(state: ClusterState, pool?: string): string[] {
  return [...state.facts.values()]
    .filter(f => !f.terminating && (!pool || f.nodePool === pool))
    .map(f => f.claimName);
}
