import {
  InterruptionRecord,
  QueueSample,
  RecordedReason,
  UNKNOWN_LABEL,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  InterruptionCounts,
  InterruptionPage,
  InterruptionQuery,
  InterruptionStore,
  QueueReadError,
} from './InterruptionStore';

const RECORDS = 'karpenter_interruptions';
const SAMPLES = 'karpenter_queue_samples';
const CHUNK = 200;
/** The dimensions counted by the database, as columns. */
const DIMENSIONS = {
  byNodePool: 'node_pool',
  byCapacityType: 'capacity_type',
  byInstanceType: 'instance_type',
  byZone: 'zone',
} as const;

interface RecordRow {
  id: number | string;
  cluster: string;
  event_uid: string;
  occurrence: number;
  occurred_at: number | string;
  reason: string;
  type: string;
  message: string;
  node_claim: string | null;
  node: string | null;
  node_pool: string | null;
  capacity_type: string | null;
  instance_type: string | null;
  zone: string | null;
}

const opt = (value: string | null) => value ?? undefined;

function toRow(r: InterruptionRecord): Omit<RecordRow, 'id'> {
  return {
    cluster: r.cluster,
    event_uid: r.eventUid,
    occurrence: r.occurrence,
    occurred_at: Date.parse(r.time),
    reason: r.reason,
    type: r.type,
    message: r.message,
    node_claim: r.nodeClaim ?? null,
    node: r.node ?? null,
    node_pool: r.nodePool ?? null,
    capacity_type: r.capacityType ?? null,
    instance_type: r.instanceType ?? null,
    zone: r.zone ?? null,
  };
}

function fromRow(row: RecordRow): InterruptionRecord {
  return {
    cluster: row.cluster,
    eventUid: row.event_uid,
    occurrence: Number(row.occurrence),
    time: new Date(Number(row.occurred_at)).toISOString(),
    reason: row.reason as RecordedReason,
    type: row.type,
    message: row.message,
    nodeClaim: opt(row.node_claim),
    node: opt(row.node),
    nodePool: opt(row.node_pool),
    capacityType: opt(row.capacity_type),
    instanceType: opt(row.instance_type),
    zone: opt(row.zone),
  };
}

function encodeCursor(row: RecordRow): string {
  return Buffer.from(`${Number(row.occurred_at)}:${row.id}`).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { at: number; id: number } {
  const [at, id] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split(':')
    .map(Number);
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(id)) {
    throw new InputError('cursor: not a cursor returned by this API');
  }
  return { at, id };
}

/**
 * {@link InterruptionStore} on the plugin's knex database (SQLite or PostgreSQL). Deduplication
 * is the unique index on (cluster, event_uid, occurrence), so two backend instances inserting the
 * same event store it once.
 *
 * @internal
 */
export class DatabaseInterruptionStore implements InterruptionStore {
  constructor(private readonly db: Knex) {}

  async addRecords(records: InterruptionRecord[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const rows = records.slice(i, i + CHUNK).map(toRow);
      const inserted = await this.db(RECORDS)
        .insert(rows)
        .onConflict(['cluster', 'event_uid', 'occurrence'])
        .ignore()
        .returning('id');
      added += inserted.length;
    }
    return added;
  }

  private filtered(query: InterruptionQuery) {
    const q = this.db<RecordRow>(RECORDS)
      .where('cluster', query.cluster)
      .where('occurred_at', '>=', query.fromMs)
      .where('occurred_at', '<', query.toMs);
    if (query.nodePool) {
      q.where('node_pool', query.nodePool);
    }
    if (query.nodePools) {
      q.whereIn('node_pool', query.nodePools);
    }
    if (query.reason) {
      q.where('reason', query.reason);
    }
    return q;
  }

