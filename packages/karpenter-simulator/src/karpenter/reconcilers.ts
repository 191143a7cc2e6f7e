import { ClusterState, claimNames } from '../cluster/state';
import type { StoredEC2NodeClass } from '../k8s/types';
import { condition, setCondition } from '../model/conditions';
import { hashCode } from '../model/random';
import { parseDuration } from '../model/scheduling';
import { clearConsolidatable, terminate } from './lifecycle';
import { provision } from './provisioner';

/** Reconciles after a write or delete of a NodePool or EC2NodeClass. */
export function changed(state: ClusterState, kind: string, name: string) {
  if (kind === 'EC2NodeClass') reconcileNodeClass(state, name);
  if (kind === 'NodePool') reconcileNodePool(state, name);
}

/** A subnet or security group selector term of an EC2NodeClass. */
type SelectorTerm = { id?: string; tags?: Record<string, string | undefined> };

function poolsUsingNodeClass(state: ClusterState, name: string): string[] {
  return state.store
    .list('nodepools')
    .filter(p => p.spec.template.spec.nodeClassRef?.name === name)
    .map(p => p.metadata.name);
}

/**
 * The EC2NodeClass status: subnets, security groups and AMIs resolved against the simulated VPC,
 * the instance profile and the readiness conditions; then its NodePools.
 */
