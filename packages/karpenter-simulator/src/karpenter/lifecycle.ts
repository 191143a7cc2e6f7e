import { ClusterState, Facts, Phase } from '../cluster/state';
import { reschedulePendingPods } from '../k8s/scheduler';
import { buildNode, buildNodeClaim } from '../model/builders';
import { Condition, condition, iso, setCondition } from '../model/conditions';
import type { InstanceType } from '../model/instanceTypes';
import {
  customRequirementLabels,
  definedLabels,
  parseDuration,
  Requirement,
} from '../model/scheduling';
import { offerings } from './offerings';

/** Options of {@link addClaim}. */
export interface AddClaimOptions {
  capacityType?: string;
  instanceType?: string;
  zone?: string;
  /** Do not reconcile the NodePool afterwards (scenario building does it once per NodePool). */
  quiet?: boolean;
  enforceLimits?: boolean;
  /** Only instance types this admits (the provisioner's: those the pods fit on). */
  fits?: (type: InstanceType) => boolean;
}

/**
 * Adds a NodeClaim (and, once registered, its Node) to a NodePool. The instance type, zone and
 * capacity type are picked among those the NodePool's requirements admit (instance type, arch,
 * OS, instance category/family/generation/size/cpu/memory, zone and zone ID, capacity type), in
 * zones where its EC2NodeClass resolved subnets; with `enforceLimits` only instance types that
 * keep the NodePool within `spec.limits` are considered. Returns undefined when nothing fits.
 */
export function addClaim(
  state: ClusterState,
  poolName: string,
  phase: Phase,
  opts: AddClaimOptions = {},
): string | undefined {
  const pool = state.store.get('nodepools', poolName);
  if (!pool) throw new Error(`no NodePool ${poolName} in ${state.name}`);
  const offer = offerings(state, poolName, {
    enforceLimits: opts.enforceLimits,
  });
  const types = opts.fits ? offer.types.filter(opts.fits) : offer.types;
  if (offer.refusal || !types.length) return undefined;
  const reqs: Requirement[] = pool.spec.template.spec.requirements ?? [];
  const seq = ++state.nodeSeq;
  const capacityType =
    opts.capacityType && offer.capacityTypes.includes(opts.capacityType)
      ? opts.capacityType
      : (state.random.pick(offer.capacityTypes) as string);
  const type =
    types.find(t => t.name === opts.instanceType) ?? state.random.pick(types);
  const zone =
    offer.zones.find(z => z === opts.zone) ?? state.random.pick(offer.zones);
  const facts: Facts = {
    nodePool: poolName,
    nodeClass: pool.spec.template.spec.nodeClassRef.name,
    capacityType,
    type,
    zone,
    zoneId: state.vpc.subnets.find(sn => sn.zone === zone)?.zoneID,
    region: state.region,
    nodeName: `ip-10-${Math.floor(seq / 65536) % 256}-${
      Math.floor(seq / 256) % 256
    }-${seq % 256}.${state.region}.compute.internal`,
    instanceId: `i-0${state.random.hex(16)}`,
    claimName: `${poolName}-${state.random.suffix(5)}`,
    taints: pool.spec.template.spec.taints,
    labels: {
      ...customRequirementLabels(reqs),
      ...definedLabels(pool.spec.template.metadata?.labels),
    },
    phase,
  };
  // a NodeClaim that exists initialized when the scenario starts has been so for long
  if (
    phase === 'initialized' &&
    parseDuration(pool.spec.disruption?.consolidateAfter) !== undefined
  )
    facts.consolidatableAt = state.ctx.now();
  state.facts.set(facts.claimName, facts);
  writeClaim(state, facts, pool.metadata.uid);
  if (!opts.quiet) state.reconcileNodePool(poolName);
  return facts.claimName;
}

function writeClaim(state: ClusterState, f: Facts, poolUid?: string) {
  const at = state.ctx.now();
  state.store.put(
    'nodeclaims',
    buildNodeClaim(
      f,
      f.phase,
      at,
      poolUid ?? state.store.get('nodepools', f.nodePool)?.metadata.uid,
    ),
  );
  if (f.phase === 'registered' || f.phase === 'initialized') {
    state.store.put('nodes', buildNode(f, f.phase === 'initialized', at));
  }
}

/** Moves a NodeClaim to a phase (rewriting it and its Node). */
export function setPhase(state: ClusterState, claimName: string, phase: Phase) {
  const f = state.facts.get(claimName);
  if (!f || f.terminating) return;
  f.phase = phase;
  writeClaim(state, f);
  // the kube-scheduler binds pending pods to the new node before Karpenter's next provisioning
  // run (its batch window, pkg/controllers/provisioning/batcher.go, outlasts a binding)
  if (phase === 'initialized') reschedulePendingPods(state, f.nodePool);
  state.reconcileNodePool(f.nodePool);
  if (phase === 'initialized') {
    const after = parseDuration(
      state.store.get('nodepools', f.nodePool)?.spec?.disruption
        ?.consolidateAfter,
    );
    if (after !== undefined)
      state.ctx.schedule(after, () => markConsolidatable(state, claimName));
  }
}

