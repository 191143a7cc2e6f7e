import { randomUUID } from 'node:crypto';
import { ObjectStore } from './k8s/ObjectStore';
import {
  buildEc2NodeClass,
  buildNode,
  buildNodeClaim,
  buildNodePool,
  NodeFacts,
} from './model/builders';
import { condition, iso, setCondition } from './model/conditions';
import { INSTANCE_TYPES, instanceType } from './model/instanceTypes';
import { Random } from './model/random';
import { ScenarioCluster, ScenarioNodePool } from './scenario/types';
import { Queue } from './sqs/Queue';

export interface SimContext {
  now(): number;
  schedule(delayMs: number, fn: () => void): void;
}

type Phase = 'pending' | 'launched' | 'registered' | 'initialized';

const INTERRUPTION_MESSAGES: Record<string, string> = {
  SpotInterrupted: 'Spot interruption warning was triggered',
  SpotRebalanceRecommendation: 'Spot rebalance recommendation was triggered',
  InstanceStopping: 'Instance is stopping',
  InstanceTerminating: 'Instance is terminating',
  InstanceUnhealthy: 'An unhealthy warning was triggered for the instance',
  TerminatingOnInterruption:
    'Interruption triggered termination for the NodeClaim',
  DisruptionTerminating: 'Disrupting NodeClaim: Underutilized/Delete',
  DisruptionBlocked:
    'Cannot disrupt NodeClaim: state node is nominated for a pending pod',
  Unconsolidatable: "Can't replace with a cheaper node",
};

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
  private readonly facts = new Map<
    string,
    NodeFacts & { phase: Phase; terminating?: boolean }
  >();
  private readonly registrationHealthy = new Map<string, boolean>();
  /** Repeated events (same object, reason and message) increment `count` instead. */
  private readonly eventIndex = new Map<string, string>();
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
    ]) {
      if (!this.store.get('namespaces', ns)) {
        this.store.put('namespaces', {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
          spec: { finalizers: ['kubernetes'] },
          status: { phase: 'Active' },
        });
      }
    }
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
      const counts =
        typeof pool.nodes === 'number' ? this.spread(pool) : pool.nodes;
      for (const [capacityType, n] of Object.entries(counts)) {
        for (let i = 0; i < n; i++)
          this.addClaim(pool.name, 'initialized', {
            capacityType,
            quiet: true,
          });
      }
      this.reconcileNodePool(pool.name);
    }
    for (const w of this.config.workloads ?? []) this.addWorkload(w);
    this.seedEvents(this.config.initialEvents ?? 0);
  }

  private spread(pool: ScenarioNodePool): Record<string, number> {
    const types = pool.capacityTypes ?? ['spot', 'on-demand'];
    const total = pool.nodes as number;
    const out: Record<string, number> = {};
    types.forEach(
      (t, i) =>
        (out[t] =
          Math.floor(total / types.length) +
          (i < total % types.length ? 1 : 0)),
    );
    return out;
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

  private addWorkload(w: NonNullable<ScenarioCluster['workloads']>[number]) {
    const nodes = this.nodesOf(w.nodePool);
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
      this.store.put('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${w.name}-${hash}-${this.random.suffix(5)}`,
          namespace: w.namespace,
          labels,
        },
        spec: {
          nodeName: nodes.length ? nodes[i % nodes.length] : undefined,
          nodeSelector: { 'karpenter.sh/nodepool': w.nodePool },
          containers: [
            {
              name: w.name,
              image: `registry.example.com/${w.name}:1.0.0`,
              resources: { requests: { cpu: '500m', memory: '512Mi' } },
            },
          ],
        },
        status: { phase: nodes.length ? 'Running' : 'Pending' },
      });
    }
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

  addClaim(
    poolName: string,
    phase: Phase,
    opts: { capacityType?: string; quiet?: boolean } = {},
  ): string {
    const pool = this.store.get('nodepools', poolName);
    if (!pool) throw new Error(`no NodePool ${poolName} in ${this.name}`);
    const reqs: any[] = pool.spec.template.spec.requirements ?? [];
    const values = (key: string, fallback: string[]) =>
      reqs.find(r => r.key === key && r.operator === 'In')?.values ?? fallback;
    const types: string[] = values('node.kubernetes.io/instance-type', [
      'm5.large',
      'm5.xlarge',
    ]);
    const capacityTypes: string[] = values('karpenter.sh/capacity-type', [
      'on-demand',
    ]);
    const seq = ++this.nodeSeq;
    const facts = {
      nodePool: poolName,
      nodeClass: pool.spec.template.spec.nodeClassRef.name,
      capacityType: (opts.capacityType ??
        this.random.pick(capacityTypes)) as string,
      type: instanceType(this.pickKnownType(types)),
      zone: this.random.pick(this.zones),
      region: this.region,
      nodeName: `ip-10-${Math.floor(seq / 65536) % 256}-${
        Math.floor(seq / 256) % 256
      }-${seq % 256}.${this.region}.compute.internal`,
      instanceId: `i-0${this.random.hex(16)}`,
      claimName: `${poolName}-${this.random.suffix(5)}`,
      taints: pool.spec.template.spec.taints,
      labels: pool.spec.template.metadata?.labels,
      phase,
    };
    this.facts.set(facts.claimName, facts);
    this.writeClaim(facts, pool.metadata.uid);
    if (!opts.quiet) this.reconcileNodePool(poolName);
    return facts.claimName;
  }

  private pickKnownType(types: string[]): string {
    const known = types.filter(t => INSTANCE_TYPES.some(i => i.name === t));
    return known.length ? this.random.pick(known) : 'm5.large';
  }

  private writeClaim(f: NodeFacts & { phase: Phase }, poolUid?: string) {
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
    if (phase === 'initialized') this.reschedulePendingPods(f.nodePool);
  }

  /** Runs a new NodeClaim through launched → registered → initialized over simulated time. */
  launch(poolName: string, capacityType?: string): string {
    const name = this.addClaim(poolName, 'pending', { capacityType });
    this.ctx.schedule(3_000, () => this.setPhase(name, 'launched'));
    if (this.registrationHealthy.get(poolName) !== false) {
      this.ctx.schedule(30_000, () => this.setPhase(name, 'registered'));
      this.ctx.schedule(45_000, () => this.setPhase(name, 'initialized'));
    }
    return name;
  }

  /** Marks a NodeClaim terminating, then deletes it and its Node. */
  terminate(claimName: string, afterMs = 20_000) {
    const f = this.facts.get(claimName);
    if (!f || f.terminating) return;
    f.terminating = true;
    const at = iso(this.ctx.now());
    this.store.update('nodeclaims', claimName, undefined, c => {
      c.metadata.deletionTimestamp = at;
      c.status.conditions = setCondition(
        c.status.conditions,
        condition(
          'DisruptionReason',
          true,
          this.ctx.now(),
          'Interrupted',
          'Interrupted',
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
    this.reconcileNodePool(f.nodePool);
    this.reschedulePendingPods(f.nodePool, f.nodeName);
  }

  private reschedulePendingPods(pool: string, lostNode?: string) {
    const nodes = this.nodesOf(pool);
    for (const pod of this.store.list('pods')) {
      const onLost = lostNode && pod.spec.nodeName === lostNode;
      const pending =
        !pod.spec.nodeName &&
        pod.spec.nodeSelector?.['karpenter.sh/nodepool'] === pool;
      if (!onLost && !pending) continue;
      const target = nodes.length
        ? nodes[this.random.int(nodes.length)]
        : undefined;
      this.store.update(
        'pods',
        pod.metadata.name,
        pod.metadata.namespace,
        p => {
          p.spec.nodeName = target;
          p.status.phase = target ? 'Running' : 'Pending';
        },
      );
    }
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

  reconcileNodeClass(name: string) {
    const nc = this.store.get('ec2nodeclasses', name);
    if (!nc) return;
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
    for (const pool of this.store.list('nodepools')) {
      if (pool.spec.template.spec.nodeClassRef?.name === name)
        this.reconcileNodePool(pool.metadata.name);
    }
  }

  reconcileNodePool(name: string) {
    const pool = this.store.get('nodepools', name);
    if (!pool) return;
    const at = this.ctx.now();
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

  /**
   * Like Karpenter's provisioner: pending pods whose nodeSelector names this NodePool get
   * NodeClaims (one per 3 pods) once the NodePool is Ready, launched → registered → initialized.
   */
  private provisionForPending(name: string) {
    const pool = this.store.get('nodepools', name);
    const ready =
      pool?.status?.conditions?.find((c: any) => c.type === 'Ready')?.status ===
      'True';
    if (!ready || this.claimNames(name).length > 0) return;
    const pending = this.store
      .list('pods')
      .filter(
        p =>
          !p.spec.nodeName &&
          p.spec.nodeSelector?.['karpenter.sh/nodepool'] === name,
      );
    for (let i = 0; i < Math.ceil(pending.length / 3); i++) this.launch(name);
  }

  setRegistrationHealthy(pool: string, healthy: boolean) {
    this.registrationHealthy.set(pool, healthy);
    this.reconcileNodePool(pool);
  }

  // ---------- events ----------

  emitEvent(e: {
    involvedObject: { kind: string; name: string; namespace?: string };
    reason: string;
    message?: string;
    type?: string;
    at?: number;
  }) {
    const at = e.at ?? this.ctx.now();
    const kindInfo: Record<string, { apiVersion: string; plural: string }> = {
      NodeClaim: { apiVersion: 'karpenter.sh/v1', plural: 'nodeclaims' },
      NodePool: { apiVersion: 'karpenter.sh/v1', plural: 'nodepools' },
      Node: { apiVersion: 'v1', plural: 'nodes' },
      Pod: { apiVersion: 'v1', plural: 'pods' },
      EC2NodeClass: {
        apiVersion: 'karpenter.k8s.aws/v1',
        plural: 'ec2nodeclasses',
      },
    };
    const info = kindInfo[e.involvedObject.kind] ?? {
      apiVersion: 'v1',
      plural: '',
    };
    const namespace = e.involvedObject.namespace ?? 'default';
    const message = e.message ?? INTERRUPTION_MESSAGES[e.reason] ?? e.reason;
    const dedupeKey = `${namespace}/${e.involvedObject.kind}/${e.involvedObject.name}/${e.reason}/${message}`;
    const existingName = this.eventIndex.get(dedupeKey);
    const previous = existingName
      ? this.store.get('events', existingName, namespace)
      : undefined;
    const existing =
      previous && at - Date.parse(previous.lastTimestamp) < 10 * 60_000
        ? previous
        : undefined;
    if (existing) {
      return this.store.update(
        'events',
        existing.metadata.name,
        namespace,
        ev => {
          ev.count += 1;
          ev.lastTimestamp = iso(at);
        },
      );
    }
    const target = info.plural
      ? this.store.get(
          info.plural,
          e.involvedObject.name,
          e.involvedObject.namespace,
        )
      : undefined;
    const eventName = `${e.involvedObject.name}.${this.random.hex(16)}`;
    this.eventIndex.set(dedupeKey, eventName);
    return this.store.put('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: eventName,
        namespace,
        uid: randomUUID(),
        creationTimestamp: iso(at),
      },
      involvedObject: {
        kind: e.involvedObject.kind,
        name: e.involvedObject.name,
        namespace: e.involvedObject.namespace,
        apiVersion: info.apiVersion,
        uid: target?.metadata?.uid,
      },
      reason: e.reason,
      message,
      source: { component: 'karpenter' },
      firstTimestamp: iso(at),
      lastTimestamp: iso(at),
      count: 1,
      type:
        e.type ??
        (/(Interrupted|Stopping|Terminating|Unhealthy|Blocked|Failed)/.test(
          e.reason,
        )
          ? 'Warning'
          : 'Normal'),
      eventTime: null,
      reportingComponent: 'karpenter',
      reportingInstance: 'karpenter-6f7b9c5d4-x2x9z',
    });
  }

  private seedEvents(count: number) {
    const claims = this.claimNames();
    if (!claims.length) return;
    const reasons = [
      'SpotInterrupted',
      'SpotRebalanceRecommendation',
      'DisruptionTerminating',
      'Unconsolidatable',
      'DisruptionBlocked',
      'InstanceTerminating',
    ];
    const now = this.ctx.now();
    for (let i = 0; i < count; i++) {
      const claim = claims[i % claims.length];
      this.emitEvent({
        involvedObject: { kind: 'NodeClaim', name: claim },
        reason: reasons[i % reasons.length],
        message: `${INTERRUPTION_MESSAGES[reasons[i % reasons.length]]} (${i})`,
        at: now - Math.floor((count - i) * (3_600_000 / Math.max(1, count))),
      });
    }
  }

  // ---------- interruptions ----------

  /** EC2 spot interruption of some NodeClaims: queue message, events, termination, replacement. */
  interrupt(
    opts: {
      nodeClaim?: string;
      nodePool?: string;
      count?: number;
      reason?: string;
    } = {},
  ): string[] {
    const candidates = opts.nodeClaim
      ? [opts.nodeClaim].filter(n => this.facts.has(n))
      : this.claimNames(opts.nodePool).filter(n => {
          const f = this.facts.get(n)!;
          return (
            f.phase === 'initialized' &&
            (opts.reason || f.capacityType === 'spot')
          );
        });
    const picked: string[] = [];
    while (picked.length < (opts.count ?? 1) && candidates.length) {
      picked.push(candidates.splice(this.random.int(candidates.length), 1)[0]);
    }
    const reason = opts.reason ?? 'SpotInterrupted';
    for (const claim of picked) {
      const f = this.facts.get(claim)!;
      const at = this.ctx.now();
      this.queue.send(
        JSON.stringify({
          version: '0',
          id: randomUUID(),
          'detail-type': 'EC2 Spot Instance Interruption Warning',
          source: 'aws.ec2',
          account: '000000000000',
          time: iso(at),
          region: this.region,
          resources: [
            `arn:aws:ec2:${this.region}:000000000000:instance/${f.instanceId}`,
          ],
          detail: {
            'instance-id': f.instanceId,
            'instance-action': 'terminate',
          },
        }),
      );
      this.emitEvent({
        involvedObject: { kind: 'NodeClaim', name: claim },
        reason,
      });
      this.emitEvent({
        involvedObject: { kind: 'Node', name: f.nodeName },
        reason,
      });
      this.emitEvent({
        involvedObject: { kind: 'NodeClaim', name: claim },
        reason: 'TerminatingOnInterruption',
      });
      this.ctx.schedule(2_000, () => {
        this.terminate(claim);
        this.launch(f.nodePool, f.capacityType);
      });
    }
    return picked;
  }

  /** Consolidation: a NodeClaim of the pool is disrupted and removed without replacement. */
  consolidate(pool: string): string | undefined {
    const claim = this.claimNames(pool)[0];
    if (!claim) return undefined;
    this.emitEvent({
      involvedObject: { kind: 'NodeClaim', name: claim },
      reason: 'DisruptionTerminating',
      message: 'Disrupting NodeClaim: Underutilized/Delete',
    });
    this.terminate(claim, 10_000);
    return claim;
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

function hashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++)
    h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
