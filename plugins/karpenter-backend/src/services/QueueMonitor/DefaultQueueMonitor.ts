import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  assessQueueBacklog,
  QueueStatus,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InterruptionStore } from '../../database';
import { classifySqsError, displayQueueName } from './sqsErrors';
import { QueueMonitor, QueueReading, QueueTarget } from './types';

const ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
] as const;

/** @internal */
export interface DefaultQueueMonitorOptions {
  targets: QueueTarget[];
  store: InterruptionStore;
  clientFor: (target: QueueTarget) => Promise<SQSClient>;
  logger: LoggerService;
  backlogWindowMs: number;
  now?: () => number;
}

const isQueueUrl = (queue: string) => /^https?:\/\//.test(queue);

/**
 * Samples interruption queues with GetQueueUrl + GetQueueAttributes and derives their status
 * from the stored readings.
 *
 * @internal
 */
export class DefaultQueueMonitor implements QueueMonitor {
  private targets: Map<string, QueueTarget>;
  private readonly clients = new Map<string, Promise<SQSClient>>();
  private readonly urls = new Map<string, string>();
  private readonly now: () => number;

  constructor(private readonly options: DefaultQueueMonitorOptions) {
    this.targets = new Map(options.targets.map(t => [t.cluster, t]));
    this.now = options.now ?? Date.now;
  }

  /**
   * Replaces the targets (clusters refreshed from a supplier); the clients and queue URLs of
   * removed or changed targets are dropped.
   */
  setTargets(targets: QueueTarget[]) {
    const next = new Map(targets.map(t => [t.cluster, t]));
    for (const [cluster, before] of this.targets) {
      const after = next.get(cluster);
      if (!after || JSON.stringify(after) !== JSON.stringify(before)) {
        this.clients.delete(cluster);
        this.urls.delete(cluster);
      }
    }
    this.targets = next;
  }

  /** Clusters with a queue configured. */
  configuredClusters(): string[] {
    return [...this.targets.values()].filter(t => t.queue).map(t => t.cluster);
  }

  private target(cluster: string): QueueTarget {
    const target = this.targets.get(cluster);
    if (!target) {
      throw new NotFoundError(`No cluster named '${cluster}' is configured`);
    }
    return target;
  }

  private client(target: QueueTarget): Promise<SQSClient> {
    let client = this.clients.get(target.cluster);
    if (!client) {
      client = this.options.clientFor(target);
      client.catch(() => this.clients.delete(target.cluster));
      this.clients.set(target.cluster, client);
    }
    return client;
  }

  private async queueUrl(
    target: QueueTarget,
    client: SQSClient,
  ): Promise<string> {
    const queue = target.queue!;
    if (isQueueUrl(queue)) {
      return queue;
    }
    const cached = this.urls.get(target.cluster);
    if (cached) {
      return cached;
    }
    const { QueueUrl } = await client.send(
      new GetQueueUrlCommand({ QueueName: queue }),
    );
    if (!QueueUrl) {
      throw Object.assign(
        new Error(`GetQueueUrl returned no URL for ${queue}`),
        {
          name: 'QueueDoesNotExist',
        },
      );
    }
    this.urls.set(target.cluster, QueueUrl);
    return QueueUrl;
  }

  async sample(cluster: string): Promise<QueueReading> {
    const target = this.target(cluster);
    const time = new Date(this.now()).toISOString();
    if (!target.queue) {
      return {
        ok: false,
        time,
        code: 'ERROR',
        message: 'No interruption queue configured',
      };
    }
    try {
      const client = await this.client(target);
      const QueueUrl = await this.queueUrl(target, client);
      const { Attributes = {} } = await client.send(
        new GetQueueAttributesCommand({
          QueueUrl,
          AttributeNames: [...ATTRIBUTES],
        }),
      );
      const sample = {
        time,
        visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
        notVisible: Number(
          Attributes.ApproximateNumberOfMessagesNotVisible ?? 0,
        ),
        delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
      };
      await this.options.store.addQueueSample(cluster, sample);
      return { ok: true, sample };
    } catch (error) {
      const { code, message } = classifySqsError(error);
      if (code === 'QUEUE_NOT_FOUND') {
        this.urls.delete(cluster);
      }
      this.options.logger.warn('Could not read the interruption queue', {
        cluster,
        queue: target.queue,
        code,
        // the AWS text goes to the log only (it can name the account and the role)
        error: String((error as Error)?.message ?? error),
      });
      await this.options.store.addQueueSample(
        cluster,
        { time, visible: 0, notVisible: 0, delayed: 0 },
        { code, message },
      );
      return { ok: false, time, code, message };
    }
  }

  async getStatus(
    cluster: string,
    options: { samplesSinceMs?: number } = {},
  ): Promise<QueueStatus> {
    const target = this.target(cluster);
    if (!target.queue) {
      return {
        cluster,
        state: 'not-configured',
        message: 'No interruption queue configured for this cluster',
      };
    }
    const now = this.now();
    const windowMs = this.options.backlogWindowMs;
    const since = Math.min(options.samplesSinceMs ?? now, now - 2 * windowMs);
    const [latest, samples] = await Promise.all([
      this.options.store.latestQueueReading(cluster),
      this.options.store.listQueueSamples(cluster, since),
    ]);
    const base = {
      cluster,
      queueName: displayQueueName(target.queue),
      samples: options.samplesSinceMs !== undefined ? samples : undefined,
    };
    if (latest?.error) {
      return {
        ...base,
        state: 'error',
        message: latest.error.message,
        error: { code: latest.error.code, message: latest.error.message },
      };
    }
    const assessment = assessQueueBacklog(samples, now, windowMs);
    return {
      ...base,
      state: assessment.state,
      message: assessment.message,
      latest: assessment.latest,
      backlogSince: assessment.backlogSince,
    };
  }
}
