import { parseQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { ObjectStore } from './k8s/ObjectStore';
import {
  buildEc2NodeClass,
  buildNode,
  buildNodeClaim,
  buildNodePool,
  NodeFacts,
} from './model/builders';
import { condition, iso, setCondition } from './model/conditions';
import { INSTANCE_TYPES, InstanceType } from './model/instanceTypes';
import { Random } from './model/random';
import {
  CAPACITY_TYPE_KEY,
  capacityForLimits,
  customRequirementLabels,
  INSTANCE_TYPE_KEYS,
  instanceTypeLabels,
  matchesLabels,
  onePerNodeSelector,
  parseDuration,
  Requirement,
  satisfies,
  Taint,
  tolerates,
  tolerationsFor,
  ZONE_KEYS,
} from './model/scheduling';
import {
  ScenarioCluster,
  ScenarioNodeGroup,
  ScenarioNodePool,
  ScenarioWorkload,
} from './scenario/types';
import { Queue } from './sqs/Queue';
import {
  consolidateOne,
  DISRUPTION_POLL_MS,
  DisruptionHost,
  disruptionPass,
} from './karpenter/disruption';
import { EventRecorder, RawEvent } from './karpenter/eventRecorder';
import { DEFAULT_MESSAGES } from './karpenter/events';
import {
  INTERRUPTION_KINDS,
  InterruptionHost,
  interruptNodeClaim,
  isInterruptionReason,
} from './karpenter/interruption';
import { eventTtlOf, SeedHost, seedHistory } from './karpenter/seedHistory';

/** How often the simulated API server deletes expired Events (simulated time). */
const EXPIRY_SWEEP_MS = 5_000;

export interface SimContext {
  now(): number;
  schedule(delayMs: number, fn: () => void): void;
}

type Phase = 'pending' | 'launched' | 'registered' | 'initialized';

type Facts = NodeFacts & { phase: Phase; terminating?: boolean };

/** What a NodePool may launch now: instance types, zones and capacity types, or why nothing. */
interface Offerings {
  types: InstanceType[];
  zones: string[];
  capacityTypes: string[];
  /** Karpenter's scheduling error when nothing can be launched. */
  refusal?: string;
}

/**
 * One simulated cluster: its objects, its interruption queue, and the Karpenter-like behaviour
 * (lifecycles of NodeClaims, NodePool status, EC2NodeClass resolution against a simulated VPC,
 * interruptions and events).
 */
export class SimCluster {
  readonly store: ObjectStore;
  readonly queue: Queue;
  readonly region: string;
  readonly zones: string[];
  private readonly facts = new Map<string, Facts>();
  /** NodePools whose pending pods are being provisioned for (no re-entrant provisioning). */
  private readonly provisioning = new Set<string>();
  private readonly registrationHealthy = new Map<string, boolean>();
  /**
   * Karpenter's recorder, client-go's correlator and the API server's event TTL (used by the
   * simulator's controllers; not part of the package's API).
   *
   * @internal
   */
  readonly recorder: EventRecorder;
  /** Subnets and security groups of the simulated VPC, tagged for discovery. */
  private readonly vpc: {
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
  };
  private nodeSeq = 0;
  consumerPaused = false;

  constructor(
    readonly config: ScenarioCluster,
    private readonly ctx: SimContext,
    private readonly random: Random,
  ) {
    this.store = new ObjectStore(() => ctx.now());
    this.recorder = new EventRecorder(
      this.store,
      () => ctx.now(),
      eventTtlOf(config),
    );
    this.region = config.region ?? 'eu-west-1';
    this.zones = config.zones ?? ['a', 'b', 'c'].map(z => `${this.region}${z}`);
    this.queue = new Queue(
      config.queueName ?? `karpenter-${config.name}`,
      this.region,
      () => ctx.now(),
    );
    const tags = { 'karpenter.sh/discovery': config.name };
    this.vpc = {
      subnets: this.zones.map((zone, i) => ({
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
  }

  get name() {
    return this.config.name;
  }

  // ---------- building ----------

  build() {
    for (const ns of [
      'default',
      'kube-system',
      'karpenter',
      ...(this.config.workloads ?? []).map(w => w.namespace),
    ])
      this.ensureNamespace(ns);
    for (const nc of this.config.nodeClasses) {
      this.store.put('ec2nodeclasses', buildEc2NodeClass(this.name, nc));
      this.reconcileNodeClass(nc.name);
    }
    const pools = [...this.config.nodePools, ...this.generatedPools()];
    for (const pool of pools) {
      this.registrationHealthy.set(
        pool.name,
        pool.registrationHealthy !== false,
      );
      this.store.put('nodepools', buildNodePool(pool));
      for (const group of this.nodeGroups(pool)) {
        const offer = this.offerings(pool.name);
        const refusal =
          offer.refusal ??
          (group.instanceType &&
          !offer.types.some(t => t.name === group.instanceType)
            ? `instance type ${group.instanceType} is not allowed by its requirements`
            : undefined) ??
          (group.zone && !offer.zones.includes(group.zone)
            ? `zone ${group.zone} has no subnet of its EC2NodeClass or is not allowed`
            : undefined);
        if (refusal)
          throw new Error(
            `NodePool ${pool.name} of cluster ${this.name}: ${refusal}`,
          );
        for (let i = 0; i < group.count; i++) {
          this.addClaim(pool.name, 'initialized', { ...group, quiet: true });
        }
      }
      this.reconcileNodePool(pool.name);
    }
    for (const w of this.config.workloads ?? []) this.addWorkload(w);
    this.seedEvents(this.config.initialEvents ?? 0);
    this.reportUnschedulable(
      this.store.list('pods').filter(p => !p.spec.nodeName),
    );
    this.startControllers();
  }

  /** The API server's event TTL sweep and Karpenter's disruption polling, on simulated time. */
  private startControllers() {
    const sweep = () => {
      this.recorder.expire();
      this.ctx.schedule(EXPIRY_SWEEP_MS, sweep);
    };
    this.ctx.schedule(EXPIRY_SWEEP_MS, sweep);
    const poll = () => {
      disruptionPass(this.disruptionHost());
      this.ctx.schedule(DISRUPTION_POLL_MS, poll);
    };
    this.ctx.schedule(DISRUPTION_POLL_MS, poll);
  }

  private ensureNamespace(ns: string) {
    if (this.store.get('namespaces', ns)) return;
    this.store.put('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }

  /** A pool's starting nodes as groups (a total is spread over its capacity types). */
  private nodeGroups(pool: ScenarioNodePool): ScenarioNodeGroup[] {
    if (Array.isArray(pool.nodes)) return pool.nodes;
    if (typeof pool.nodes !== 'number')
      return Object.entries(pool.nodes).map(([capacityType, count]) => ({
        capacityType,
        count,
      }));
    const total = pool.nodes;
    const types = pool.capacityTypes ?? ['spot', 'on-demand'];
    return types.map((capacityType, i) => ({
      capacityType,
      count:
        Math.floor(total / types.length) + (i < total % types.length ? 1 : 0),
    }));
  }

  private generatedPools(): ScenarioNodePool[] {
    const g = this.config.generate;
    if (!g) return [];
    return Array.from({ length: g.nodePools }, (_, i) => ({
      name: `pool-${String(i).padStart(3, '0')}`,
      nodeClass: this.config.nodeClasses[0]?.name ?? 'default',
      instanceTypes: g.instanceTypes ?? [
        'm5.large',
        'm5.xlarge',
        'c5.xlarge',
        'r5.xlarge',
      ],
      capacityTypes: ['spot', 'on-demand'],
      limits: {
        cpu: String(g.nodesPerPool * 8),
        memory: `${g.nodesPerPool * 40}Gi`,
      },
      nodes: g.nodesPerPool,
    }));
  }

  /** Creates a workload's pods, placed on the NodePool's nodes (pending when none fits). */
  private addWorkload(w: ScenarioWorkload): any[] {
    const nodes = this.nodesOf(w.nodePool);
    const taints: Taint[] | undefined = this.store.get('nodepools', w.nodePool)
      ?.spec?.template?.spec?.taints;
    // one-per-node pods (required anti-affinity on the hostname) only go to nodes without one
    const free = w.onePerNode
      ? nodes.filter(
          n =>
            !this.store
              .list('pods')
              .some(
                p => p.spec.nodeName === n && p.metadata.labels?.app === w.name,
              ),
        )
      : nodes;
    const created: any[] = [];
    for (let i = 0; i < w.replicas; i++) {
      const hash = this.random.hex(10);
      const labels = {
        app: w.name,
        ...(w.kubernetesId
          ? { 'backstage.io/kubernetes-id': w.kubernetesId }
          : {}),
        ...(w.labels ?? {}),
        'pod-template-hash': hash.slice(0, 10),
      };
      let nodeName: string | undefined;
      if (w.onePerNode) nodeName = free[i];
      else if (nodes.length) nodeName = nodes[i % nodes.length];
      const tolerations = tolerationsFor(taints);
      const pod = this.store.put('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${w.name}-${hash}-${this.random.suffix(5)}`,
          namespace: w.namespace,
          labels,
        },
        spec: {
          nodeName,
          nodeSelector: { 'karpenter.sh/nodepool': w.nodePool },
          ...(tolerations.length ? { tolerations } : {}),
          ...(w.onePerNode
            ? {
                affinity: {
                  podAntiAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: [
                      {
                        labelSelector: { matchLabels: { app: w.name } },
                        topologyKey: 'kubernetes.io/hostname',
                      },
                    ],
                  },
                },
              }
            : {}),
          containers: [
            {
              name: w.name,
              image: `registry.example.com/${w.name}:1.0.0`,
              resources: { requests: { cpu: '500m', memory: '512Mi' } },
            },
          ],
        },
        status: { phase: nodeName ? 'Running' : 'Pending' },
      });
      created.push(pod);
    }
    return created;
  }

  nodesOf(pool: string): string[] {
    return [...this.facts.values()]
      .filter(
        f =>
          f.nodePool === pool &&
          (f.phase === 'registered' || f.phase === 'initialized') &&
          !f.terminating,
      )
      .map(f => f.nodeName);
  }

  // ---------- NodeClaims and Nodes ----------

  /**
   * Adds a NodeClaim (and, once registered, its Node) to a NodePool. The instance type, zone and
   * capacity type are picked among those the NodePool's requirements admit (instance type, arch,
   * OS, instance category/family/generation/size/cpu/memory, zone and zone ID, capacity type), in
   * zones where its EC2NodeClass resolved subnets; with `enforceLimits` only instance types that
   * keep the NodePool within `spec.limits` are considered. Returns undefined when nothing fits.
   */
  addClaim(
    poolName: string,
    phase: Phase,
    opts: {
      capacityType?: string;
      instanceType?: string;
      zone?: string;
      quiet?: boolean;
      enforceLimits?: boolean;
    } = {},
  ): string | undefined {
    const pool = this.store.get('nodepools', poolName);
    if (!pool) throw new Error(`no NodePool ${poolName} in ${this.name}`);
    const offer = this.offerings(poolName, {
      enforceLimits: opts.enforceLimits,
    });
    if (offer.refusal) return undefined;
    const reqs: Requirement[] = pool.spec.template.spec.requirements ?? [];
    const seq = ++this.nodeSeq;
    const capacityType =
      opts.capacityType && offer.capacityTypes.includes(opts.capacityType)
        ? opts.capacityType
        : (this.random.pick(offer.capacityTypes) as string);
    const type =
      offer.types.find(t => t.name === opts.instanceType) ??
      this.random.pick(offer.types);
    const zone =
      offer.zones.find(z => z === opts.zone) ?? this.random.pick(offer.zones);
    const facts: Facts = {
      nodePool: poolName,
      nodeClass: pool.spec.template.spec.nodeClassRef.name,
      capacityType,
      type,
      zone,
      zoneId: this.vpc.subnets.find(sn => sn.zone === zone)?.zoneID,
      region: this.region,
      nodeName: `ip-10-${Math.floor(seq / 65536) % 256}-${
        Math.floor(seq / 256) % 256
      }-${seq % 256}.${this.region}.compute.internal`,
      instanceId: `i-0${this.random.hex(16)}`,
      claimName: `${poolName}-${this.random.suffix(5)}`,
      taints: pool.spec.template.spec.taints,
      labels: {
        ...customRequirementLabels(reqs),
        ...(pool.spec.template.metadata?.labels ?? {}),
      },
      phase,
    };
    // a NodeClaim that exists initialized when the scenario starts has been so for long
    if (
      phase === 'initialized' &&
      parseDuration(pool.spec.disruption?.consolidateAfter) !== undefined
    )
      facts.consolidatableAt = this.ctx.now();
    this.facts.set(facts.claimName, facts);
    this.writeClaim(facts, pool.metadata.uid);
    if (!opts.quiet) this.reconcileNodePool(poolName);
    return facts.claimName;
  }

  /**
   * Instance types, zones and capacity types a NodePool can launch now. Without a requirement on
   * the capacity type Karpenter launches on-demand; without one on the instance type, family,
   * category or GPU count, GPU instance types are left out (they are never the cheapest).
   */
  offerings(
    poolName: string,
    opts: { enforceLimits?: boolean } = {},
  ): Offerings {
    const pool = this.store.get('nodepools', poolName);
    const reqs: Requirement[] = pool?.spec?.template?.spec?.requirements ?? [];
    const on = (keys: string[]) => reqs.filter(r => keys.includes(r.key));
    const firstIn = (key: string): string[] | undefined =>
      reqs.find(r => r.key === key && r.operator === 'In')?.values;
    const refuse = (what: string): Offerings => ({
      types: [],
      zones: [],
      capacityTypes: [],
      refusal: `incompatible with nodepool "${poolName}", no ${what} satisfied the requirements ${reqs
        .map(r => `${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]`)
        .join(', ')}`,
    });

    const capacityReqs = on([CAPACITY_TYPE_KEY]);
    const capacityTypes = (
      firstIn(CAPACITY_TYPE_KEY) ??
      (capacityReqs.length ? ['spot', 'on-demand'] : ['on-demand'])
    ).filter(ct =>
      capacityReqs.every(r => satisfies({ [CAPACITY_TYPE_KEY]: ct }, r)),
    );
    if (!capacityTypes.length) return refuse('capacity type');

    const typeReqs = on(INSTANCE_TYPE_KEYS);
    const named = firstIn('node.kubernetes.io/instance-type');
    const gpuWanted = typeReqs.some(r =>
      [
        'node.kubernetes.io/instance-type',
        'karpenter.k8s.aws/instance-family',
        'karpenter.k8s.aws/instance-category',
        'karpenter.k8s.aws/instance-gpu-count',
      ].includes(r.key),
    );
    let types = (
      named
        ? named.flatMap(n => INSTANCE_TYPES.filter(t => t.name === n))
        : INSTANCE_TYPES.filter(t => gpuWanted || !t.gpu)
    ).filter(t => typeReqs.every(r => satisfies(instanceTypeLabels(t), r)));
    if (!types.length) return refuse('instance type');

    const nodeClass = this.store.get(
      'ec2nodeclasses',
      pool?.spec?.template?.spec?.nodeClassRef?.name ?? '',
    );
    const subnetZones: string[] = (nodeClass?.status?.subnets ?? []).map(
      (sn: any) => sn.zone,
    );
    const zoneReqs = on(ZONE_KEYS);
    const zones = this.zones.filter(
      z =>
        (!subnetZones.length || subnetZones.includes(z)) &&
        zoneReqs.every(r =>
          satisfies(
            {
              'topology.kubernetes.io/zone': z,
              'topology.k8s.aws/zone-id':
                this.vpc.subnets.find(sn => sn.zone === z)?.zoneID ?? '',
            },
            r,
          ),
        ),
    );
    if (!zones.length) return refuse('zone');

    if (opts.enforceLimits) {
      types = types.filter(t => this.withinLimits(poolName, t));
      if (!types.length)
        return {
          types,
          zones,
          capacityTypes,
          refusal: `all available instance types exceed limits for nodepool: "${poolName}"`,
        };
    }
    return { types, zones, capacityTypes };
  }

  /** What a NodePool's NodeClaims (launching or running, not terminating) count against limits. */
  usage(poolName: string): Record<string, number> {
    const used: Record<string, number> = {};
    for (const f of this.facts.values()) {
      if (f.nodePool !== poolName || f.terminating) continue;
      for (const [k, v] of Object.entries(capacityForLimits(f.type)))
        used[k] = (used[k] ?? 0) + v;
    }
    return used;
  }

  /**
   * Whether one more node of this type keeps the NodePool within `spec.limits` (a limit may be
   * reached exactly, not exceeded). Limits on resources nodes do not have are ignored.
   */
  private withinLimits(poolName: string, type: InstanceType): boolean {
    const limits: Record<string, unknown> =
      this.store.get('nodepools', poolName)?.spec?.limits ?? {};
    const used = this.usage(poolName);
    const add = capacityForLimits(type);
    return Object.entries(limits).every(([resource, limit]) => {
      const max = parseQuantity(limit as string | number);
      if (!(resource in add) || Number.isNaN(max)) return true;
      return (used[resource] ?? 0) + add[resource] <= max;
    });
  }

  private writeClaim(f: Facts, poolUid?: string) {
    const at = this.ctx.now();
    this.store.put(
      'nodeclaims',
      buildNodeClaim(
        f,
        f.phase,
        at,
        poolUid ?? this.store.get('nodepools', f.nodePool)?.metadata.uid,
      ),
    );
    if (f.phase === 'registered' || f.phase === 'initialized') {
      this.store.put('nodes', buildNode(f, f.phase === 'initialized', at));
    }
  }

  setPhase(claimName: string, phase: Phase) {
    const f = this.facts.get(claimName);
    if (!f || f.terminating) return;
    f.phase = phase;
    this.writeClaim(f);
    this.reconcileNodePool(f.nodePool);
    if (phase === 'initialized') {
      this.reschedulePendingPods(f.nodePool);
      const after = parseDuration(
        this.store.get('nodepools', f.nodePool)?.spec?.disruption
          ?.consolidateAfter,
      );
      if (after !== undefined)
        this.ctx.schedule(after, () => this.markConsolidatable(claimName));
    }
  }

  /**
   * Karpenter's `Consolidatable` condition: True on an initialized NodeClaim once its NodePool's
   * `consolidateAfter` has passed since initialization (pod events do not restart the wait in the
   * simulator); never with `consolidateAfter: Never`.
   */
  markConsolidatable(claimName: string) {
    const f = this.facts.get(claimName);
    if (!f || f.terminating || f.phase !== 'initialized') return;
    if (f.consolidatableAt !== undefined) return;
    const pool = this.store.get('nodepools', f.nodePool);
    if (parseDuration(pool?.spec?.disruption?.consolidateAfter) === undefined)
      return;
    const at = this.ctx.now();
    f.consolidatableAt = at;
    this.store.update('nodeclaims', claimName, undefined, c => {
      c.status.conditions = setCondition(
        c.status.conditions,
        condition('Consolidatable', true, at, 'Consolidatable'),
      );
    });
  }

  /**
   * Runs a new NodeClaim through launched → registered → initialized over simulated time. Nothing
   * is launched (undefined) when no instance type fits the NodePool's requirements and limits.
   */
  launch(poolName: string, capacityType?: string): string | undefined {
    const name = this.addClaim(poolName, 'pending', {
      capacityType,
      enforceLimits: true,
    });
    if (!name) return undefined;
    this.ctx.schedule(3_000, () => this.setPhase(name, 'launched'));
    if (this.registrationHealthy.get(poolName) !== false) {
      this.ctx.schedule(30_000, () => this.setPhase(name, 'registered'));
      this.ctx.schedule(45_000, () => this.setPhase(name, 'initialized'));
    }
    return name;
  }

  /**
   * Marks a NodeClaim terminating, then deletes it and its Node. `disruptionReason` (default
   * `Interrupted`; null for none, e.g. when its NodePool was deleted) becomes the
   * `DisruptionReason` condition.
   */
  terminate(
    claimName: string,
    afterMs = 20_000,
    disruptionReason: string | null = 'Interrupted',
  ) {
    const f = this.facts.get(claimName);
    if (!f || f.terminating) return;
    f.terminating = true;
    const at = iso(this.ctx.now());
    this.store.update('nodeclaims', claimName, undefined, c => {
      c.metadata.deletionTimestamp = at;
      if (disruptionReason)
        c.status.conditions = setCondition(
          c.status.conditions,
          condition(
            'DisruptionReason',
            true,
            this.ctx.now(),
            disruptionReason,
            disruptionReason,
          ),
        );
    });
    if (this.store.get('nodes', f.nodeName)) {
      this.store.update('nodes', f.nodeName, undefined, n => {
        n.metadata.deletionTimestamp = at;
        n.spec.taints = [
          ...(n.spec.taints ?? []),
          { key: 'karpenter.sh/disrupted', effect: 'NoSchedule' },
        ];
      });
    }
    this.ctx.schedule(afterMs, () => this.removeClaim(claimName));
  }

  removeClaim(claimName: string) {
    const f = this.facts.get(claimName);
    if (!f) return;
    this.facts.delete(claimName);
    this.store.delete('nodeclaims', claimName);
    this.store.delete('nodes', f.nodeName);
    // pods of the lost node move first, so provisioning sees those left pending
    this.reschedulePendingPods(f.nodePool, f.nodeName);
    this.reconcileNodePool(f.nodePool);
  }

  /**
   * The simulated kube-scheduler: pending pods of a NodePool (and those of a lost node) go to a
   * random node of the NodePool — one-per-node pods only to a node without such a pod. Pods left
   * pending get a FailedScheduling event.
   */
  private reschedulePendingPods(pool: string, lostNode?: string) {
    const nodes = this.nodesOf(pool);
    let byNode: Map<string, any[]> | undefined;
    const left: any[] = [];
    for (const pod of this.store.list('pods')) {
      const onLost = lostNode && pod.spec.nodeName === lostNode;
      const pending =
        !pod.spec.nodeName &&
        pod.spec.nodeSelector?.['karpenter.sh/nodepool'] === pool;
      if (!onLost && !pending) continue;
      const selector = onePerNodeSelector(pod);
      let candidates = nodes;
      if (selector) {
        byNode ??= this.podsByNode();
        candidates = freeNodesFor(nodes, byNode, pod, selector);
      }
      const target = candidates.length
        ? candidates[this.random.int(candidates.length)]
        : undefined;
      const updated = this.store.update(
        'pods',
        pod.metadata.name,
        pod.metadata.namespace,
        p => {
          p.spec.nodeName = target;
          p.status.phase = target ? 'Running' : 'Pending';
        },
      );
      if (target && byNode)
        byNode.set(target, [...(byNode.get(target) ?? []), pod]);
      if (!target) left.push(updated);
    }
    this.reportUnschedulable(left);
  }

  private podsByNode(): Map<string, any[]> {
    const byNode = new Map<string, any[]>();
    for (const p of this.store.list('pods')) {
      if (!p.spec.nodeName) continue;
      byNode.set(p.spec.nodeName, [...(byNode.get(p.spec.nodeName) ?? []), p]);
    }
    return byNode;
  }

  claimNames(pool?: string): string[] {
    return [...this.facts.values()]
      .filter(f => !f.terminating && (!pool || f.nodePool === pool))
      .map(f => f.claimName);
  }

  claimFacts(name: string) {
    return this.facts.get(name);
  }

  // ---------- status reconciliation ----------

  /** Reconciles after a write or delete of a NodePool or EC2NodeClass. */
  changed(kind: string, name: string) {
    if (kind === 'EC2NodeClass') this.reconcileNodeClass(name);
    if (kind === 'NodePool') this.reconcileNodePool(name);
  }

  private poolsUsingNodeClass(name: string): string[] {
    return this.store
      .list('nodepools')
      .filter(p => p.spec.template.spec.nodeClassRef?.name === name)
      .map(p => p.metadata.name);
  }

  reconcileNodeClass(name: string) {
    const nc = this.store.get('ec2nodeclasses', name);
    if (!nc) {
      // deleted: its NodePools report NodeClassReady=False (NodeClassNotFound), Ready=False
      for (const pool of this.poolsUsingNodeClass(name))
        this.reconcileNodePool(pool);
      return;
    }
    const at = this.ctx.now();
    const matches = (terms: any[], tags: Record<string, string>, id: string) =>
      (terms ?? []).some(
        t =>
          (t.id && t.id === id) ||
          (t.tags &&
            Object.entries(t.tags).every(([k, v]) =>
              v === '*' ? k in tags : tags[k] === v,
            )),
      );
    const subnets = this.vpc.subnets.filter(s =>
      matches(nc.spec.subnetSelectorTerms, s.tags, s.id),
    );
    const groups = this.vpc.securityGroups.filter(g =>
      matches(nc.spec.securityGroupSelectorTerms, g.tags, g.id),
    );
    const aliasOk = (nc.spec.amiSelectorTerms ?? []).every(
      (t: any) =>
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
    const conditions = [
      condition(
        'SubnetsReady',
        subnets.length > 0,
        at,
        subnets.length ? 'SubnetsReady' : 'SubnetsNotFound',
        subnets.length ? '' : 'SubnetSelector did not match any Subnets',
      ),
      condition(
        'SecurityGroupsReady',
        groups.length > 0,
        at,
        groups.length ? 'SecurityGroupsReady' : 'SecurityGroupsNotFound',
        groups.length
          ? ''
          : 'SecurityGroupSelector did not match any SecurityGroups',
      ),
      condition(
        'AMIsReady',
        amis.length > 0,
        at,
        amis.length ? 'AMIsReady' : 'AMINotFound',
        amis.length ? '' : 'AMISelector did not match any AMIs',
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
    const previous: any[] = nc.status?.conditions ?? [];
    this.store.update('ec2nodeclasses', name, undefined, o => {
      o.status = {
        subnets: subnets.map(s => ({
          id: s.id,
          zone: s.zone,
          zoneID: s.zoneID,
        })),
        securityGroups: groups.map(g => ({ id: g.id, name: g.name })),
        amis,
        instanceProfile: `${this.name}_${Math.abs(
          hashCode(o.spec.role ?? name),
        )}`,
        conditions: conditions.reduce(
          (list: any[], c) => setCondition(list, c),
          previous,
        ),
      };
    });
    for (const pool of this.poolsUsingNodeClass(name))
      this.reconcileNodePool(pool);
  }

  reconcileNodePool(name: string) {
    const pool = this.store.get('nodepools', name);
    if (!pool) {
      // deleted: like Kubernetes' garbage collection of the NodeClaims it owns and Karpenter's
      // termination finalizer, its NodeClaims and Nodes are drained and deleted
      for (const claim of this.claimNames(name))
        this.terminate(claim, 15_000, null);
      return;
    }
    const at = this.ctx.now();
    if (parseDuration(pool.spec.disruption?.consolidateAfter) === undefined)
      this.clearConsolidatable(name);
    let cpu = 0;
    let memKi = 0;
    let pods = 0;
    let nodes = 0;
    for (const f of this.facts.values()) {
      if (
        f.nodePool !== name ||
        (f.phase !== 'registered' && f.phase !== 'initialized')
      )
        continue;
      nodes++;
      cpu += f.type.cpu;
      memKi += f.type.memoryGi * 1024 * 1024 - 400 * 1024;
      pods += f.type.pods;
    }
    const nc = this.store.get(
      'ec2nodeclasses',
      pool.spec.template.spec.nodeClassRef?.name ?? '',
    );
    const ncReady =
      nc?.status?.conditions?.find((c: any) => c.type === 'Ready')?.status ===
      'True';
    const registration = this.registrationHealthy.get(name) !== false;
    const conds = [
      condition('ValidationSucceeded', true, at, 'ValidationSucceeded'),
      this.nodeClassReadyCondition(nc, ncReady, at),
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
    this.store.update('nodepools', name, undefined, o => {
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
          (list: any[], c) => setCondition(list, c),
          o.status?.conditions ?? [],
        ),
      };
    });
    this.provisionForPending(name);
  }

  private nodeClassReadyCondition(nc: any, ready: boolean, at: number) {
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

  /** `consolidateAfter: Never`: Karpenter removes the Consolidatable condition. */
  private clearConsolidatable(poolName: string) {
    for (const f of this.facts.values()) {
      if (f.nodePool !== poolName || f.consolidatableAt === undefined) continue;
      f.consolidatableAt = undefined;
      this.store.update('nodeclaims', f.claimName, undefined, c => {
        c.status.conditions = (c.status.conditions ?? []).filter(
          (x: any) => x.type !== 'Consolidatable',
        );
      });
    }
  }

  /**
   * Like Karpenter's provisioner, for a Ready NodePool: pending pods whose nodeSelector names it
   * get NodeClaims — one per 3 pods when the NodePool has none yet, and one per one-per-node pod
   * that no node (running or launching) can take. Pods a new NodeClaim is for get `Nominated`;
   * when no instance type fits the requirements or `spec.limits`, the pods left without capacity
   * get Karpenter's `FailedScheduling` ("Failed to schedule pod, all available instance types
   * exceed limits for nodepool: ...").
   */
  private provisionForPending(name: string) {
    const pool = this.store.get('nodepools', name);
    const ready =
      pool?.status?.conditions?.find((c: any) => c.type === 'Ready')?.status ===
      'True';
    if (!ready || this.provisioning.has(name)) return;
    const pending = this.store
      .list('pods')
      .filter(
        p =>
          !p.spec.nodeName &&
          p.spec.nodeSelector?.['karpenter.sh/nodepool'] === name,
      );
    if (!pending.length) return;
    const claims = this.claimNames(name);
    const launching = claims.filter(c => {
      const phase = this.facts.get(c)!.phase;
      return phase === 'pending' || phase === 'launched';
    }).length;
    const nodes = this.nodesOf(name);
    const regular = pending.filter(p => !onePerNodeSelector(p));
    // pods waiting for capacity, in the order new NodeClaims are for them
    const waiting: any[][] = [];
    if (!claims.length)
      for (let i = 0; i < regular.length; i += 3)
        waiting.push(regular.slice(i, i + 3));
    const groups = new Map<string, any[]>();
    for (const p of pending) {
      const selector = onePerNodeSelector(p);
      if (!selector) continue;
      const key = JSON.stringify(selector);
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    if (groups.size) {
      const byNode = this.podsByNode();
      for (const group of groups.values()) {
        const selector = onePerNodeSelector(group[0])!;
        const freeNodes = nodes.filter(
          n =>
            !(byNode.get(n) ?? []).some(p =>
              matchesLabels(p.metadata.labels, selector),
            ),
        ).length;
        group
          .slice(freeNodes + launching)
          .forEach((p, i) => (waiting[i] = [...(waiting[i] ?? []), p]));
      }
    }
    if (!waiting.length) return;
    this.provisioning.add(name);
    try {
      let i = 0;
      for (; i < waiting.length; i++) {
        const claim = this.launch(name);
        if (!claim) break;
        for (const p of waiting[i])
          this.emitEvent({
            involvedObject: {
              kind: 'Pod',
              name: p.metadata.name,
              namespace: p.metadata.namespace,
            },
            reason: 'Nominated',
            message: `Pod should schedule on: nodeclaim/${claim}`,
            type: 'Normal',
          });
      }
      if (i < waiting.length) {
        const refusal =
          this.offerings(name, { enforceLimits: true }).refusal ??
          `no capacity for nodepool "${name}"`;
        for (const p of waiting.slice(i).flat())
          this.emitEvent({
            involvedObject: {
              kind: 'Pod',
              name: p.metadata.name,
              namespace: p.metadata.namespace,
            },
            reason: 'FailedScheduling',
            message: `Failed to schedule pod, ${refusal}`,
            type: 'Warning',
          });
      }
    } finally {
      this.provisioning.delete(name);
    }
  }

  /**
   * Timeline `hitCpuLimit`: a burst of one-per-node pods (required anti-affinity on the hostname,
   * namespace `burst`) for the NodePool, more than its `spec.limits.cpu` leaves room for. Karpenter
   * launches NodeClaims until no allowed instance type fits under the limit; the pods left pending
   * get `FailedScheduling` from Karpenter (limits) and from the scheduler. Returns the new pods.
   */
  hitCpuLimit(poolName: string, replicas?: number): string[] {
    const pool = this.store.get('nodepools', poolName);
    if (!pool) throw new Error(`no NodePool ${poolName} in ${this.name}`);
    const limit = parseQuantity(pool.spec.limits?.cpu);
    if (Number.isNaN(limit))
      throw new Error(`NodePool ${poolName} has no spec.limits.cpu`);
    const types = this.offerings(poolName).types;
    const smallest = Math.max(1, Math.min(...types.map(t => t.cpu)));
    const headroom = Math.max(0, limit - (this.usage(poolName).cpu ?? 0));
    const count =
      replicas ??
      this.claimNames(poolName).length + Math.floor(headroom / smallest) + 1;
    this.ensureNamespace('burst');
    const pods = this.addWorkload({
      name: `${poolName}-burst`,
      namespace: 'burst',
      nodePool: poolName,
      replicas: count,
      onePerNode: true,
    });
    this.reconcileNodePool(poolName);
    this.reportUnschedulable(
      pods.filter(
        p =>
          !this.store.get('pods', p.metadata.name, p.metadata.namespace)?.spec
            .nodeName,
      ),
    );
    return pods.map(p => p.metadata.name);
  }

  /**
   * The kube-scheduler's `FailedScheduling` for pods no node can take ("0/N nodes are available:
   * ..."), reported by `default-scheduler` through the events.k8s.io API (eventTime, series).
   */
  reportUnschedulable(pods: any[]) {
    if (!pods.length) return;
    const nodes = this.store.list('nodes');
    const byNode = this.podsByNode();
    for (const pod of pods) {
      const message = this.schedulerMessage(pod, nodes, byNode);
      if (!message) continue;
      this.emitEvent({
        involvedObject: {
          kind: 'Pod',
          name: pod.metadata.name,
          namespace: pod.metadata.namespace,
        },
        reason: 'FailedScheduling',
        message,
        type: 'Warning',
        reporter: 'default-scheduler',
      });
    }
  }

  /** Why each node rejects the pod, in the scheduler's words; undefined when a node fits. */
  private schedulerMessage(
    pod: any,
    nodes: any[],
    byNode: Map<string, any[]>,
  ): string | undefined {
    if (!nodes.length) return 'no nodes available to schedule pods';
    const counts = new Map<string, number>();
    const selector = onePerNodeSelector(pod);
    for (const node of nodes) {
      const taint = (node.spec?.taints ?? []).find(
        (t: Taint) => !tolerates(pod, t),
      );
      let why: string | undefined;
      if (taint)
        why = `node(s) had untolerated taint {${taint.key}: ${
          taint.value ?? ''
        }}`;
      else if (
        !matchesLabels(node.metadata.labels, pod.spec?.nodeSelector ?? {})
      )
        why = "node(s) didn't match Pod's node affinity/selector";
      else if (
        selector &&
        (byNode.get(node.metadata.name) ?? []).some(
          p => p !== pod && matchesLabels(p.metadata.labels, selector),
        )
      )
        why = "node(s) didn't match pod anti-affinity rules";
      if (!why) return undefined;
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
    const n = nodes.length;
    const reasons = [...counts]
      .map(([why, k]) => `${k} ${why}`)
      .sort()
      .join(', ');
    return `0/${n} nodes are available: ${reasons}. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;
  }

  setRegistrationHealthy(pool: string, healthy: boolean) {
    this.registrationHealthy.set(pool, healthy);
    this.reconcileNodePool(pool);
  }

  // ---------- events ----------

  /**
   * An event written through client-go's recorder (no Karpenter dedupe), e.g. a Pod's, or the
   * scheduler's (`reporter: 'default-scheduler'`). Without a message, the reason's Karpenter
   * message; without a type, Warning for failure-like reasons.
   */
  emitEvent(e: RawEvent) {
    return this.recorder.record({
      ...e,
      message: e.message ?? DEFAULT_MESSAGES[e.reason] ?? e.reason,
      type:
        e.type ??
        (/(Interrupted|Stopping|Terminating$|Unhealthy|Failed)/.test(e.reason)
          ? 'Warning'
          : 'Normal'),
    });
  }

  private seedEvents(count: number) {
    seedHistory(this.seedHost(), count);
  }

  // ---------- interruptions ----------

  /**
   * An EC2 notice (default a spot interruption warning) for some NodeClaims: the queue message,
   * and the interruption controller's handling (`karpenter/interruption.ts`). `reason` is the
   * Event reason of the notice (SpotInterrupted, SpotRebalanceRecommendation,
   * CapacityReservationInstanceInterrupted, InstanceStopping, InstanceTerminating,
   * InstanceUnhealthy); spot notices pick spot NodeClaims only.
   */
  interrupt(
    opts: {
      nodeClaim?: string;
      nodePool?: string;
      count?: number;
      reason?: string;
    } = {},
  ): string[] {
    const reason = opts.reason ?? 'SpotInterrupted';
    if (!isInterruptionReason(reason))
      throw new Error(
        `reason: unknown interruption reason '${reason}' (known: ${Object.keys(
          INTERRUPTION_KINDS,
        ).join(', ')})`,
      );
    const spotOnly = INTERRUPTION_KINDS[reason].spotOnly;
    const candidates = opts.nodeClaim
      ? [opts.nodeClaim].filter(n => this.facts.has(n))
      : this.claimNames(opts.nodePool).filter(n => {
          const f = this.facts.get(n)!;
          return (
            f.phase === 'initialized' &&
            !f.terminating &&
            (!spotOnly || f.capacityType === 'spot')
          );
        });
    const picked: string[] = [];
    while (picked.length < (opts.count ?? 1) && candidates.length) {
      picked.push(candidates.splice(this.random.int(candidates.length), 1)[0]);
    }
    const host = this.interruptionHost();
    for (const claim of picked) interruptNodeClaim(host, claim, reason);
    return picked;
  }

  /**
   * Consolidation: a NodeClaim of the pool (a Consolidatable one when there is one) is disrupted
   * and removed without replacement; undefined when the NodePool's budget blocks it.
   */
  consolidate(pool: string): string | undefined {
    return consolidateOne(this.disruptionHost(), pool);
  }

  /** The NodeClaim and, while it exists, its Node, with uids (for Karpenter's events). */
  private target(claim: string) {
    const f = this.facts.get(claim);
    const nc = this.store.get('nodeclaims', claim);
    if (!f || !nc) return undefined;
    const node = this.store.get('nodes', f.nodeName);
    return {
      nodeClaim: { name: claim, uid: nc.metadata.uid },
      node: node && { name: f.nodeName, uid: node.metadata.uid },
    };
  }

  private interruptionHost(): InterruptionHost {
    return {
      region: this.region,
      recorder: this.recorder,
      now: () => this.ctx.now(),
      sendMessage: body => this.queue.send(body),
      target: claim => this.target(claim),
      deleting: claim => !!this.facts.get(claim)?.terminating,
      instanceId: claim => this.facts.get(claim)!.instanceId,
      deleteAndReplace: claim => {
        const f = this.facts.get(claim)!;
        this.terminate(claim);
        this.ctx.schedule(2_000, () => this.launch(f.nodePool, f.capacityType));
      },
    };
  }

  private disruptionHost(): DisruptionHost {
    const pods = new Map<string, number>();
    for (const p of this.store.list('pods'))
      if (p.spec?.nodeName)
        pods.set(p.spec.nodeName, (pods.get(p.spec.nodeName) ?? 0) + 1);
    return {
      recorder: this.recorder,
      now: () => this.ctx.now(),
      nodePools: () => this.store.list('nodepools'),
      candidates: () =>
        [...this.facts]
          .filter(([, f]) => f.phase === 'initialized')
          .map(([name, f]) => ({
            name,
            nodePool: f.nodePool,
            consolidatable: f.consolidatableAt !== undefined,
            drifted: (
              this.store.get('nodeclaims', name)?.status?.conditions ?? []
            ).some((c: any) => c.type === 'Drifted' && c.status === 'True'),
            deleting: !!f.terminating,
            pods: pods.get(f.nodeName) ?? 0,
          })),
      target: claim => this.target(claim),
      terminate: (claim, reason) => this.terminate(claim, 10_000, reason),
    };
  }

  private seedHost(): SeedHost {
    return {
      recorder: this.recorder,
      now: this.ctx.now(),
      region: this.region,
      nodePools: this.store.list('nodepools'),
      claims: this.claimNames().map(name => {
        const f = this.facts.get(name)!;
        return {
          name,
          nodePool: f.nodePool,
          capacityType: f.capacityType,
          target: this.target(name)!,
        };
      }),
      seed: hashCode(`seed-events/${this.name}`),
    };
  }

  drift(pool: string, count = 1) {
    for (const claim of this.claimNames(pool).slice(0, count)) {
      this.store.update('nodeclaims', claim, undefined, c => {
        c.status.conditions = setCondition(
          c.status.conditions,
          condition(
            'Drifted',
            true,
            this.ctx.now(),
            'NodePoolDrifted',
            'NodePoolDrifted',
          ),
        );
      });
    }
  }

  setSubnetTag(nodeClass: string, tag: string) {
    this.store.update('ec2nodeclasses', nodeClass, undefined, nc => {
      nc.spec.subnetSelectorTerms = [
        { tags: { 'karpenter.sh/discovery': tag } },
      ];
    });
    this.reconcileNodeClass(nodeClass);
  }

  /** One tick of the simulated Karpenter consumer: receive and delete what is visible. */
  consume(log: () => void) {
    if (this.consumerPaused) return;
    const messages = this.queue.receive(10, 30);
    if (messages.length) log();
    for (const m of messages) this.queue.delete(m.ReceiptHandle);
  }
}

/** The nodes where no other pod matches a one-per-node pod's anti-affinity selector. */
function freeNodesFor(
  nodes: string[],
  byNode: Map<string, any[]>,
  pod: any,
  selector: Record<string, string>,
): string[] {
  return nodes.filter(
    n =>
      !(byNode.get(n) ?? []).some(
        p => p !== pod && matchesLabels(p.metadata.labels, selector),
      ),
  );
}

function hashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++)
    h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
