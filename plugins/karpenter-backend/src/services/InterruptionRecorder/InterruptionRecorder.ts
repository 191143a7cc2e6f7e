import { LoggerService } from '@backstage/backend-plugin-api';
import { InterruptionStore, NodeMapping } from '../../database';
import { httpStatusOf } from '../ClusterCache/errors';
import { isRecordable, toRecords } from './toRecords';
import {
  EventSource,
  InvolvedObjectFacts,
  InvolvedObjectResolver,
  KubeEvent,
  WatchNotification,
} from './types';

/** @internal */
export interface InterruptionRecorderOptions {
  cluster: string;
  /** `default` (events of cluster-scoped NodeClaims/Nodes/NodePools) and Karpenter's namespace. */
  namespaces: string[];
  source: EventSource;
  resolver: InvolvedObjectResolver;
  store: InterruptionStore;
  logger: LoggerService;
  /**
   * Where the previous run on this instance stopped, per namespace (a resourceVersion every
   * event before which is recorded). A run resumes its watch from there instead of listing
   * every event again (a re-list of a busy cluster's events each minute costs the API server
   * and this backend the whole list each time); a 410 Gone, a failed record or a missing cursor
   * falls back to the list. Shared by the runs of one cluster; absent: every run lists.
   */
  cursors?: Map<string, string>;
}

/**
 * Records a cluster's Karpenter interruption and disruption events into the store. A run lists
 * the events still present (catching up after a restart: the store's unique index makes repeats
 * harmless and `knownOccurrences` skips what is stored), then watches until its time is up.
 * Runs are scheduled through the SchedulerService, so one backend instance records a cluster at
 * a time.
 *
 * @internal
 */
export class InterruptionRecorder {
  constructor(private readonly options: InterruptionRecorderOptions) {}

  /** Stores the new occurrences of the given events; returns how many records were added. */
  async record(events: KubeEvent[]): Promise<number> {
    const recordable = events.filter(isRecordable);
    if (recordable.length === 0) {
      return 0;
    }
    const { cluster, store, resolver } = this.options;
    const known = await store.knownOccurrences(
      cluster,
      recordable.map(e => e.metadata.uid!),
    );
    const pending: Array<{
      event: KubeEvent;
      stored: number;
      facts: InvolvedObjectFacts;
    }> = [];
    for (const event of recordable) {
      const stored = known.get(event.metadata.uid!) ?? 0;
      if (Number(event.count ?? 1) <= stored) {
        continue;
      }
      const facts = await resolver.resolve(event.involvedObject ?? {});
      pending.push({ event, stored, facts });
    }
    await this.resolveRemembered(pending);
    await this.remember(
      pending.flatMap(({ facts: { nodeClaimSinceMs, ...facts } }) =>
        facts.node && facts.nodeClaim
          ? [
              {
                ...facts,
                node: facts.node,
                nodeClaim: facts.nodeClaim,
                sinceMs: nodeClaimSinceMs,
              },
            ]
          : [],
      ),
    );
    return store.addRecords(
      pending.flatMap(p => toRecords(cluster, p.event, p.stored, p.facts)),
    );
  }

  /**
   * A Node the cache does not resolve to a NodeClaim (it is gone) resolves to the NodeClaim
   * remembered for it, with that NodeClaim's facts — when the event is not older than that
   * NodeClaim (Node names are private IPs, which EC2 reuses).
   */
  private async resolveRemembered(
    pending: Array<{ event: KubeEvent; facts: InvolvedObjectFacts }>,
  ) {
    const unresolved = pending.filter(p => p.facts.node && !p.facts.nodeClaim);
    if (!unresolved.length) return;
    const remembered = await this.options.store.lookupNodes(
      this.options.cluster,
      [...new Set(unresolved.map(p => p.facts.node!))],
    );
    for (const { event, facts: f } of unresolved) {
      const m = remembered.get(f.node!);
      const at = Date.parse(
        String(event.firstTimestamp ?? event.eventTime ?? event.lastTimestamp),
      );
      if (!m || (m.sinceMs && at < m.sinceMs)) continue;
      f.nodeClaim = m.nodeClaim;
      f.nodePool ??= m.nodePool;
      f.capacityType ??= m.capacityType;
      f.instanceType ??= m.instanceType;
      f.zone ??= m.zone;
    }
  }

