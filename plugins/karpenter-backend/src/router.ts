import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  DNS1123_LABEL_PATTERN,
  KarpenterHealthResponse,
  NodeClaimState,
  RECORDED_REASONS,
} from '@karpenter-backstage/plugin-karpenter-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import {
  ClusterAccess,
  clusterAccessOf,
  createClusterAccessGuard,
} from './services/ClusterAccess';
import { ClusterAccessError } from './services/ClusterCache';
import { ClusterRegistry } from './services/ClusterRegistry';
import { EntitySummaries } from './services/EntitySummaries';
import { InterruptionHistory } from './services/InterruptionHistory';
import { QueueMonitor } from './services/QueueMonitor';
import { SummaryService } from './services/SummaryService';

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  /** `karpenter.cluster.read` per cluster, applied by the router's one guard on `/v1`. */
  access: ClusterAccess;
  registry: ClusterRegistry;
  summaries: SummaryService;
  entities: EntitySummaries;
  history: InterruptionHistory;
  queues: QueueMonitor;
}

const STATES: NodeClaimState[] = [
  'pending',
  'launched',
  'registered',
  'initialized',
  'drifted',
  'disrupting',
  'terminating',
  'failed',
];
const BUCKETS: Record<string, number> = {
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '6h': 21_600_000,
  '1d': 86_400_000,
};
const MAX_RANGE_MS = 31 * 86_400_000;

function optionalString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw new InputError(`${name}: must be a single value`);
  return value;
}

const NODE_POOL_NAME = new RegExp(DNS1123_LABEL_PATTERN);

/**
 * `nodePool=a,b`: the NodePools to narrow to (a comma list of DNS-1123 labels, each at most 63
 * characters), or `undefined` for the whole cluster.
 */
function nodePoolsParam(req: Request): string[] | undefined {
  const text = optionalString(req, 'nodePool');
  if (text === undefined) return undefined;
  const names = text.split(',').map(n => n.trim());
  for (const n of names) {
    if (!n)
      throw new InputError(
        'nodePool: must be a comma-separated list of NodePool names without empty items',
      );
    if (n.length > 63 || !NODE_POOL_NAME.test(n))
      throw new InputError(
        `nodePool: "${n.slice(
          0,
          63,
        )}" is not a NodePool name (a DNS-1123 label)`,
      );
  }
  return [...new Set(names)];
}

function limitParam(req: Request, fallback: number, max: number): number {
  const text = optionalString(req, 'limit');
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InputError(`limit: must be an integer from 1 to ${max}`);
  return n;
}

function timeParam(req: Request, name: string, fallback: number): number {
  const text = optionalString(req, name);
  if (text === undefined) return fallback;
  const t = Date.parse(text);
  if (Number.isNaN(t))
    throw new InputError(`${name}: must be an ISO-8601 time`);
  return t;
}

/** HTTP only: validates parameters, authorizes, calls the services. @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, access, registry, summaries, entities, history, queues } =
    options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    const body: KarpenterHealthResponse = { status: 'ok' };
    res.json(body);
  });

  // Every /v1 route: karpenter.cluster.read, 403 for a denied cluster in the path.
  const guard = createClusterAccessGuard({ httpAuth, access });
  router.use('/v1', guard.resolve);
  router.param('cluster', guard.cluster);

  const cluster = (req: Request) => registry.get(req.params.cluster).name;
  /** A cluster that cannot be read answers 503 with its code (per-cluster endpoints). */
  const fromCluster = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ClusterAccessError) {
        throw new ServiceUnavailableError(
          `${error.clusterError.code}: ${error.clusterError.message}`,
        );
      }
      throw error;
    }
  };

  router.get('/v1/clusters', async (_req, res) => {
    const { decision } = clusterAccessOf(res);
    res.json({
      items: registry
        .list()
        .filter(c => decision.allows(c.name))
        .map(c => ({
          name: c.name,
          title: c.title,
          authProvider: c.authProvider,
          hasInterruptionQueue: Boolean(c.interruptionQueue),
        })),
    });
  });

  router.get('/v1/clusters/:cluster/nodepools', async (req, res) => {
    res.json({
      cluster: cluster(req),
      items: await fromCluster(() => summaries.nodePools(cluster(req))),
    });
  });

  router.get('/v1/clusters/:cluster/nodeclasses', async (req, res) => {
    res.json({
      cluster: cluster(req),
      items: await fromCluster(() => summaries.nodeClasses(cluster(req))),
    });
  });

  router.get('/v1/clusters/:cluster/nodeclaims', async (req, res) => {
    const name = cluster(req);
    const state = optionalString(req, 'state');
    if (state !== undefined && !STATES.includes(state as NodeClaimState)) {
      throw new InputError(`state: must be one of ${STATES.join(', ')}`);
    }
    res.json(
      await fromCluster(() =>
        summaries.nodeClaims(name, {
          nodePools: nodePoolsParam(req),
          state: state as NodeClaimState | undefined,
          limit: limitParam(req, 100, 1000),
          cursor: optionalString(req, 'cursor'),
        }),
      ),
    );
  });

  router.get('/v1/clusters/:cluster/interruptions', async (req, res) => {
    const name = cluster(req);
    const now = Date.now();
    const toMs = timeParam(req, 'to', now);
    const fromMs = timeParam(req, 'from', toMs - 86_400_000);
    if (fromMs >= toMs) throw new InputError('from: must be before to');
    if (toMs - fromMs > MAX_RANGE_MS)
      throw new InputError('from: the range may span at most 31 days');
    const bucket = optionalString(req, 'bucket') ?? '1h';
    if (!BUCKETS[bucket])
      throw new InputError(
        `bucket: must be one of ${Object.keys(BUCKETS).join(', ')}`,
      );
    const reason = optionalString(req, 'reason');
    if (reason !== undefined && !RECORDED_REASONS.includes(reason as any)) {
      throw new InputError(
        `reason: must be one of ${RECORDED_REASONS.join(', ')}`,
      );
    }
    res.json(
      await history.query({
        cluster: name,
        fromMs,
        toMs,
        bucketMs: BUCKETS[bucket],
        nodePools: nodePoolsParam(req),
        reason,
        limit: limitParam(req, 50, 500),
        cursor: optionalString(req, 'cursor'),
        noticeCursor: optionalString(req, 'noticeCursor'),
      }),
    );
  });

  router.get('/v1/clusters/:cluster/queue', async (req, res) => {
    const name = cluster(req);
    const since = timeParam(req, 'since', Date.now() - 3_600_000);
    res.json(await queues.getStatus(name, { samplesSinceMs: since }));
  });

  router.get(
    '/v1/entities/:namespace/:kind/:name/summary',
    async (req, res) => {
      const { credentials, decision } = clusterAccessOf(res);
      const { namespace, kind, name } = req.params;
      res.json(
        await entities.forEntity(
          { namespace, kind, name },
          credentials,
          decision,
        ),
      );
    },
  );

  return router;
}
