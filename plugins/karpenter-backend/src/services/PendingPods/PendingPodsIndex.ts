import {
  NodeClaimInfo,
  PendingPods,
  parseQuantity,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Matcher } from '@karpenter-backstage/plugin-karpenter-node';
import type {
  CachedPod,
  CachedPodEvent,
  ClusterSnapshot,
} from '../ClusterCache';
import type { ClusterView } from '../SummaryService/ClusterModel';
import {
  ExplainContext,
  PoolJoin,
  explainPendingPod,
  joinPools,
} from './explain';

/** At most this many pending pods in an answer (the longest waiting). @internal */
export const MAX_PENDING_PODS = 50;

/** The pods of an entity's workload in one cluster. @internal */
export interface WorkloadPods {
  /** NodePools its scheduled pods run on, by name, sorted. */
  nodePools: string[];
  /** Its pods that wait for a node, explained. */
  pendingPods: PendingPods;
}

/** A workload of an entity: its pods' label selector (parsed) and namespace. @internal */
export interface WorkloadKey {
  labelSelector: string;
  namespace?: string;
  match: Matcher;
}

/** A workload's pods in one version of the pods and Nodes. */
interface WorkloadScan {
  nodePools: string[];
  pending: CachedPod[];
}

/** One generation of a cluster: what its answers were computed from. */
interface Generation {
  model: ClusterView;
  /** The view's key: its snapshot's generation, prices, TTL period. */
  modelKey: string;
  eventsGeneration: number | undefined;
  answers: Map<string, WorkloadPods>;
  context?: ExplainContext;
}

/** Workload answers kept per cluster generation (bounded by the catalog's entities). */
const MAX_WORKLOADS = 2000;

const SCHEDULING_EVENTS = new Set(['FailedScheduling', 'Nominated']);

const podKey = (namespace: string | undefined, name: string | undefined) =>
  `${namespace ?? ''}/${name ?? ''}`;

/** A pod waits for a node: phase Pending and not bound (the scheduler has not placed it). */
const isPending = (pod: CachedPod) =>
  !pod.spec.nodeName &&
  (pod.status.phase ?? 'Pending') === 'Pending' &&
  !pod.metadata.deletionTimestamp &&
  !!pod.scheduling;

/**
 * The index by entity of a cluster's pods. For each workload (label selector + namespace) it
 * computes once per cluster generation (the cluster model, the pod cache and Karpenter's pod
 * events) the NodePools its pods run on and its pending pods explained; warm requests look one
 * entry up. Pods with the same constraints share one join with the NodePools.
 *
 * @internal
 */
export class PendingPodsIndex {
  private readonly clusters = new Map<string, Generation>();
  /**
   * Per cluster, the pod scan of each workload (its pending pods and the NodePools its pods run
   * on), kept while the pods and Nodes stay the same: a NodeClaim change explains the pods again
   * but does not scan the cluster's pods again.
   */
  private readonly scans = new Map<
    string,
    { key: string; workloads: Map<string, WorkloadScan> }
  >();

  forWorkload(
    snapshot: ClusterSnapshot,
    model: ClusterView,
    workload: WorkloadKey,
  ): WorkloadPods {
    const gen = this.generation(snapshot, model);
    const key = `${workload.namespace ?? ''}\u0000${workload.labelSelector}`;
    let answer = gen.answers.get(key);
    if (!answer) {
      answer = this.compute(snapshot, gen, workload, key);
      if (gen.answers.size >= MAX_WORKLOADS) gen.answers.clear();
      gen.answers.set(key, answer);
    }
    return answer;
  }

  private generation(snapshot: ClusterSnapshot, model: ClusterView) {
    const events = snapshot.podEvents;
    const eventsGeneration = events?.available ? events.generation : undefined;
    const current = this.clusters.get(snapshot.cluster);
    const modelKey = model.key;
    if (
      current &&
      current.modelKey === modelKey &&
      current.eventsGeneration === eventsGeneration
    )
      return current;
    const next: Generation = {
      model,
      modelKey,
      eventsGeneration,
      answers: new Map(),
    };
    this.clusters.set(snapshot.cluster, next);
    return next;
  }

