/*
 * Karpenter's provisioning events on a Pod (kubernetes-sigs/karpenter,
 * `pkg/controllers/provisioning/scheduling/events.go`): `FailedScheduling` "Failed to schedule
 * pod, <error>" and `Nominated` "Pod should schedule on: nodeclaim/<x>[, node/<y>]".
 *
 * The error of a pod no NodePool could take is `multierr.Combine` of one error per NodePool
 * (`scheduler.go` addToNewNodeClaim), joined with "; ". v1.5+ wraps the NodePool-specific ones
 * with operatorpkg `serrors.Wrap`, printed "<error> (NodePool=<name>)"; v1.0–v1.4 printed
 * `... for nodepool: "<name>"` / `incompatible with nodepool "<name>", ...`. Both are read.
 */

/** One NodePool's part of Karpenter's scheduling error. @public */
export interface SchedulingErrorPart {
  kind:
    | 'limit'
    | 'taint'
    | 'requirements'
    | 'instance-type'
    | 'no-nodepools'
    | 'other';
  /** The NodePool the part names, when it names one. */
  nodePool?: string;
  /** `taint`: the taint as Karpenter prints it (`key=value:Effect`). */
  taint?: string;
  /** `requirements`: the label key that conflicts. */
  key?: string;
  /** The part verbatim. */
  text: string;
}

/** A parsed Karpenter scheduling event message. @public */
export type SchedulingMessage =
  | { reason: 'FailedScheduling'; parts: SchedulingErrorPart[] }
  | { reason: 'Nominated'; nodeClaim?: string; node?: string };

const FAILED_PREFIX = 'Failed to schedule pod, ';
const NOMINATED_PREFIX = 'Pod should schedule on: ';

const POOL_SUFFIX = /\(NodePool=([^),\s]+)[^)]*\)\s*$/;
const POOL_QUOTED = /nodepool:? "([^"]+)"/;
const TAINT = /did not tolerate (?:taint \(taint=([^)]+)\)|([^\s;,]+))/;
const KEY = /(?:^|, )key ([^\s,]+), /;
const LABEL = /label "([^"]+)" does not have known values/;

function classify(text: string): SchedulingErrorPart {
  const nodePool = POOL_SUFFIX.exec(text)?.[1] ?? POOL_QUOTED.exec(text)?.[1];
  const part = (kind: SchedulingErrorPart['kind'], extra = {}) => ({
    kind,
    text,
    ...(nodePool ? { nodePool } : {}),
    ...extra,
  });
  if (/exceed limits for nodepool|node limits have been exhausted/.test(text))
    return part('limit');
  const taint = TAINT.exec(text);
  if (taint) return part('taint', { taint: taint[1] ?? taint[2] });
  const key = KEY.exec(text)?.[1] ?? LABEL.exec(text)?.[1];
  if (
    /incompatible (?:volume )?requirements|does not have known values/.test(
      text,
    )
  )
    return part('requirements', key ? { key } : {});
  if (
    /no instance type|filtered out all (?:compatible )?available instance types|minValues/.test(
      text,
    )
  )
    return part('instance-type');
  if (/no (?:dynamic )?nodepools found/.test(text)) return part('no-nodepools');
  return part('other');
}

/**
 * Splits Karpenter's `FailedScheduling` / `Nominated` message on a Pod into what it says;
 * undefined for other messages (for example the kube-scheduler's "0/3 nodes are available").
 *
 * @public
 */
export function parseSchedulingMessage(
  message: string,
): SchedulingMessage | undefined {
  if (message.startsWith(NOMINATED_PREFIX)) {
    const refs = message.slice(NOMINATED_PREFIX.length).split(/,\s*/);
    const ref = (kind: string) =>
      refs.find(r => r.startsWith(`${kind}/`))?.slice(kind.length + 1);
    return {
      reason: 'Nominated',
      nodeClaim: ref('nodeclaim'),
      node: ref('node'),
    };
  }
  if (!message.startsWith(FAILED_PREFIX)) return undefined;
  const error = message.slice(FAILED_PREFIX.length);
  return {
    reason: 'FailedScheduling',
    parts: error
      .split('; ')
      .map(p => p.trim())
      .filter(Boolean)
      .map(classify),
  };
}
