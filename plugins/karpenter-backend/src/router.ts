import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { karpenterClusterReadPermission } from '@karpenter-backstage/plugin-karpenter-common';
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
import { ClusterAccessError } from './services/ClusterCache';
import { ClusterRegistry } from './services/ClusterRegistry';
import { resolveEntityTarget } from './services/EntityResolver';
import { InterruptionHistory } from './services/InterruptionHistory';
import { QueueMonitor } from './services/QueueMonitor';
import { SummaryService } from './services/SummaryService';

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  registry: ClusterRegistry;
  summaries: SummaryService;
  history: InterruptionHistory;
  queues: QueueMonitor;
}

type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

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
    permissions,
    registry,
    summaries,
    history,
    queues,
    catalog,
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

  const authorize = async (req: AnyRequest) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: karpenterClusterReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to read Karpenter state (karpenter.cluster.read)',
      );
    }
    return credentials;
  };

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

  router.get('/v1/clusters', async (req, res) => {
    await authorize(req);
    res.json({
      items: registry.list().map(c => ({
        name: c.name,
        title: c.title,
        authProvider: c.authProvider,
        hasInterruptionQueue: Boolean(c.interruptionQueue),
      })),
    });
  });

  router.get('/v1/clusters/:cluster/nodepools', async (req, res) => {
    await authorize(req);
    res.json({
      cluster: cluster(req),
      items: await fromCluster(() => summaries.nodePools(cluster(req))),
    });
  });

  router.get('/v1/clusters/:cluster/nodeclasses', async (req, res) => {
    await authorize(req);
    res.json({
      cluster: cluster(req),
      items: await fromCluster(() => summaries.nodeClasses(cluster(req))),
    });
  });

  router.get('/v1/clusters/:cluster/nodeclaims', async (req, res) => {
    await authorize(req);
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
    await authorize(req);
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

  router.get('/v1/clusters/:cluster/queue', async (req, res) => {
    await authorize(req);
    const name = cluster(req);
    const since = timeOrDefault(
      'since',
      req.query.since,
      Date.now() - 3_600_000,
    );
    res.json(await queues.getStatus(name, { samplesSinceMs: since }));
  });

  router.get(
    '/v1/entities/:namespace/:kind/:name/summary',
    async (req, res) => {
      const credentials = await authorize(req);
      const { namespace, kind, name } = req.params;
      const entity = await catalog.getEntityByRef(
        { namespace, kind, name },
        { credentials },
      );
      if (!entity)
        throw new NotFoundError(
          `Entity ${kind}:${namespace}/${name} not found`,
        );
      const target = resolveEntityTarget(
        entity,
        registry.list().map(c => c.name),
      );
      res.json(await summaries.entitySummary(target));
    },
  );

  router.use(parameterErrors(spec));
  return router;
}