  /** Remembers Node → NodeClaim mappings (and re-derives earlier Node-only records). */
  private async remember(mappings: NodeMapping[]) {
    if (!mappings.length) return;
    await this.options.store.rememberNodes(
      this.options.cluster,
      mappings,
      Date.now(),
    );
  }

  /** Remembers every Node → NodeClaim mapping the cluster's cache knows now. */
  private async rememberKnown() {
    await this.remember((await this.options.resolver.known?.()) ?? []);
  }

  /** Lists and records every event still present in one namespace; returns the list's version. */
  async catchUp(namespace: string): Promise<string> {
    await this.rememberKnown();
    let added = 0;
    // Page by page: a catch-up of a busy cluster's events never holds them all at once.
    const { resourceVersion } = await this.options.source.list(
      namespace,
      async items => {
        added += await this.record(items);
      },
    );
    if (added > 0) {
      this.options.logger.info('Recorded Karpenter events', {
        cluster: this.options.cluster,
        namespace,
        added,
      });
    }
    return resourceVersion;
  }

  /**
   * Catches up (or resumes from the previous run's cursor), then watches every namespace until
   * `signal` aborts or `durationMs` passes.
   */
  async run(signal: AbortSignal, durationMs: number): Promise<void> {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), durationMs);
    const onAbort = () => stop.abort();
    signal.addEventListener('abort', onAbort);
    try {
      await Promise.all(
        this.options.namespaces.map(namespace =>
          this.follow(namespace, stop.signal),
        ),
      );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async follow(namespace: string, signal: AbortSignal): Promise<void> {
    const { cursors } = this.options;
    const saved = cursors?.get(namespace);
    cursors?.delete(namespace);
    let resourceVersion: string;
    if (saved) {
      // What the list would add: Node → NodeClaim mappings of NodeClaims created since.
      await this.rememberKnown();
      resourceVersion = saved;
    } else {
      resourceVersion = await this.catchUp(namespace);
    }
    const cursor = { resourceVersion, failed: false };
    let renewed = false;
    try {
      while (!signal.aborted) {
        const pending = { queue: Promise.resolve() };
        try {
          await this.options.source.watch(
            namespace,
            cursor.resourceVersion,
            n => this.onNotification(n, cursor, pending),
            signal,
          );
          await pending.queue;
          renewed = false;
        } catch (error) {
          await pending.queue;
          if (signal.aborted) {
            return;
          }
          const status = httpStatusOf(error);
          if (status === 401 && !renewed) {
            // expired credentials (an EKS token lives 15 min): the source renews them; the
            // watch resumes from the cursor at once, without listing (once in a row)
            renewed = true;
            continue;
          }
          if (status !== 410) {
            throw error;
          }
          renewed = false;
          cursor.resourceVersion = await this.catchUp(namespace);
          cursor.failed = false;
        }
      }
    } finally {
      // Every notification up to the cursor is recorded (the queue was awaited) unless a record
      // failed: then the next run lists again, so the failed one is retried.
      if (!cursor.failed) cursors?.set(namespace, cursor.resourceVersion);
    }
  }

  /** Follows the version and records added/modified events in order. */
  private onNotification(
    n: WatchNotification,
    cursor: { resourceVersion: string; failed: boolean },
    pending: { queue: Promise<void> },
  ) {
    if (n.type === 'BOOKMARK') {
      cursor.resourceVersion = n.resourceVersion;
      return;
    }
    cursor.resourceVersion =
      n.object.metadata?.resourceVersion ?? cursor.resourceVersion;
    if (n.type === 'DELETED') {
      return;
    }
    pending.queue = pending.queue
      .then(() => this.record([n.object]))
      .then(
        () => undefined,
        error => {
          cursor.failed = true;
          this.options.logger.warn('Could not record a Karpenter event', {
            cluster: this.options.cluster,
            error: String(error),
          });
        },
      );
  }
}
