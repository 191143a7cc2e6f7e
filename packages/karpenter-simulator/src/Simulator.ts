import { ApiServer } from './k8s/ApiServer';
import { storeOf } from './k8s/resources';
import type {
  Fault,
  KubeObject,
  ObjectOfKind,
  RequestLogEntry,
  SimEvent,
} from './k8s/types';
import { WriteHandler } from './k8s/writes';
import { Random } from './model/random';
import {
  checkPricingFault,
  PriceTable,
  PricingEndpoints,
  ScenarioPriceTable,
  startPricingServers,
} from './pricing';
import { loadScenario } from './scenario/load';
import { Scenario, TimelineStep } from './scenario/types';
import { RawEvent } from './karpenter/eventRecorder';
import { SimCluster } from './SimCluster';
import { Queue } from './sqs/Queue';
import { SqsServer } from './sqs/SqsServer';

/** @public */
export interface SimulatorOptions {
  scenario: string | Scenario;
  /** Fixed ports (default: any free one) of the SQS, Price List and EC2 endpoints and clusters. */
  ports?: {
    sqs?: number;
    pricing?: number;
    ec2?: number;
    clusters?: Record<string, number>;
  };
  /** Run the timeline on a real-time timer (the CLI); tests call `advance`. */
  autoAdvance?: boolean;
  /** Simulated seconds per real second with autoAdvance (default 1). */
  timeAcceleration?: number;
  seed?: number;
  /** Bookmark interval of watches (default 5 s). */
  bookmarkIntervalMs?: number;
}

/** One simulated cluster as clients reach it. @public */
export interface SimulatedClusterInfo {
  name: string;
  title?: string;
  url: string;
  token?: string;
  /** The API server requires EKS tokens valid this long (see `ScenarioCluster.eksTokens`). */
  eksTokens?: { lifetimeSeconds: number };
  queueName: string;
  queueUrl: string;
  region: string;
}

/** The handle tests use to read and change one cluster. @public */
export interface ClusterHandle {
  name: string;
  /** Creates or replaces a copy of the object; returns the copy as stored. */
  apply<T extends KubeObject & { kind: string }>(obj: T): T;
  delete<K extends string>(
    kind: K,
    name: string,
    namespace?: string,
  ): ObjectOfKind<K> | undefined;
  /**
   * The objects of a kind. Untyped for now: the tests of the simulator and karpenter-backend
   * read fields of what `list` and `get` return without narrowing; the typed reads are
   * `runtime.store.list(plural)` and `runtime.store.get(plural, …)`.
   */
  list(kind: string): any[];
  /** One object of a kind, or undefined; untyped for now (see `list`). */
  get(kind: string, name: string, namespace?: string): any;
  /**
   * An Event through client-go's recorder (no Karpenter dedupe); `at` defaults to now. Undefined
   * when client-go's spam filter drops it.
   */
  emitEvent(e: RawEvent): SimEvent | undefined;
  /** The runtime, for advanced use (lifecycles, reconciliation). */
  runtime: SimCluster;
}

interface Scheduled {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A running simulator: one Kubernetes API server per cluster, one SQS endpoint and the two AWS
 * pricing APIs (Price List GetProducts, EC2 DescribeSpotPriceHistory), all on 127.0.0.1, driven
 * by a scenario and a simulated clock.
 * @public
 */
export class Simulator {
  clusters: SimulatedClusterInfo[] = [];
  sqsEndpoint = '';
  /** The Price List API (AWS JSON 1.1, `AWSPriceListService.GetProducts`). */
  pricingEndpoint = '';
  /** EC2 (query protocol, `DescribeSpotPriceHistory`). */
  ec2Endpoint = '';
  /** The prices both pricing APIs serve (read it to compute expected costs). */
  readonly prices: PriceTable;
  readonly requests: RequestLogEntry[] = [];
  private readonly runtimes = new Map<string, SimCluster>();
  private readonly servers = new Map<string, ApiServer>();
  private sqs?: SqsServer;
  private pricing?: PricingEndpoints;
  private faults: Fault[] = [];
  private faultSeq = 0;
  private clock: number;
  private readonly startedAt: number;
  private queue: Scheduled[] = [];
  private seq = 0;
  private timer?: NodeJS.Timeout;
  private readonly random: Random;
  private readonly scenario: Scenario;

