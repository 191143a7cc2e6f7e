import { NodeMapping } from '../../database';

/** The part of a core/v1 Event the recorder reads. @internal */
export interface KubeEvent {
  metadata: {
    uid?: string;
    name?: string;
    namespace?: string;
    resourceVersion?: string;
  };
  involvedObject?: {
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
  };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | Date;
  lastTimestamp?: string | Date;
  eventTime?: string | Date;
}

/** A watch notification. @internal */
export type WatchNotification =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeEvent }
  | { type: 'BOOKMARK'; resourceVersion: string };

/**
 * Where events come from: a cluster's events API, per namespace.
 *
 * @internal
 */
export interface EventSource {
  /**
   * Lists a namespace's events page by page, handing each page to `onPage` before the next is
   * fetched (so a catch-up of tens of thousands of events holds one page, not all of them);
   * resolves with the list's resourceVersion.
   */
  list(
    namespace: string,
    onPage: (items: KubeEvent[]) => Promise<void>,
  ): Promise<{ resourceVersion: string }>;
  /**
   * Watches from `resourceVersion` until the signal aborts or the server ends the watch.
   * Rejects with an error whose `statusCode` is 410 when the version expired.
   */
  watch(
    namespace: string,
    resourceVersion: string,
    onNotification: (notification: WatchNotification) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

/** What the recorder learns about the involved NodeClaim/Node at the time of the event. @internal */
export interface InvolvedObjectFacts {
  nodeClaim?: string;
  /** When the NodeClaim was created (epoch ms), if known. */
  nodeClaimSinceMs?: number;
  node?: string;
  nodePool?: string;
  capacityType?: string;
  instanceType?: string;
  zone?: string;
}

/** Looks up the NodeClaim/Node/NodePool an event is about. @internal */
export interface InvolvedObjectResolver {
  resolve(involved: {
    kind?: string;
    name?: string;
  }): Promise<InvolvedObjectFacts>;
  /** Every Node → NodeClaim mapping known now (remembered by the recorder when it catches up). */
  known?(): Promise<NodeMapping[]>;
}
