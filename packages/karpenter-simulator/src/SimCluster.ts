import type { ConsolidationDecision } from './karpenter/disruption';
import type { PriceTable } from './pricing/priceTable';
import { consolidate } from './cluster/controllers';
import {
  drift,
  interrupt,
  InterruptOptions,
  setRegistrationHealthy,
  setSubnetTag,
} from './cluster/faults';
import {
  ClusterState,
  claimNames,
  createClusterState,
  nodesOf,
  Phase,
  SimContext,
} from './cluster/state';
import { ObjectStore } from './k8s/ObjectStore';
import type { SimPod } from './k8s/types';
import { reportUnschedulable } from './k8s/scheduler';
import { EventRecorder, RawEvent } from './karpenter/eventRecorder';
import { emitEvent } from './karpenter/events';
import {
  addClaim,
  AddClaimOptions,
  launch,
  markConsolidatable,
  removeClaim,
  setPhase,
  terminate,
} from './karpenter/lifecycle';
import { Offerings, offerings, usage } from './karpenter/offerings';
import {
  changed,
  reconcileNodeClass,
  reconcileNodePool,
} from './karpenter/reconcilers';
import { Random } from './model/random';
import { buildCluster } from './scenario/build';
import { hitCpuLimit, runTimelineStep } from './scenario/timeline';
import { ScenarioCluster, TimelineStep } from './scenario/types';
import { Queue } from './sqs/Queue';

/**
 * One simulated cluster: its objects, its interruption queue, and the Karpenter-like behaviour
 * (lifecycles of NodeClaims, NodePool status, EC2NodeClass resolution against a simulated VPC,
 * interruptions and events). A façade over the modules that share its {@link ClusterState}:
 * `scenario/build.ts` (building), `karpenter/lifecycle.ts` (NodeClaims and Nodes),
 * `karpenter/reconcilers.ts` (NodePool and EC2NodeClass status), `karpenter/offerings.ts` and
 * `karpenter/provisioner.ts` (provisioning), `k8s/scheduler.ts` (the kube-scheduler),
 * `karpenter/events.ts` + `karpenter/eventRecorder.ts` (events), `cluster/faults.ts`
 * (interruptions, drift, lost subnets, failed registration), `cluster/controllers.ts`
 * (disruption, interruption and seeding hosts) and `scenario/timeline.ts` (timeline actions).
 * @public
 */
export class SimCluster {
  readonly store: ObjectStore;
  readonly queue: Queue;
  readonly region: string;
  readonly zones: string[];
  /**
   * Karpenter's recorder, client-go's correlator and the API server's event TTL (used by the
   * simulator's controllers; not part of the package's API).
   */
  readonly recorder: EventRecorder;
  private readonly state: ClusterState;

  constructor(
    readonly config: ScenarioCluster,
    ctx: SimContext,
    random: Random,
    prices?: PriceTable,
  ) {
    this.state = createClusterState(
      config,
      ctx,
      random,
      reconcileNodePool,
      prices,
    );
    this.store = this.state.store;
    this.recorder = this.state.recorder;
    this.region = this.state.region;
    this.zones = this.state.zones;
    this.queue = this.state.queue;
  }

  get name() {
    return this.config.name;
  }

  /** The simulated Karpenter consumer of the queue is paused. */
  get consumerPaused(): boolean {
    return this.state.consumerPaused;
  }

  set consumerPaused(paused: boolean) {
    this.state.consumerPaused = paused;
  }

  /** Builds the scenario's objects and starts the controllers (`scenario/build.ts`). */
  build() {
    buildCluster(this.state);
  }

  nodesOf(pool: string): string[] {
    return nodesOf(this.state, pool);
  }

  // ---------- NodeClaims and Nodes (karpenter/lifecycle.ts) ----------

  /** Adds a NodeClaim to a NodePool (see `addClaim` in `karpenter/lifecycle.ts`). */
  addClaim(
    poolName: string,
    phase: Phase,
    opts: AddClaimOptions = {},
  ): string | undefined {
    return addClaim(this.state, poolName, phase, opts);
  }