  /** The workload's pods: pending ones, and the NodePools of the Nodes the others run on. */
  private scan(
    snapshot: ClusterSnapshot,
    model: ClusterView,
    workload: WorkloadKey,
    key: string,
  ): WorkloadScan {
    const scanKey = `${snapshot.generations.pods}:${snapshot.generations.nodes}`;
    let scans = this.scans.get(snapshot.cluster);
    if (scans?.key !== scanKey) {
      scans = { key: scanKey, workloads: new Map() };
      this.scans.set(snapshot.cluster, scans);
    }
    let scan = scans.workloads.get(key);
    if (!scan) {
      const pools = new Set<string>();
      const pending: CachedPod[] = [];
      for (const pod of snapshot.pods ?? []) {
        if (workload.namespace && pod.metadata.namespace !== workload.namespace)
          continue;
        if (!workload.match(pod)) continue;
        if (pod.spec.nodeName) {
          const pool = model.nodePoolOfNode.get(pod.spec.nodeName);
          if (pool) pools.add(pool);
        } else if (isPending(pod)) pending.push(pod);
      }
      scan = { nodePools: [...pools].sort(), pending };
      if (scans.workloads.size >= MAX_WORKLOADS) scans.workloads.clear();
      scans.workloads.set(key, scan);
    }
    return scan;
  }

  private compute(
    snapshot: ClusterSnapshot,
    gen: Generation,
    workload: WorkloadKey,
    key: string,
  ): WorkloadPods {
    const { nodePools, pending } = this.scan(
      snapshot,
      gen.model,
      workload,
      key,
    );
    const context = (gen.context ??= this.context(snapshot, gen.model));
    const items = pending
      .map(pod => explainPendingPod(pod, context))
      .sort(
        (a, b) =>
          a.pendingSince.localeCompare(b.pendingSince) ||
          a.namespace.localeCompare(b.namespace) ||
          a.name.localeCompare(b.name),
      );
    return {
      nodePools,
      pendingPods: {
        total: items.length,
        items: items.slice(0, MAX_PENDING_PODS),
        ...(snapshot.podEvents && !snapshot.podEvents.available
          ? { eventsUnavailable: true }
          : {}),
      },
    };
  }

  /** What explaining a pod of this generation reads, built once per generation. */
  private context(snapshot: ClusterSnapshot, model: ClusterView) {
    const pools = new Map(model.allNodePools().map(p => [p.name, p]));
    const nodeLimits = new Map<string, number>();
    for (const pool of snapshot.nodePools) {
      const limits = pool.spec?.limits as Record<string, unknown> | undefined;
      const nodes = parseQuantity(limits?.nodes as string | undefined);
      if (Number.isFinite(nodes)) nodeLimits.set(pool.metadata.name, nodes);
    }
    const nodeClaims = new Map<string, NodeClaimInfo>(
      model.nodeClaims.map(c => [c.name, c]),
    );
    const joins = new Map<string, PoolJoin>();
    const context: ExplainContext = {
      pools,
      nodeLimits,
      nodeClaims,
      join: pod => {
        const s = pod.scheduling;
        const signature = JSON.stringify([
          s?.nodeSelector,
          s?.tolerations,
          s?.requiredNodeAffinity,
        ]);
        let join = joins.get(signature);
        if (!join) {
          join = joinPools(pod, pools.values());
          joins.set(signature, join);
        }
        return join;
      },
    };
    const events = snapshot.podEvents;
    if (events?.available) {
      const byPod = new Map<string, CachedPodEvent[]>();
      for (const e of events.items) {
        if (!e.reason || !SCHEDULING_EVENTS.has(e.reason)) continue;
        const k = podKey(e.involvedObject.namespace, e.involvedObject.name);
        const list = byPod.get(k);
        if (list) list.push(e);
        else byPod.set(k, [e]);
      }
      context.latestEvent = pod => {
        let latest: CachedPodEvent | undefined;
        for (const e of byPod.get(
          podKey(pod.metadata.namespace, pod.metadata.name),
        ) ?? []) {
          // an event about an earlier pod of the same name is not about this one
          if (
            e.involvedObject.uid &&
            pod.metadata.uid &&
            e.involvedObject.uid !== pod.metadata.uid
          )
            continue;
          if (!latest || e.at > latest.at) latest = e;
        }
        return latest;
      };
    }
    return context;
  }
}
