import {
  InterruptionRecord,
  QueueSample,
} from '@karpenter-backstage/plugin-karpenter-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { countRecords } from './countRecords';
import {
  ConsolidatedRecord,
  InterruptionCounts,
  InterruptionPage,
  InterruptionQuery,
  InterruptionStore,
  NodeMapping,
  NoticePage,
  QueueReadError,
} from './InterruptionStore';
import { listConsolidations } from './listConsolidations';
import { listNotices } from './listNotices';
import { lookupNodes, pruneNodes, rememberNodes } from './nodeMappings';
import { addToAggregates, counted, lockClusters } from './maintainAggregates';
import { pruneRecords } from './pruneRecords';
import { filtered, fromRow, RecordRow, RECORDS, toRow } from './rows';

const SAMPLES = 'karpenter_queue_samples';
const CHUNK = 200;

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

/** The unique key of a record's row. */
const rowKey = (r: Pick<RecordRow, 'cluster' | 'event_uid' | 'occurrence'>) =>
  `${r.cluster}\u0000${r.event_uid}\u0000${Number(r.occurrence)}`;

/**
 * {@link InterruptionStore} on the plugin's knex database (SQLite or PostgreSQL). Deduplication
 * is the unique index on (cluster, event_uid, occurrence), so two backend instances inserting the
 * same event store it once.
 *
 * @internal
 */
export class DatabaseInterruptionStore implements InterruptionStore {
  constructor(private readonly db: Knex) {}

  /**
   * Inserts chunk by chunk, each chunk in a transaction with the aggregates it changes (see
   * {@link addToAggregates}): only the rows this insert stored (not those another instance
   * stored first) are counted.
   */
  async addRecords(records: InterruptionRecord[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      // One row per key (the first, as the insert would keep it).
      const rows = [
        ...new Map(
          records
            .slice(i, i + CHUNK)
            .map(toRow)
            .reverse()
            .map(r => [rowKey(r), r] as const),
        ).values(),
      ].reverse();
      added += await this.db.transaction(async trx => {
        await lockClusters(
          trx,
          rows.map(r => r.cluster),
        );
        const inserted = (await trx(RECORDS)
          .insert(rows)
          .onConflict(['cluster', 'event_uid', 'occurrence'])
          .ignore()
          .returning(['id', 'cluster', 'event_uid', 'occurrence'])) as Array<
          Pick<RecordRow, 'id' | 'cluster' | 'event_uid' | 'occurrence'>
        >;
        const byKey = new Map(rows.map(r => [rowKey(r), r]));
        await addToAggregates(
          trx,
          inserted.map(k => {
            const row = byKey.get(rowKey(k))!;
            return counted({ ...row, id: k.id, subject: row.subject ?? '' });
          }),
        );
        return inserted.length;
      });
    }
    return added;
  }

  /** Counts in the database: see {@link countRecords}. */
  countRecords(
    query: InterruptionQuery,
    bucketMs: number,
  ): Promise<InterruptionCounts> {
    return countRecords(this.db, query, bucketMs);
  }

  /** See {@link listConsolidations}. */
  listConsolidations(query: InterruptionQuery): Promise<ConsolidatedRecord[]> {
    return listConsolidations(this.db, query);
  }

  listNotices(
    query: InterruptionQuery & { limit: number; cursor?: string },
  ): Promise<NoticePage> {
    return listNotices(this.db, query);
  }

  rememberNodes(
    cluster: string,
    mappings: NodeMapping[],
    nowMs: number,
  ): Promise<number> {
    return rememberNodes(this.db, cluster, mappings, nowMs);
  }

  lookupNodes(
    cluster: string,
    nodes: string[],
  ): Promise<Map<string, NodeMapping>> {
    return lookupNodes(this.db, cluster, nodes);
  }

  async listRecords(
    query: InterruptionQuery & { limit: number; cursor?: string },
  ): Promise<InterruptionPage> {
    const q = filtered(this.db, query);
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
    const records = await pruneRecords(this.db, olderThanMs);
    const samples = await this.db(SAMPLES)
      .where('sampled_at', '<', olderThanMs)
      .delete();
    const nodes = await pruneNodes(this.db, olderThanMs);
    return records + Number(samples) + nodes;
  }
}
