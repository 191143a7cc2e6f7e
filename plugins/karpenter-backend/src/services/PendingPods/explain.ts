import {
  NodeClaimInfo,
  NodePoolInfo,
  PENDING_POD_HINTS,
  PendingPod,
  PendingPodCode,
  SchedulingErrorPart,
  SchedulingMessage,
  parseSchedulingMessage,
} from '@karpenter-backstage/plugin-karpenter-common';
import type {
  CachedPod,
  CachedPodEvent,
  CachedPodScheduling,
} from '../ClusterCache';
import { conditionIs } from '../Health';
import { Conflict, conflictOf } from './compatibility';
import { limitText, requestsText } from './limits';

/** What the explanation of a cluster's pending pods reads (one cluster model). @internal */
export interface ExplainContext {
  /** Every NodePool of the cluster by name (the health model's view). */
  pools: ReadonlyMap<string, NodePoolInfo>;
  /** `spec.limits.nodes` per NodePool, where set (Karpenter 1.11+). */
  nodeLimits: Map<string, number>;
  nodeClaims: Map<string, NodeClaimInfo>;
  /** Karpenter's latest scheduling event of a pod; undefined when events are not available. */
  latestEvent?: (pod: CachedPod) => CachedPodEvent | undefined;
  /** Which NodePools accept the pod ({@link joinPools}, memoised by the caller). */
  join: (pod: CachedPod) => PoolJoin;
}

/** The NodePools that accept a pod and those that refuse it, with why. @internal */
export interface PoolJoin {
  accepting: NodePoolInfo[];
  refusals: Array<{ pool: NodePoolInfo; conflict: Conflict }>;
}

/** Joins a pod's scheduling constraints with every NodePool. @internal */
export function joinPools(
  pod: CachedPod,
  pools: Iterable<NodePoolInfo>,
): PoolJoin {
  const join: PoolJoin = { accepting: [], refusals: [] };
  if (!pod.scheduling) return join;
  for (const pool of pools) {
    const conflict = conflictOf(pod.scheduling, pool);
    if (conflict) join.refusals.push({ pool, conflict });
    else join.accepting.push(pool);
  }
  return join;
}

interface Verdict {
  code: PendingPodCode;
  message: string;
  nodePool?: string;
  nodeClaim?: string;
}

const describeConflict = (pool: string, c: Conflict) =>
  c.kind === 'taint'
    ? `NodePool ${pool} has taint ${c.taint}, which the pod does not tolerate`
    : `NodePool ${pool} refuses it: ${c.detail}`;

/** The NodePool the pod names in its nodeSelector / affinity, when it names exactly one. */
function namedPool(pod: CachedPod): string | undefined {
  const s = pod.scheduling;
  const selected = s?.nodeSelector?.['karpenter.sh/nodepool'];
  if (selected) return selected;
  const terms = s?.requiredNodeAffinity?.nodeSelectorTerms ?? [];
  const named = terms.flatMap(t =>
    (t.matchExpressions ?? []).filter(
      e =>
        e.key === 'karpenter.sh/nodepool' &&
        e.operator === 'In' &&
        e.values?.length === 1,
    ),
  );
  return named.length === 1 && terms.length === 1
    ? named[0].values![0]
    : undefined;
}

function incompatible(
  pod: CachedPod,
  refusals: Array<{ pool: NodePoolInfo; conflict: Conflict }>,
): Verdict {
  if (!refusals.length)
    return { code: 'INCOMPATIBLE', message: 'The cluster has no NodePool.' };
  const named = namedPool(pod);
  const own = named && refusals.find(r => r.pool.name === named);
  if (named && !own)
    return {
      code: 'INCOMPATIBLE',
      message: `It selects NodePool ${named}, which does not exist in the cluster.`,
      nodePool: named,
    };
  if (own)
    return {
      code: 'INCOMPATIBLE',
      message: `${describeConflict(own.pool.name, own.conflict)}.`,
      nodePool: own.pool.name,
    };
  const shown = refusals
    .slice(0, 3)
    .map(r => describeConflict(r.pool.name, r.conflict));
  const more = refusals.length - shown.length;
  return {
    code: 'INCOMPATIBLE',
    message: `No NodePool accepts it: ${shown.join('; ')}${
      more > 0 ? `; and ${more} more` : ''
    }.`,
  };
}

const nodeClassReason = (pool: NodePoolInfo) =>
  pool.health.reasons.find(
    r => r.code === 'NODECLASS_NOT_READY' || r.code === 'NODECLASS_NOT_FOUND',
  );

const isReady = (pool: NodePoolInfo) =>
  conditionIs(pool.conditions, 'Ready') === true;

/** Karpenter sizes nodes by requests: this pod asks for no CPU and no memory. */
const requestsNothing = (s: CachedPodScheduling) =>
  s.requests.cpu === 0 && s.requests.memory === 0;