export function reconcileNodeClass(state: ClusterState, name: string) {
  const nc = state.store.get('ec2nodeclasses', name);
  if (!nc) {
    // deleted: its NodePools report NodeClassReady=False (NodeClassNotFound), Ready=False
    for (const pool of poolsUsingNodeClass(state, name))
      reconcileNodePool(state, pool);
    return;
  }
  const at = state.ctx.now();
  const spec = nc.spec!;
  const matches = (
    terms: SelectorTerm[],
    tags: Record<string, string>,
    id: string,
  ) =>
    (terms ?? []).some(
      t =>
        (t.id && t.id === id) ||
        (t.tags &&
          Object.entries(t.tags).every(([k, v]) =>
            v === '*' ? k in tags : tags[k] === v,
          )),
    );
  const subnets = state.vpc.subnets.filter(s =>
    matches(spec.subnetSelectorTerms, s.tags, s.id),
  );
  const groups = state.vpc.securityGroups.filter(g =>
    matches(spec.securityGroupSelectorTerms, g.tags, g.id),
  );
  const aliasOk = (spec.amiSelectorTerms ?? []).every(
    t =>
      !t.alias ||
      /^(al2023|bottlerocket|windows2019|windows2022)@(latest|v[\w.-]+)$/.test(
        t.alias,
      ),
  );
  const amis = aliasOk
    ? [
        {
          id: 'ami-0a1b2c3d4e5f60718',
          name: 'amazon-eks-node-al2023-x86_64-standard-1.32-v20250609',
          requirements: [
            { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
          ],
        },
        {
          id: 'ami-0f1e2d3c4b5a69788',
          name: 'amazon-eks-node-al2023-arm64-standard-1.32-v20250609',
          requirements: [
            { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          ],
        },
      ]
    : [];
  // a selector that matched something: `<type>` True; nothing: False with the not-found reason
  const resolved = (
    type: string,
    found: number,
    notFound: string,
    message: string,
  ) =>
    condition(
      type,
      found > 0,
      at,
      found ? type : notFound,
      found ? '' : message,
    );
  const conditions = [
    resolved(
      'SubnetsReady',
      subnets.length,
      'SubnetsNotFound',
      'SubnetSelector did not match any Subnets',
    ),
    resolved(
      'SecurityGroupsReady',
      groups.length,
      'SecurityGroupsNotFound',
      'SecurityGroupSelector did not match any SecurityGroups',
    ),
    resolved(
      'AMIsReady',
      amis.length,
      'AMINotFound',
      'AMISelector did not match any AMIs',
    ),
    condition('InstanceProfileReady', true, at, 'InstanceProfileReady'),
    condition('ValidationSucceeded', true, at, 'ValidationSucceeded'),
  ];
  const failing = conditions.filter(c => c.status !== 'True');
  conditions.push(
    condition(
      'Ready',
      !failing.length,
      at,
      failing.length ? 'UnhealthyDependents' : 'Ready',
      failing.map(c => `${c.type}=False`).join(', '),
    ),
  );
  const previous = nc.status?.conditions ?? [];
  state.store.update('ec2nodeclasses', name, undefined, o => {
    o.status = {
      subnets: subnets.map(s => ({
        id: s.id,
        zone: s.zone,
        zoneID: s.zoneID,
      })),
      securityGroups: groups.map(g => ({ id: g.id, name: g.name })),
      amis,
      instanceProfile: `${state.name}_${Math.abs(hashCode(spec.role ?? name))}`,
      conditions: conditions.reduce(
        (list, c) => setCondition(list, c),
        previous,
      ),
    };
  });
  for (const pool of poolsUsingNodeClass(state, name))
    reconcileNodePool(state, pool);
}

/**
 * The NodePool status (resources and nodes of its launched NodeClaims, readiness conditions),
 * then Karpenter's provisioning run for the cluster's pending pods; a deleted NodePool's
 * NodeClaims are terminated.
 */
export function reconcileNodePool(state: ClusterState, name: string) {
  const pool = state.store.get('nodepools', name);
  if (!pool) {
    // deleted: like Kubernetes' garbage collection of the NodeClaims it owns and Karpenter's
    // termination finalizer, its NodeClaims and Nodes are drained and deleted
    for (const claim of claimNames(state, name))
      terminate(state, claim, 15_000, null);
    // its pods, pending again once their nodes are gone, go to the other NodePools
    provision(state);
    return;
  }
  const at = state.ctx.now();
  if (parseDuration(pool.spec.disruption?.consolidateAfter) === undefined)
    clearConsolidatable(state, name);
  let cpu = 0;
  let memKi = 0;
  let pods = 0;
  let nodes = 0;
  for (const f of state.facts.values()) {
    // Karpenter's state counts every NodeClaim with a capacity (launched, with or without its
    // Node) not marked for deletion: kubernetes-sigs/karpenter v1.14.1
    // pkg/controllers/state/cluster.go updateNodePoolResources, read by
    // pkg/controllers/nodepool/counter/controller.go into status.resources
    if (
      f.nodePool !== name ||
      f.terminating ||
      (f.phase !== 'launched' &&
        f.phase !== 'registered' &&
        f.phase !== 'initialized')
    )
      continue;
    nodes++;
    cpu += f.type.cpu;
    memKi += f.type.memoryGi * 1024 * 1024 - 400 * 1024;
    pods += f.type.pods;
  }
  const nc = state.store.get(
    'ec2nodeclasses',
    pool.spec.template.spec.nodeClassRef?.name ?? '',
  );
  const ncReady =
    nc?.status?.conditions?.find(c => c.type === 'Ready')?.status === 'True';
  const registration = state.registrationHealthy.get(name) !== false;
  const conds = [
    condition('ValidationSucceeded', true, at, 'ValidationSucceeded'),
    nodeClassReadyCondition(nc, ncReady, at),
    condition(
      'NodeRegistrationHealthy',
      registration,
      at,
      registration ? 'NodeRegistrationHealthy' : 'Unhealthy',
      registration
        ? ''
        : 'Failed to launch node(s) in the last attempts: nodes did not register with the cluster',
    ),
  ];
  conds.push(
    condition(
      'Ready',
      ncReady,
      at,
      ncReady ? 'Ready' : 'UnhealthyDependents',
      ncReady ? '' : 'NodeClassReady=False',
    ),
  );
  state.store.update('nodepools', name, undefined, o => {
    o.status = {
      resources: {
        cpu: String(cpu),
        memory: `${memKi}Ki`,
        pods: String(pods),
        nodes: String(nodes),
        'ephemeral-storage': `${nodes * 20959212}Ki`,
      },
      nodes,
      nodeClassObservedGeneration: nc?.metadata?.generation ?? 1,
      conditions: conds.reduce(
        (list, c) => setCondition(list, c),
        o.status?.conditions ?? [],
      ),
    };
  });
  provision(state);
}

function nodeClassReadyCondition(
  nc: StoredEC2NodeClass | undefined,
  ready: boolean,
  at: number,
) {
  if (ready) return condition('NodeClassReady', true, at, 'NodeClassReady');
  if (!nc) {
    return condition(
      'NodeClassReady',
      false,
      at,
      'NodeClassNotFound',
      'NodeClass not found on cluster',
    );
  }
  return condition(
    'NodeClassReady',
    false,
    at,
    'NodeClassNotReady',
    `EC2NodeClass ${nc.metadata.name} is not ready`,
  );
}
