import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import { createOpenApiRouter, spec } from './schema/openapi/generated/router';
import {
  emptyQueryValuesAsAbsent,
  parameterErrors,
} from './schema/parameterErrors';
import {
  BUCKET_MS,
  nodePoolList,
  timeOrDefault,
  timeRange,
} from './schema/queryParams';
import {
  ClusterAccess,
  clusterAccessOf,
  createClusterAccessGuard,
} from './services/ClusterAccess';
import { ClusterAccessError } from './services/ClusterCache';
import { ClusterRegistry } from './services/ClusterRegistry';
import { ClusterValuesService } from './services/ClusterValues';
import { CostHistory } from './services/CostHistory';
import {
  createEntityPrefetch,
  EntitySummaries,
} from './services/EntitySummaries';
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
  values: ClusterValuesService;
  /** The sampled cost history (absent: cost is off, the route answers 503). */
  costs?: CostHistory;
}

/**
 * HTTP only: the routes of the OpenAPI spec (src/schema/openapi.yaml), whose router has already
 * validated the parameters against it; authorizes and calls the services.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    access,
    registry,
    summaries,
    entities,
    history,
    queues,
    values,
    costs,
  } = options;
  const router = await createOpenApiRouter({
    middleware: [express.json(), emptyQueryValuesAsAbsent],
    validatorOptions: {
      // Parameters the spec does not declare are ignored, as they always were.
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
    },
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The summary's entity is read from the catalog while the guard asks the permission framework.
  const SUMMARY = '/v1/entities/:namespace/:kind/:name/summary';
  const prefetch = createEntityPrefetch({ httpAuth, entities });
  router.use(SUMMARY, prefetch.start);

  // Every /v1 route: karpenter.cluster.read, 403 for a denied cluster in the path.
  const guard = createClusterAccessGuard({ httpAuth, access });
  router.use('/v1', guard.resolve);
  router.param('cluster', guard.cluster);

  const cluster = (req: { params: { cluster: string } }) =>
    registry.get(req.params.cluster).name;
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
    const { nodePool, state, limit, cursor } = req.query;
    res.json(
      await fromCluster(() =>
        summaries.nodeClaims(name, {
          nodePools: nodePoolList(nodePool),
          state,
          limit: Number(limit ?? 100),
          cursor,
        }),
      ),
    );
  });

  router.get('/v1/clusters/:cluster/interruptions', async (req, res) => {
    const name = cluster(req);
    const q = req.query;
    const { fromMs, toMs } = timeRange(q.from, q.to, Date.now());
    res.json(
      await history.query({
        cluster: name,
        fromMs,
        toMs,
        bucketMs: BUCKET_MS[q.bucket ?? '1h'],
        nodePools: nodePoolList(q.nodePool),
        reason: q.reason,
        limit: Number(q.limit ?? 50),
        cursor: q.cursor,
        noticeCursor: q.noticeCursor,
      }),
    );
  });

  router.get('/v1/clusters/:cluster/cost', async (req, res) => {
    const name = cluster(req);
    if (!costs)
      throw new ServiceUnavailableError(
        'Cost is turned off (karpenter.cost.enabled: false)',
      );
    const q = req.query;
    const { fromMs, toMs } = timeRange(q.from, q.to, Date.now());
    res.json(
      await costs.query({
        cluster: name,
        fromMs,
        toMs,
        bucketMs: BUCKET_MS[q.bucket ?? '1h'],
        nodePools: nodePoolList(q.nodePool),
      }),
    );
  });

  router.get('/v1/clusters/:cluster/queue', async (req, res) => {
    const name = cluster(req);
    const since = timeOrDefault(
      'since',
      req.query.since,
      Date.now() - 3_600_000,
    );
    res.json(await queues.getStatus(name, { samplesSinceMs: since }));
  });

  router.get(SUMMARY, async (_req, res) => {
    const { decision } = clusterAccessOf(res);
    res.json(await entities.summaryOf(await prefetch.entityOf(res), decision));
  });

  router.get('/v1/entities/:namespace/:kind/:name/values', async (req, res) => {
    const { credentials, decision } = clusterAccessOf(res);
    const { namespace, kind, name } = req.params;
    res.json(
      await values.forEntity({ namespace, kind, name }, credentials, decision),
    );
  });

  router.use(parameterErrors(spec));
  return router;
}