  constructor(private readonly options: SimulatorOptions) {
    this.scenario = loadScenario(options.scenario);
    this.random = new Random(options.seed ?? this.scenario.seed ?? 42);
    this.prices = new ScenarioPriceTable(this.scenario);
    this.clock = Date.now();
    this.startedAt = this.clock;
  }

  now(): number {
    return this.clock;
  }

  /** Runs `fn` after `delayMs` of simulated time. */
  schedule(delayMs: number, fn: () => void) {
    this.queue.push({ at: this.clock + delayMs, seq: this.seq++, fn });
    this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  async start(): Promise<this> {
    const ctx = {
      now: () => this.clock,
      schedule: (d: number, fn: () => void) => this.schedule(d, fn),
    };
    const queues = new Map<string, Queue>();
    for (const config of this.scenario.clusters) {
      const runtime = new SimCluster(config, ctx, this.random, this.prices);
      runtime.build();
      this.runtimes.set(config.name, runtime);
      queues.set(runtime.queue.name, runtime.queue);
    }
    this.sqs = new SqsServer(queues, {
      faults: () => this.faults,
      consumeFault: f => this.removeFault(f),
      log: e => this.requests.push(e),
      clusterOfQueue: name =>
        [...this.runtimes.values()].find(r => r.queue.name === name)?.name,
    });
    this.sqsEndpoint = await this.sqs.listen(this.options.ports?.sqs ?? 0);
    this.pricing = await startPricingServers(
      {
        prices: this.prices,
        faults: () => this.faults,
        consumeFault: f => this.removeFault(f),
        log: e => this.requests.push(e),
        // the prices are as they were on the hour before start
        pricesSince: () => Math.floor(this.startedAt / 3_600_000) * 3_600_000,
      },
      this.options.ports,
    );
    this.pricingEndpoint = this.pricing.pricingEndpoint;
    this.ec2Endpoint = this.pricing.ec2Endpoint;
    for (const [name, runtime] of this.runtimes) {
      const server = new ApiServer({
        cluster: name,
        store: runtime.store,
        token: runtime.config.token,
        eksTokens: runtime.config.eksTokens,
        forbidden: runtime.config.forbidden,
        faults: () => this.faults,
        consumeFault: f => this.removeFault(f),
        log: e => this.requests.push(e),
        now: () => this.clock,
        bookmarkIntervalMs: this.options.bookmarkIntervalMs,
        writes: new WriteHandler(runtime.store, (kind, objName) =>
          runtime.changed(kind, objName),
        ),
      });
      const url = await server.listen(
        this.options.ports?.clusters?.[name] ?? 0,
      );
      this.servers.set(name, server);
      this.clusters.push({
        name,
        title: runtime.config.title,
        url,
        token: runtime.config.token,
        eksTokens: runtime.config.eksTokens,
        queueName: runtime.queue.name,
        queueUrl: this.sqs.queueUrl(runtime.queue.name),
        region: runtime.region,
      });
    }
    for (const config of this.scenario.clusters)
      for (const fault of config.faults ?? [])
        this.injectFault({ ...fault, cluster: config.name });
    this.scheduleTimeline(this.scenario.timeline ?? []);
    this.scheduleConsumers();
    this.scheduleInterruptions();
    if (this.options.autoAdvance) {
      const acceleration = this.options.timeAcceleration ?? 1;
      this.timer = setInterval(
        () => void this.advance(1000 * acceleration),
        1000,
      );
      this.timer.unref?.();
    }
    return this;
  }

  private scheduleTimeline(steps: TimelineStep[]) {
    for (const step of steps) {
      this.schedule(step.at * 1000, () => this.runStep(step));
    }
  }

  /**
   * Runs one timeline action now (`scenario/timeline.ts`); `hitCpuLimit` and `addPods` answer the
   * new pods' names.
   */
  runStep(step: TimelineStep): string[] | undefined {
    return this.runtime(step.cluster).runStep(step);
  }

  private scheduleConsumers() {
    const tick = () => {
      for (const runtime of this.runtimes.values()) {
        runtime.consume(() =>
          this.requests.push({
            service: 'sqs',
            cluster: runtime.name,
            method: 'POST',
            path: '/',
            action: 'ReceiveMessage',
            by: 'consumer',
            at: Date.now(),
          }),
        );
      }
      this.schedule(1_000, tick);
    };
    this.schedule(1_000, tick);
  }

  private scheduleInterruptions() {
    for (const runtime of this.runtimes.values()) {
      const every = runtime.config.interruptEverySeconds;
      if (!every) continue;
      const tick = () => {
        runtime.interrupt({});
        this.schedule(every * 1000, tick);
      };
      this.schedule(every * 1000, tick);
    }
  }

  /** Advances simulated time by `ms`, running everything scheduled until then. */
  async advance(ms: number): Promise<void> {
    const target = this.clock + ms;
    while (this.queue.length && this.queue[0].at <= target) {
      const next = this.queue.shift()!;
      this.clock = Math.max(this.clock, next.at);
      next.fn();
    }
    this.clock = target;
  }

  /** Simulated milliseconds since start. */
  elapsed(): number {
    return this.clock - this.startedAt;
  }

  runtime(name: string): SimCluster {
    const runtime = this.runtimes.get(name);
    if (!runtime) throw new Error(`no simulated cluster ${name}`);
    return runtime;
  }

  server(name: string): ApiServer {
    return this.servers.get(name)!;
  }

  /**
   * Makes a cluster's API server require EKS tokens valid `lifetimeSeconds` after signing
   * (undefined: back to the scenario's authentication).
   */
  setEksTokens(cluster: string, lifetimeSeconds: number | undefined) {
    const server = this.servers.get(cluster);
    if (!server) throw new Error(`no simulated cluster ${cluster}`);
    const policy =
      lifetimeSeconds === undefined ? undefined : { lifetimeSeconds };
    server.setEksTokenPolicy(policy);
    const info = this.clusters.find(c => c.name === cluster);
    if (info) info.eksTokens = policy;
  }

  cluster(name: string): ClusterHandle {
    const runtime = this.runtime(name);
    return {
      name,
      runtime,
      apply: obj => {
        const plural = storeOf(obj.kind);
        const saved = structuredClone(obj);
        runtime.store.put(plural, saved); // saves (and returns) the copy given
        runtime.changed(obj.kind, obj.metadata.name);
        return saved;
      },
      delete: <K extends string>(
        kind: K,
        objName: string,
        namespace?: string,
      ) => {
        const deleted = runtime.store.delete(storeOf(kind), objName, namespace);
        runtime.changed(kind, objName);
        return deleted as ObjectOfKind<K> | undefined;
      },
      list: kind => runtime.store.list(storeOf(kind)),
      get: (kind, objName, namespace) =>
        runtime.store.get(storeOf(kind), objName, namespace),
      emitEvent: e => runtime.emitEvent(e),
    };
  }

  interrupt(opts: {
    cluster: string;
    nodeClaim?: string;
    nodePool?: string;
    count?: number;
    reason?: string;
  }): string[] {
    return this.runtime(opts.cluster).interrupt(opts);
  }

  /**
   * A fault in effect until removed (or, `once`, for one request): Kubernetes API faults, SQS
   * errors (`sqsError`) and pricing API errors and delays (`pricingError`, `service`).
   */
  injectFault(fault: Fault): string {
    checkPricingFault(fault);
    const id = fault.id ?? `fault-${++this.faultSeq}`;
    this.faults.push({ ...fault, id });
    if (fault.dropWatchAfterMs === 0) {
      for (const [name, server] of this.servers)
        if (!fault.cluster || fault.cluster === name) server.dropWatches();
    }
    return id;
  }

  removeFault(fault: Fault | string) {
    const id = typeof fault === 'string' ? fault : fault.id;
    this.faults = this.faults.filter(f => f.id !== id);
  }

  clearFaults() {
    this.faults = [];
  }

  pauseConsumer(cluster: string) {
    this.runtime(cluster).consumerPaused = true;
  }

  resumeConsumer(cluster: string) {
    this.runtime(cluster).consumerPaused = false;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.servers.values()].map(s => s.close()));
    await this.sqs?.close();
    await this.pricing?.close();
  }
}

/** Starts a simulator and resolves when every server listens. @public */
export async function startSimulator(
  options: SimulatorOptions,
): Promise<Simulator> {
  return new Simulator(options).start();
}