/** Sets one condition of a NodeClaim's status. */
export function setClaimCondition(
  state: ClusterState,
  claimName: string,
  c: Condition,
) {
  state.store.update('nodeclaims', claimName, undefined, claim => {
    claim.status.conditions = setCondition(claim.status.conditions, c);
  });
}

/**
 * Karpenter's `Consolidatable` condition: True on an initialized NodeClaim once its NodePool's
 * `consolidateAfter` has passed since initialization (pod events do not restart the wait in the
 * simulator); never with `consolidateAfter: Never`.
 */
export function markConsolidatable(state: ClusterState, claimName: string) {
  const f = state.facts.get(claimName);
  if (!f || f.terminating || f.phase !== 'initialized') return;
  if (f.consolidatableAt !== undefined) return;
  const pool = state.store.get('nodepools', f.nodePool);
  if (parseDuration(pool?.spec?.disruption?.consolidateAfter) === undefined)
    return;
  const at = state.ctx.now();
  f.consolidatableAt = at;
  setClaimCondition(
    state,
    claimName,
    condition('Consolidatable', true, at, 'Consolidatable'),
  );
}

/** `consolidateAfter: Never`: Karpenter removes the Consolidatable condition. */
export function clearConsolidatable(state: ClusterState, poolName: string) {
  for (const f of state.facts.values()) {
    if (f.nodePool !== poolName || f.consolidatableAt === undefined) continue;
    f.consolidatableAt = undefined;
    state.store.update('nodeclaims', f.claimName, undefined, c => {
      c.status.conditions = (c.status.conditions ?? []).filter(
        x => x.type !== 'Consolidatable',
      );
    });
  }
}

/** How long a launched NodeClaim takes to be initialized (when it registers). */
export const LAUNCH_TO_INITIALIZED_MS = 45_000;

/**
 * Runs a new NodeClaim through launched → registered → initialized over simulated time. Nothing
 * is launched (undefined) when no instance type fits the NodePool's requirements and limits.
 */
export function launch(
  state: ClusterState,
  poolName: string,
  capacityType?: string,
  opts: Pick<AddClaimOptions, 'instanceType' | 'zone' | 'fits'> = {},
): string | undefined {
  const name = addClaim(state, poolName, 'pending', {
    ...opts,
    capacityType,
    enforceLimits: true,
  });
  if (!name) return undefined;
  state.ctx.schedule(3_000, () => setPhase(state, name, 'launched'));
  if (state.registrationHealthy.get(poolName) !== false) {
    state.ctx.schedule(30_000, () => setPhase(state, name, 'registered'));
    state.ctx.schedule(LAUNCH_TO_INITIALIZED_MS, () =>
      setPhase(state, name, 'initialized'),
    );
  }
  return name;
}

/**
 * Marks a NodeClaim terminating, then deletes it and its Node. `disruptionReason` (default
 * `Interrupted`; null for none, e.g. when its NodePool was deleted) becomes the
 * `DisruptionReason` condition.
 */
export function terminate(
  state: ClusterState,
  claimName: string,
  afterMs = 20_000,
  disruptionReason: string | null = 'Interrupted',
) {
  const f = state.facts.get(claimName);
  if (!f || f.terminating) return;
  f.terminating = true;
  const at = iso(state.ctx.now());
  state.store.update('nodeclaims', claimName, undefined, c => {
    c.metadata.deletionTimestamp = at;
    if (disruptionReason)
      c.status.conditions = setCondition(
        c.status.conditions,
        condition(
          'DisruptionReason',
          true,
          state.ctx.now(),
          disruptionReason,
          disruptionReason,
        ),
      );
  });
  if (state.store.get('nodes', f.nodeName)) {
    state.store.update('nodes', f.nodeName, undefined, n => {
      n.metadata.deletionTimestamp = at;
      n.spec.taints = [
        ...(n.spec.taints ?? []),
        { key: 'karpenter.sh/disrupted', effect: 'NoSchedule' },
      ];
    });
  }
  state.ctx.schedule(afterMs, () => removeClaim(state, claimName));
}

/** Deletes a NodeClaim and its Node; their pods go back to the scheduler. */
export function removeClaim(state: ClusterState, claimName: string) {
  const f = state.facts.get(claimName);
  if (!f) return;
  state.facts.delete(claimName);
  state.store.delete('nodeclaims', claimName);
  state.store.delete('nodes', f.nodeName);
  // pods of the lost node move first, so provisioning sees those left pending
  reschedulePendingPods(state, f.nodePool, f.nodeName);
  state.reconcileNodePool(f.nodePool);
}