function nominated(
  pod: CachedPod,
  parsed: SchedulingMessage | undefined,
  context: ExplainContext,
): Verdict | undefined {
  if (parsed?.reason !== 'Nominated' || !parsed.nodeClaim) return undefined;
  const claim = context.nodeClaims.get(parsed.nodeClaim);
  if (!claim || claim.state === 'terminating' || claim.state === 'failed')
    return undefined; // an outdated nomination
  if (parsed.node && pod.scheduling && requestsNothing(pod.scheduling))
    return {
      code: 'NO_RESOURCE_REQUESTS',
      message: `It requests no CPU and no memory: Karpenter counts it as fitting on node ${parsed.node} and launches nothing for it.`,
      nodePool: claim.nodePool,
      nodeClaim: claim.name,
    };
  return {
    code: 'NOMINATED',
    message: parsed.node
      ? `Karpenter expects it to fit on node ${parsed.node} (NodeClaim ${claim.name}, ${claim.state}).`
      : `Karpenter is launching NodeClaim ${claim.name} for it (${claim.state}).`,
    nodePool: claim.nodePool,
    nodeClaim: claim.name,
  };
}

function verdict(
  pod: CachedPod,
  event: CachedPodEvent | undefined,
  context: ExplainContext,
): Verdict {
  const parsed = event?.message
    ? parseSchedulingMessage(event.message)
    : undefined;
  const coming = nominated(pod, parsed, context);
  if (coming) return coming;
  const scheduling = pod.scheduling!;
  const { accepting, refusals } = context.join(pod);
  const ready = accepting.filter(isReady);
  const broken = accepting.find(p => !isReady(p) && nodeClassReason(p));
  if (!ready.length && broken) {
    const reason = nodeClassReason(broken)!;
    return {
      code: 'NODECLASS_NOT_READY',
      message: reason.message.startsWith('EC2NodeClass')
        ? `NodePool ${broken.name} accepts it, but ${reason.message}.`
        : `NodePool ${
            broken.name
          } accepts it, but its NodeClass is not ready (${reason.message.replace(
            /^NodePool reports /,
            '',
          )}).`,
      nodePool: broken.name,
    };
  }
  const parts: SchedulingErrorPart[] =
    parsed?.reason === 'FailedScheduling' ? parsed.parts : [];
  const byName = context.pools;
  const limited = parts.find(
    p =>
      p.kind === 'limit' &&
      p.nodePool &&
      byName.has(p.nodePool) &&
      (!accepting.length || accepting.some(a => a.name === p.nodePool)),
  );
  const full = ready.filter(p =>
    limitText(p, context.nodeLimits.get(p.name), true),
  );
  let limitPool: NodePoolInfo | undefined;
  if (limited) limitPool = byName.get(limited.nodePool!);
  else if (!parts.length && full.length && full.length === ready.length)
    limitPool = full[0];
  if (limitPool)
    return {
      code: 'NODEPOOL_LIMIT',
      message: `${limitText(
        limitPool,
        context.nodeLimits.get(limitPool.name),
        false,
        limited?.text,
      )}.`,
      nodePool: limitPool.name,
    };
  if (!accepting.length) return incompatible(pod, refusals);
  if (parts.some(p => p.kind === 'instance-type')) {
    const pool = ready.length === 1 ? ready[0].name : undefined;
    return {
      code: 'NO_INSTANCE_TYPE',
      message: `No instance type ${
        pool ? `of NodePool ${pool}` : 'of the NodePools that accept it'
      } fits it (${requestsText(scheduling.requests)}).`,
      nodePool: pool,
    };
  }
  if (
    parts.length &&
    parts.every(p => p.kind === 'taint' || p.kind === 'requirements')
  )
    return {
      code: 'INCOMPATIBLE',
      message: `No NodePool accepts it, says Karpenter: ${parts
        .map(p => p.text)
        .join('; ')}.`,
    };
  if (requestsNothing(scheduling))
    return {
      code: 'NO_RESOURCE_REQUESTS',
      message:
        'It requests no CPU and no memory, so Karpenter sizes no node for it.',
    };
  const scheduler = scheduling.unschedulable?.message;
  return {
    code: 'UNKNOWN',
    message:
      event?.message ??
      (scheduler
        ? `Karpenter has not said why; the kube-scheduler says: ${scheduler}`
        : 'Karpenter has not said why: no FailedScheduling or Nominated event from Karpenter on this pod.'),
  };
}

/**
 * Karpenter's message lists one error per NodePool it tried: with 100 NodePools about 10 kB, per
 * pod. Answers keep its first 1,024 characters (the events.k8s.io `note` limit), ending in "…".
 */
export const MAX_KARPENTER_MESSAGE = 1024;

function truncated(message: string): string {
  return message.length <= MAX_KARPENTER_MESSAGE
    ? message
    : `${message.slice(0, MAX_KARPENTER_MESSAGE - 1)}…`;
}

/** Why one pending pod waits. @internal */
export function explainPendingPod(
  pod: CachedPod,
  context: ExplainContext,
): PendingPod {
  const event = context.latestEvent?.(pod);
  const v = verdict(pod, event, context);
  const claim = v.nodeClaim ? context.nodeClaims.get(v.nodeClaim) : undefined;
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name,
    pendingSince:
      pod.scheduling?.unschedulable?.since ??
      pod.metadata.creationTimestamp ??
      new Date(0).toISOString(),
    code: v.code,
    message: v.message,
    hint: PENDING_POD_HINTS[v.code],
    ...(event?.message ? { karpenterMessage: truncated(event.message) } : {}),
    ...(v.nodePool ? { nodePool: v.nodePool } : {}),
    ...(v.nodeClaim ? { nodeClaim: v.nodeClaim } : {}),
    ...(claim ? { nodeClaimState: claim.state } : {}),
  };
}