  /**
   * Counts in the database (GROUP BY), so a day of a large cluster — tens of thousands of
   * records — never crosses into JavaScript row by row.
   */
  async countRecords(
    query: InterruptionQuery,
    bucketMs: number,
  ): Promise<InterruptionCounts> {
    const bucketStart = this.db.raw('occurred_at - (occurred_at % ?)', [
      bucketMs,
    ]);
    const perBucket = this.filtered(query)
      .select({ bucket_start: bucketStart, reason: 'reason' })
      .count({ n: '*' })
      .groupBy('bucket_start', 'reason');
    const dimensions = Object.entries(DIMENSIONS).map(async ([key, column]) => {
      const rows = (await this.filtered(query)
        .select({ value: column })
        .count({ n: '*' })
        .groupBy(column)) as Array<{ value: string | null; n: number }>;
      const counts: Record<string, number> = {};
      for (const row of rows) {
        const label = row.value || UNKNOWN_LABEL;
        counts[label] = (counts[label] ?? 0) + Number(row.n);
      }
      return [key, counts] as const;
    });
    const [buckets, ...byDimension] = await Promise.all([
      perBucket,
      ...dimensions,
    ]);
    return {
      perBucket: (
        buckets as Array<{ bucket_start: number; reason: string; n: number }>
      ).map(row => ({
        startMs: Number(row.bucket_start),
        reason: row.reason as RecordedReason,
        count: Number(row.n),
      })),
      ...(Object.fromEntries(byDimension) as Omit<
        InterruptionCounts,
        'perBucket'
      >),
    };
  }

  async listRecords(
    query: InterruptionQuery & { limit: number; cursor?: string },
  ): Promise<InterruptionPage> {
    const q = this.filtered(query);
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor);
      q.where(inner =>
        inner
          .where('occurred_at', '<', at)
          .orWhere(same => same.where('occurred_at', at).where('id', '<', id)),
      );
    }
    const rows = (await q
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit + 1)
      .select('*')) as RecordRow[];
    const page = rows.slice(0, query.limit);
    return {
      records: page.map(fromRow),
      nextCursor:
        rows.length > query.limit
          ? encodeCursor(page[page.length - 1])
          : undefined,
    };
  }

  async knownOccurrences(
    cluster: string,
    eventUids: string[],
  ): Promise<Map<string, number>> {
    const known = new Map<string, number>();
    for (let i = 0; i < eventUids.length; i += 500) {
      const rows = await this.db(RECORDS)
        .where('cluster', cluster)
        .whereIn('event_uid', eventUids.slice(i, i + 500))
        .groupBy('event_uid')
        .select('event_uid')
        .max({ occurrence: 'occurrence' });
      for (const row of rows as Array<{
        event_uid: string;
        occurrence: number;
      }>) {
        known.set(row.event_uid, Number(row.occurrence));
      }
    }
    return known;
  }

  async addQueueSample(
    cluster: string,
    sample: QueueSample,
    error?: QueueReadError,
  ): Promise<void> {
    await this.db(SAMPLES).insert({
      cluster,
      sampled_at: Date.parse(sample.time),
      visible: sample.visible,
      not_visible: sample.notVisible,
      delayed: sample.delayed,
      error_code: error?.code ?? null,
      error_message: error?.message ?? null,
    });
  }

  async latestQueueReading(
    cluster: string,
  ): Promise<{ time: string; error?: QueueReadError } | undefined> {
    const row = await this.db(SAMPLES)
      .where('cluster', cluster)
      .orderBy([
        { column: 'sampled_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('sampled_at', 'error_code', 'error_message');
    if (!row) {
      return undefined;
    }
    return {
      time: new Date(Number(row.sampled_at)).toISOString(),
      error: row.error_code
        ? { code: row.error_code, message: row.error_message ?? '' }
        : undefined,
    };
  }

  async listQueueSamples(
    cluster: string,
    fromMs: number,
  ): Promise<QueueSample[]> {
    const rows = await this.db(SAMPLES)
      .where('cluster', cluster)
      .where('sampled_at', '>=', fromMs)
      .whereNull('error_code')
      .orderBy('sampled_at', 'asc')
      .select('sampled_at', 'visible', 'not_visible', 'delayed');
    return rows.map(row => ({
      time: new Date(Number(row.sampled_at)).toISOString(),
      visible: Number(row.visible),
      notVisible: Number(row.not_visible),
      delayed: Number(row.delayed),
    }));
  }

  async prune(olderThanMs: number): Promise<number> {
    const records = await this.db(RECORDS)
      .where('occurred_at', '<', olderThanMs)
      .delete();
    const samples = await this.db(SAMPLES)
      .where('sampled_at', '<', olderThanMs)
      .delete();
    return Number(records) + Number(samples);
  }
}