  /** Instance types, zones and capacity types a NodePool can launch now. */
  offerings(
    poolName: string,
    opts: { enforceLimits?: boolean } = {},
  ): Offerings {
    return offerings(this.state, poolName, opts);
  }

  /** What a NodePool's NodeClaims count against its limits. */
  usage(poolName: string): Record<string, number> {
    return usage(this.state, poolName);
  }

  setPhase(claimName: string, phase: Phase) {
    setPhase(this.state, claimName, phase);
  }

  markConsolidatable(claimName: string) {
    markConsolidatable(this.state, claimName);
  }

  /** Launches a NodeClaim (undefined when no instance type fits requirements and limits). */
  launch(poolName: string, capacityType?: string): string | undefined {
    return launch(this.state, poolName, capacityType);
  }

  terminate(
    claimName: string,
    afterMs = 20_000,
    disruptionReason: string | null = 'Interrupted',
  ) {
    terminate(this.state, claimName, afterMs, disruptionReason);
  }

  removeClaim(claimName: string) {
    removeClaim(this.state, claimName);
  }

  claimNames(pool?: string): string[] {
    return claimNames(this.state, pool);
  }

  claimFacts(name: string) {
    return this.state.facts.get(name);
  }

  // ---------- status reconciliation (karpenter/reconcilers.ts) ----------

  /** Reconciles after a write or delete of a NodePool or EC2NodeClass. */
  changed(kind: string, name: string) {
    changed(this.state, kind, name);
  }

  reconcileNodeClass(name: string) {
    reconcileNodeClass(this.state, name);
  }

  reconcileNodePool(name: string) {
    reconcileNodePool(this.state, name);
  }

  // ---------- scheduling and events ----------

  /** Timeline `hitCpuLimit` (`scenario/timeline.ts`); returns the new pods. */
  hitCpuLimit(
    poolName: string,
    replicas?: number,
    workload?: string,
  ): string[] {
    return hitCpuLimit(this.state, poolName, replicas, workload);
  }

  /** The kube-scheduler's `FailedScheduling` for pods no node can take. */
  reportUnschedulable(pods: SimPod[]) {
    reportUnschedulable(this.state, pods);
  }

  /** An event through client-go's recorder (no Karpenter dedupe; `karpenter/events.ts`). */
  emitEvent(e: RawEvent) {
    return emitEvent(this.recorder, e);
  }

  // ---------- faults (cluster/faults.ts) and timeline ----------

  setRegistrationHealthy(pool: string, healthy: boolean) {
    setRegistrationHealthy(this.state, pool, healthy);
  }

  /** An EC2 notice (default a spot interruption warning) for some NodeClaims. */
  interrupt(opts: InterruptOptions = {}): string[] {
    return interrupt(this.state, opts);
  }

  /** Consolidates a NodeClaim of the pool; undefined when its budget blocks it. */
  consolidate(
    pool: string,
    decision: ConsolidationDecision = 'delete',
  ): string | undefined {
    return consolidate(this.state, pool, decision);
  }

  drift(pool: string, count = 1) {
    drift(this.state, pool, count);
  }

  setSubnetTag(nodeClass: string, tag: string) {
    setSubnetTag(this.state, nodeClass, tag);
  }

  /**
   * Runs one timeline action on this cluster (`scenario/timeline.ts`); `hitCpuLimit` and
   * `addPods` answer the new pods' names.
   */
  runStep(step: TimelineStep): string[] | undefined {
    return runTimelineStep(this.state, step);
  }

  /** One tick of the simulated Karpenter consumer: receive and delete what is visible. */
  consume(log: () => void) {
    if (this.consumerPaused) return;
    const messages = this.queue.receive(10, 30);
    if (messages.length) log();
    for (const m of messages) this.queue.delete(m.ReceiptHandle);
  }
}
