import type { KarpenterApiSchemas } from '../schema';

/** Why a pending pod waits (see the `PendingPodCode` schema). @public */
export type PendingPodCode = KarpenterApiSchemas['PendingPodCode'];

/** One pending pod of an entity and why it waits. @public */
export type PendingPod = KarpenterApiSchemas['PendingPod'];

/** The pending pods of an entity in one cluster (`ClusterSummary.pendingPods`). @public */
export type PendingPods = KarpenterApiSchemas['PendingPods'];

/**
 * The codes, in the order the explanation tries them (the first that applies wins).
 *
 * @public
 */
export const PENDING_POD_CODES: readonly PendingPodCode[] = [
  'NOMINATED',
  'NODECLASS_NOT_READY',
  'NODEPOOL_LIMIT',
  'INCOMPATIBLE',
  'NO_INSTANCE_TYPE',
  'NO_RESOURCE_REQUESTS',
  'UNKNOWN',
];

/**
 * What to do about each code: the remediation the backend puts in every pending pod's `hint`
 * (the seed's "Nodes not provisioning" checks, turned into one step each).
 *
 * @public
 */
export const PENDING_POD_HINTS: Readonly<Record<PendingPodCode, string>> = {
  NOMINATED:
    'Nothing to do yet: Karpenter is launching a node for this pod. If the NodeClaim stays not launched or not registered, look at its conditions.',
  NODEPOOL_LIMIT:
    "Raise the NodePool's spec.limits (a NodePools change through the template), or free capacity in the pool; until then Karpenter launches no node in it.",
  NODECLASS_NOT_READY:
    'Fix the NodeClass named here (its failing condition says what: subnets, security groups, AMIs or instance profile not found). Karpenter ignores NodePools that are not Ready, so its own message about this pod names other NodePools.',
  INCOMPATIBLE:
    "No NodePool accepts the pod: add a toleration for the NodePool's taint, or change the pod's nodeSelector / node affinity (or a NodePool's requirements) so that they match.",
  NO_INSTANCE_TYPE:
    "No instance type allowed by the NodePool fits the pod: lower the pod's requests, or allow larger instance types (or other capacity types and zones) in the NodePool's requirements.",
  NO_RESOURCE_REQUESTS:
    'Set resources.requests (cpu and memory) on the containers: Karpenter sizes nodes by requests, so a pod that requests nothing is counted as fitting on an existing node and no node is launched for it.',
  UNKNOWN:
    "Karpenter's message (below, when there is one) is all that is known; see the troubleshooting page's checks for pods that wait.",
};

/**
 * The anchor of each code on the troubleshooting page (docs/troubleshooting.md, section "Why
 * pods wait": one heading per code, so the anchor is the code in lower case).
 *
 * @public
 */
export function pendingPodDocsAnchor(code: PendingPodCode): string {
  return code.toLowerCase();
}
