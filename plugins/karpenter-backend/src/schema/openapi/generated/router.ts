// This file is generated from plugins/karpenter-backend/src/schema/openapi.yaml (+ schemas/) by
// plugins/karpenter-backend/scripts/generate-openapi.mjs. Do not edit it by hand; edit the
// YAML and run `node plugins/karpenter-backend/scripts/generate-openapi.mjs`.

/* eslint-disable */
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { EndpointMap } from '../endpoints';

/** The OpenAPI spec of the Karpenter backend. @internal */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'karpenter',
    version: '1',
    description:
      'The HTTP API of the Karpenter backend plugin, served under `/api/karpenter`. Every endpoint except `/health` needs a Backstage user or service token and the `karpenter.cluster.read` permission. Errors use the Backstage error shape (`error.name`, `error.message`); a 400 names the parameter it refuses (`bucket: must be equal to one of the allowed values: ...`). Query parameters that are present but empty are treated as absent.',
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Liveness of the plugin (no credentials needed).',
        responses: {
          '200': {
            description: 'The plugin is up.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KarpenterHealthResponse',
                },
              },
            },
          },
        },
      },
    },
    '/v1/clusters': {
      get: {
        operationId: 'listClusters',
        summary: 'The configured clusters (no URLs or secrets).',
        responses: {
          '200': {
            description: 'The clusters of app-config, in configuration order.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClusterList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/v1/clusters/{cluster}/nodepools': {
      get: {
        operationId: 'listNodePools',
        summary:
          'The NodePools of a cluster with health, usage, capacity split and budgets.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
        ],
        responses: {
          '200': {
            description:
              'The NodePools (the last known state, each marked `stale`, when the data is stale).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NodePoolList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/ClusterUnavailable',
          },
        },
      },
    },
    '/v1/clusters/{cluster}/nodeclasses': {
      get: {
        operationId: 'listNodeClasses',
        summary: 'The EC2NodeClasses of a cluster.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
        ],
        responses: {
          '200': {
            description: 'The EC2NodeClasses, by name.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NodeClassList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/ClusterUnavailable',
          },
        },
      },
    },
    '/v1/clusters/{cluster}/nodeclaims': {
      get: {
        operationId: 'listNodeClaims',
        summary: 'One page of the NodeClaims of a cluster.',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/nodePool',
          },
          {
            name: 'state',
            in: 'query',
            allowReserved: true,
            description: 'Only NodeClaims in this lifecycle state.',
            schema: {
              $ref: '#/components/schemas/NodeClaimState',
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            description: 'Page size.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
              default: 100,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            allowReserved: true,
            description: 'The `nextCursor` of the previous page.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description:
              'The page; `nextCursor` is set when there is another one.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NodeClaimPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/ClusterUnavailable',
          },
        },
      },
    },
    '/v1/clusters/{cluster}/interruptions': {
      get: {
        operationId: 'getInterruptions',
        summary:
          'The recorded interruption and disruption history of a cluster over a time range.',
        description:
          '`from` must be before `to` and the range may span at most 31 days (checked by the handler, answered with 400 naming `from`).',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            'x-error-message':
              'must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
            description: 'Start of the range (default `to` minus 24 h).',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            'x-error-message':
              'must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
            description: 'End of the range (default now).',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'bucket',
            in: 'query',
            allowReserved: true,
            description: 'Width of the timeline buckets.',
            schema: {
              type: 'string',
              enum: ['5m', '15m', '1h', '6h', '1d'],
              default: '1h',
            },
          },
          {
            $ref: '#/components/parameters/nodePool',
          },
          {
            name: 'reason',
            in: 'query',
            allowReserved: true,
            description: 'Only events with this reason.',
            schema: {
              $ref: '#/components/schemas/RecordedReason',
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            description: 'Page size of `records`.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            allowReserved: true,
            description: 'The `nextCursor` of the previous page of `records`.',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'noticeCursor',
            in: 'query',
            allowReserved: true,
            description:
              'The `nextNoticeCursor` of the previous page of `notices`.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description:
              'Buckets, totals, the newest records and the newest notices.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InterruptionHistoryResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/v1/clusters/{cluster}/cost': {
      get: {
        operationId: 'getCostHistory',
        summary:
          "What the cluster's NodePools cost per hour over a time range (sampled).",
        description:
          "The hourly cost of each NodePool is sampled every `karpenter.cost.sampleInterval` (default 10 minutes) and kept as long as the interruption history. A bucket's value is, per NodePool, the mean of its samples in the bucket, summed over the NodePools asked for. `from` must be before `to` and the range may span at most 31 days.",
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            'x-error-message':
              'must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
            description: 'Start of the range (default `to` minus 24 h).',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            'x-error-message':
              'must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
            description: 'End of the range (default now).',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'bucket',
            in: 'query',
            allowReserved: true,
            description: 'Width of the buckets.',
            schema: {
              type: 'string',
              enum: ['5m', '15m', '1h', '6h', '1d'],
              default: '1h',
            },
          },
          {
            $ref: '#/components/parameters/nodePool',
          },
        ],
        responses: {
          '200': {
            description:
              'The cost per bucket (buckets without a sample are absent).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CostHistory',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            description:
              'Cost is turned off (`karpenter.cost.enabled` is false).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ErrorResponse',
                },
              },
            },
          },
        },
      },
    },
    '/v1/clusters/{cluster}/queue': {
      get: {
        operationId: 'getQueue',
        summary:
          "The state of the cluster's interruption queue with its samples.",
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            name: 'since',
            in: 'query',
            allowReserved: true,
            'x-error-message':
              'must be an RFC 3339 date-time such as 2026-12-01T08:00:00Z',
            description: 'Samples since this time (default one hour ago).',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
        ],
        responses: {
          '200': {
            description:
              'The queue state (`not-configured` when the cluster has no queue).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/QueueStatus',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/v1/entities/{namespace}/{kind}/{name}/summary': {
      get: {
        operationId: 'getEntitySummary',
        summary:
          'The Karpenter summary of a catalog entity, per cluster of its annotations.',
        description:
          "Clusters come from the entity's `karpenter.sh/cluster` annotation and must be configured in app-config; one failing cluster fills its `error` slot and never blanks the others.",
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description:
              'The summary (`status` `not-configured` when the entity has no usable annotation).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySummary',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/v1/entities/{namespace}/{kind}/{name}/values': {
      get: {
        operationId: 'getEntityValues',
        summary:
          "The karpenter-values.yaml of a cluster entity's repository (day-two changes).",
        description:
          "For a `kubernetes-cluster` Resource created by the Karpenter template (it carries `karpenter.sh/cluster`): reads `karpenter-values.yaml` next to the entity's catalog file through the backend's URL reader (`integrations` and `backend.reading.allow` decide what may be read) and validates it with the template model. The entity is read with the caller's credentials; a cluster of app-config also needs `karpenter.cluster.read`.",
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The values and where they came from.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClusterValues',
                },
              },
            },
          },
          '400': {
            description:
              'The entity is not a Karpenter cluster entity, has no location to read from, or its `karpenter-values.yaml` is invalid (`error.message` names the fields).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ErrorResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            description:
              'The entity does not exist, or its repository has no `karpenter-values.yaml`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ErrorResponse',
                },
              },
            },
          },
          '503': {
            description:
              'The URL reader refused or failed to read the file (no integration for the host, not in `backend.reading.allow`, or the host is down); the details are in the backend log.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ErrorResponse',
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    parameters: {
      cluster: {
        name: 'cluster',
        in: 'path',
        required: true,
        description:
          'A cluster name of app-config (`karpenter.clusters[].name`).',
        schema: {
          type: 'string',
        },
      },
      nodePool: {
        name: 'nodePool',
        in: 'query',
        allowReserved: true,
        description:
          'Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent.',
        'x-error-message':
          'must be a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items',
        schema: {
          type: 'string',
          pattern:
            '^ *[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])? *(, *[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])? *)*$',
          example: 'general,batch',
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          'A parameter is invalid; `error.message` starts with its name.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid Backstage token.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Forbidden: {
        description: 'The `karpenter.cluster.read` permission is denied.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      NotFound: {
        description:
          'The cluster is not configured, or the entity does not exist.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      ClusterUnavailable: {
        description:
          'The cluster cannot be read; `error.message` starts with its code (`UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`, ...).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
    },
    schemas: {
      ErrorResponse: {
        type: 'object',
        description: 'The Backstage error shape.',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      KarpenterHealthResponse: {
        type: 'object',
        description: 'The answer of `GET /api/karpenter/health`.',
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            enum: ['ok'],
          },
        },
      },
      ClusterError: {
        type: 'object',
        description:
          'A per-cluster error slot: one failing cluster never blanks the others.',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            description:
              'Machine-readable code, e.g. `UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`; `FORBIDDEN` with `permission` set when the Backstage permission denies the cluster to the caller.',
          },
          message: {
            type: 'string',
            description: 'Human-readable message.',
          },
          permission: {
            type: 'string',
            description:
              "Set when the Backstage permission framework denied the signed-in user this cluster (code `FORBIDDEN`): the name of the denied permission, `karpenter.cluster.read`. Without it, a `FORBIDDEN` error means the cluster's API server refused the backend's own identity (a Kubernetes 403).",
          },
        },
      },
      ClusterInfo: {
        type: 'object',
        description:
          'An item of `GET /v1/clusters`, a configured cluster (no URLs or secrets).',
        required: ['name', 'authProvider', 'hasInterruptionQueue'],
        properties: {
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          authProvider: {
            type: 'string',
          },
          hasInterruptionQueue: {
            type: 'boolean',
            description: 'Whether an interruption queue is configured.',
          },
        },
      },
      ClusterList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterInfo',
            },
          },
        },
      },
      HealthStatus: {
        type: 'string',
        enum: ['healthy', 'degraded', 'unhealthy', 'unknown'],
      },
      HealthReason: {
        type: 'object',
        description:
          'One reason behind a status: `severity` is the status this reason alone implies (`healthy` for informational reasons such as drifted NodeClaims being replaced).',
        required: ['code', 'message', 'severity'],
        properties: {
          code: {
            type: 'string',
            description:
              'Reason code, e.g. `NODEPOOL_NOT_READY`, `CPU_LIMIT_NEAR`, `NODECLAIMS_DRIFTED`, `INTERRUPTION_QUEUE_BACKLOG`, `STALE_DATA`.',
          },
          message: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/HealthStatus',
            description: 'The status this reason alone implies.',
          },
        },
      },
      Health: {
        type: 'object',
        description: 'A status with its reasons.',
        required: ['status', 'reasons'],
        properties: {
          status: {
            $ref: '#/components/schemas/HealthStatus',
          },
          reasons: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/HealthReason',
            },
          },
        },
      },
      ConditionInfo: {
        type: 'object',
        description: 'A Kubernetes-style condition.',
        required: ['type', 'status'],
        properties: {
          type: {
            type: 'string',
          },
          status: {
            type: 'string',
            description: '`True`, `False` or `Unknown`.',
          },
          reason: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          lastTransitionTime: {
            type: 'string',
          },
        },
      },
      RequirementInfo: {
        type: 'object',
        description: 'A NodeSelectorRequirement of a NodePool template.',
        required: ['key', 'operator'],
        properties: {
          key: {
            type: 'string',
          },
          operator: {
            type: 'string',
          },
          values: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          minValues: {
            type: 'number',
          },
        },
      },
      CostUnavailable: {
        type: 'object',
        description:
          'Why some running nodes have no price (set only when `unpricedNodes` is above 0): nothing has been fetched for the region yet, or the last price refresh failed. With `pricedNodes` 0 the cost is not a number to read (`hourly` covers no node).',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            enum: [
              'PRICES_NOT_LOADED',
              'PRICING_DENIED',
              'PRICING_UNAVAILABLE',
            ],
            description:
              '`PRICES_NOT_LOADED`: no price has been fetched for the region yet; `PRICING_DENIED`: AWS refused the credentials (`pricing:GetProducts`, `ec2:DescribeSpotPriceHistory`); `PRICING_UNAVAILABLE`: the pricing endpoints failed or throttled the last refresh.',
          },
          message: {
            type: 'string',
          },
        },
      },
      CostItem: {
        type: 'object',
        description:
          'The running nodes of one instance type and capacity type.',
        required: ['instanceType', 'capacityType', 'nodes'],
        properties: {
          instanceType: {
            type: 'string',
          },
          capacityType: {
            type: 'string',
            description:
              '`on-demand`, `spot` or `reserved` (`karpenter.sh/capacity-type`).',
          },
          nodes: {
            type: 'number',
          },
          hourly: {
            type: 'number',
            description:
              'What they cost per hour (USD, after the discount); absent when their price is not known (they are then counted in `unpricedNodes`).',
          },
        },
      },
      Cost: {
        type: 'object',
        description:
          'The hourly list price of the running nodes (NodeClaims that have an instance: launched, registered, initialized, drifted, disrupting or terminating), after the configured discount. A node whose price is not known is counted in `unpricedNodes`, never as free.',
        required: [
          'hourly',
          'onDemandEquivalentHourly',
          'currency',
          'pricedNodes',
          'unpricedNodes',
          'byInstanceType',
        ],
        properties: {
          hourly: {
            type: 'number',
            description: 'USD per hour of the priced nodes.',
          },
          onDemandEquivalentHourly: {
            type: 'number',
            description:
              'What the priced nodes would cost per hour at the on-demand price (spot savings = 1 − hourly / onDemandEquivalentHourly).',
          },
          spotSavings: {
            type: 'number',
            description:
              '1 − hourly / onDemandEquivalentHourly, between 0 and 1 (absent when nothing is priced).',
          },
          currency: {
            type: 'string',
            enum: ['USD'],
          },
          pricedNodes: {
            type: 'number',
          },
          unpricedNodes: {
            type: 'number',
          },
          pricesAsOf: {
            type: 'string',
            description: 'When the oldest price used was fetched from AWS.',
          },
          pricesStale: {
            type: 'boolean',
            description:
              'Set when a price used is older than 24 h (the price refresh is failing).',
          },
          dataStale: {
            type: 'boolean',
            description:
              'Set when the cost is computed from the last known NodeClaims of a cluster whose data is stale (`ClusterSummary.stale`): what ran then, not necessarily what runs now.',
          },
          unavailable: {
            $ref: '#/components/schemas/CostUnavailable',
          },
          byInstanceType: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CostItem',
            },
          },
        },
      },
      CostPoint: {
        type: 'object',
        description: 'One bucket of a cost history.',
        required: [
          'time',
          'hourly',
          'onDemandEquivalentHourly',
          'pricedNodes',
          'unpricedNodes',
        ],
        properties: {
          time: {
            type: 'string',
            description: 'Start of the bucket.',
          },
          hourly: {
            type: 'number',
            description:
              "USD per hour (the sum over the NodePools of each one's mean in the bucket).",
          },
          onDemandEquivalentHourly: {
            type: 'number',
          },
          pricedNodes: {
            type: 'number',
            description:
              "Priced nodes (the sum of each NodePool's mean, rounded).",
          },
          unpricedNodes: {
            type: 'number',
          },
        },
      },
      CostHistory: {
        type: 'object',
        description: 'The answer of `GET /v1/clusters/{cluster}/cost`.',
        required: ['cluster', 'bucketMs', 'points'],
        properties: {
          cluster: {
            type: 'string',
          },
          bucketMs: {
            type: 'number',
          },
          nodePools: {
            type: 'array',
            description: 'The NodePools asked for (absent: the whole cluster).',
            items: {
              type: 'string',
            },
          },
          points: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CostPoint',
            },
          },
          consolidation: {
            $ref: '#/components/schemas/ConsolidationSavings',
            description:
              'What consolidation in the range took off the hourly cost.',
          },
        },
      },
      ConsolidationSavings: {
        type: 'object',
        description:
          "What consolidation in a time range took off the hourly cost (USD per hour, after the discount). For each NodeClaim Karpenter consolidated in the range (`DisruptionTerminating` with the disruption reason `Underutilized` or `Empty`): Karpenter's own estimate, from the `ConsolidationCandidate` event it records for a replacement (Karpenter 1.9+; a node's share of a multi-node command), else the node's own price (a deletion, for which Karpenter records no candidate), else no estimate.",
        required: [
          'hourly',
          'currency',
          'consolidated',
          'fromKarpenter',
          'fromPrices',
          'unestimated',
        ],
        properties: {
          hourly: {
            type: 'number',
            description:
              'The hourly cost taken off, summed over the consolidated NodeClaims with an estimate.',
          },
          currency: {
            type: 'string',
            enum: ['USD'],
          },
          consolidated: {
            type: 'integer',
            description: 'NodeClaims consolidated in the range.',
          },
          fromKarpenter: {
            type: 'integer',
            description:
              'Of them, estimated by Karpenter (its ConsolidationCandidate event for a replacement).',
          },
          fromPrices: {
            type: 'integer',
            description:
              'Of them, deleted without a replacement and priced at their own price.',
          },
          unestimated: {
            type: 'integer',
            description:
              'Of them, with no estimate (no candidate event and no price known).',
          },
        },
      },
      BudgetInfo: {
        type: 'object',
        description:
          'A disruption budget and whether it currently allows disruptions.',
        required: ['nodes', 'active', 'allowedDisruptions'],
        properties: {
          nodes: {
            type: 'string',
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          schedule: {
            type: 'string',
          },
          duration: {
            type: 'string',
          },
          active: {
            type: 'boolean',
            description:
              'Whether the budget is in effect now (no schedule = always).',
          },
          allowedDisruptions: {
            type: 'number',
            description:
              "Nodes this budget allows to disrupt now, given the NodePool's node count.",
          },
        },
      },
      ResourceUsage: {
        type: 'object',
        description: 'Resource usage against a limit.',
        required: ['used'],
        properties: {
          used: {
            type: 'number',
            description: 'Cores for cpu, bytes for memory.',
          },
          limit: {
            type: 'number',
          },
          ratio: {
            type: 'number',
            description: 'used / limit, when a limit is set.',
          },
        },
      },
      NodeClaimState: {
        type: 'string',
        description: 'NodeClaim lifecycle state derived from its conditions.',
        enum: [
          'pending',
          'launched',
          'registered',
          'initialized',
          'drifted',
          'disrupting',
          'terminating',
          'failed',
        ],
      },
      Taint: {
        type: 'object',
        required: ['key', 'effect'],
        properties: {
          key: {
            type: 'string',
          },
          value: {
            type: 'string',
          },
          effect: {
            type: 'string',
          },
        },
      },
      NodePoolInfo: {
        type: 'object',
        description: 'An item of `GET /v1/clusters/{cluster}/nodepools`.',
        required: [
          'cluster',
          'name',
          'health',
          'requirements',
          'taints',
          'labels',
          'usage',
          'nodeCount',
          'nodesByCapacityType',
          'nodeClaimsByState',
          'disruption',
          'conditions',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          nodeClass: {
            type: 'object',
            required: ['group', 'kind', 'name'],
            properties: {
              group: {
                type: 'string',
              },
              kind: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
            },
          },
          health: {
            $ref: '#/components/schemas/Health',
          },
          weight: {
            type: 'number',
          },
          requirements: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RequirementInfo',
            },
          },
          taints: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Taint',
            },
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          expireAfter: {
            type: 'string',
          },
          usage: {
            type: 'object',
            required: ['cpu', 'memory'],
            properties: {
              cpu: {
                $ref: '#/components/schemas/ResourceUsage',
              },
              memory: {
                $ref: '#/components/schemas/ResourceUsage',
              },
              pods: {
                $ref: '#/components/schemas/ResourceUsage',
              },
            },
          },
          nodeCount: {
            type: 'number',
            description: 'From `status.resources.nodes`.',
          },
          nodesByCapacityType: {
            type: 'object',
            additionalProperties: {
              type: 'number',
            },
          },
          nodeClaimsByState: {
            type: 'object',
            description:
              'NodeClaims per state (states without NodeClaims may be absent).',
            properties: {
              pending: {
                type: 'number',
              },
              launched: {
                type: 'number',
              },
              registered: {
                type: 'number',
              },
              initialized: {
                type: 'number',
              },
              drifted: {
                type: 'number',
              },
              disrupting: {
                type: 'number',
              },
              terminating: {
                type: 'number',
              },
              failed: {
                type: 'number',
              },
            },
          },
          disruption: {
            type: 'object',
            required: ['budgets'],
            properties: {
              consolidationPolicy: {
                type: 'string',
              },
              consolidateAfter: {
                type: 'string',
              },
              budgets: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BudgetInfo',
                },
              },
            },
          },
          conditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ConditionInfo',
            },
          },
          cost: {
            $ref: '#/components/schemas/Cost',
            description:
              "What the NodePool's running nodes cost (absent when cost is not computed: the backend has no pricing, e.g. a test setup).",
          },
          stale: {
            type: 'boolean',
            description:
              'The last known state of a cluster whose data is stale: `health` is then `unknown` with a `STALE_DATA` reason first, followed by the reasons of the last known state.',
          },
        },
      },
      NodePoolList: {
        type: 'object',
        required: ['cluster', 'items'],
        properties: {
          cluster: {
            type: 'string',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/NodePoolInfo',
            },
          },
        },
      },
      NodeClaimInfo: {
        type: 'object',
        description: 'An item of `GET /v1/clusters/{cluster}/nodeclaims`.',
        required: ['name', 'state', 'drifted', 'conditions'],
        properties: {
          name: {
            type: 'string',
          },
          nodePool: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/NodeClaimState',
          },
          instanceType: {
            type: 'string',
          },
          capacityType: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          nodeName: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          drifted: {
            type: 'boolean',
          },
          disruptionReason: {
            type: 'string',
          },
          conditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ConditionInfo',
            },
          },
        },
      },
      NodeClaimPage: {
        type: 'object',
        description: 'The answer of `GET /v1/clusters/{cluster}/nodeclaims`.',
        required: ['cluster', 'items', 'total'],
        properties: {
          cluster: {
            type: 'string',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/NodeClaimInfo',
            },
          },
          total: {
            type: 'number',
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      NodeClassInfo: {
        type: 'object',
        description: 'An item of `GET /v1/clusters/{cluster}/nodeclasses`.',
        required: [
          'name',
          'ready',
          'health',
          'amiSelectorTerms',
          'subnets',
          'securityGroups',
          'amis',
          'conditions',
        ],
        properties: {
          name: {
            type: 'string',
          },
          ready: {
            type: 'boolean',
          },
          health: {
            $ref: '#/components/schemas/Health',
          },
          role: {
            type: 'string',
          },
          instanceProfile: {
            type: 'string',
          },
          amiSelectorTerms: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: {},
            },
          },
          subnets: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id'],
              properties: {
                id: {
                  type: 'string',
                },
                zone: {
                  type: 'string',
                },
                zoneId: {
                  type: 'string',
                },
              },
            },
          },
          securityGroups: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id'],
              properties: {
                id: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
              },
            },
          },
          amis: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id'],
              properties: {
                id: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
                requirements: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/RequirementInfo',
                  },
                },
              },
            },
          },
          conditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ConditionInfo',
            },
          },
        },
      },
      NodeClassList: {
        type: 'object',
        required: ['cluster', 'items'],
        properties: {
          cluster: {
            type: 'string',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/NodeClassInfo',
            },
          },
        },
      },
      RecordedReason: {
        type: 'string',
        description: 'An event reason the interruption recorder keeps.',
        enum: [
          'SpotInterrupted',
          'SpotRebalanceRecommendation',
          'CapacityReservationInstanceInterrupted',
          'InstanceStopping',
          'InstanceTerminating',
          'InstanceUnhealthy',
          'TerminatingOnInterruption',
          'DisruptionTerminating',
          'DisruptionBlocked',
          'Unconsolidatable',
          'ConsolidationCandidate',
        ],
      },
      CountingKind: {
        type: 'string',
        enum: [
          'interruption',
          'rebalance',
          'termination',
          'disruption',
          'information',
        ],
      },
      NodeClaimCounts: {
        type: 'object',
        description:
          'Distinct NodeClaims in a window, by what happened to them.',
        required: ['interrupted', 'rebalanceRecommended', 'disrupted'],
        properties: {
          interrupted: {
            type: 'number',
            description:
              'NodeClaims with at least one EC2 interruption notice.',
          },
          rebalanceRecommended: {
            type: 'number',
            description: 'NodeClaims with a rebalance recommendation.',
          },
          disrupted: {
            type: 'number',
            description: 'NodeClaims terminated by Karpenter.',
          },
        },
      },
      ReasonCounts: {
        type: 'object',
        description:
          'Counts per recorded reason (reasons without any are absent).',
        properties: {
          SpotInterrupted: {
            type: 'number',
          },
          SpotRebalanceRecommendation: {
            type: 'number',
          },
          CapacityReservationInstanceInterrupted: {
            type: 'number',
          },
          InstanceStopping: {
            type: 'number',
          },
          InstanceTerminating: {
            type: 'number',
          },
          InstanceUnhealthy: {
            type: 'number',
          },
          TerminatingOnInterruption: {
            type: 'number',
          },
          DisruptionTerminating: {
            type: 'number',
          },
          DisruptionBlocked: {
            type: 'number',
          },
          Unconsolidatable: {
            type: 'number',
          },
          ConsolidationCandidate: {
            type: 'number',
          },
        },
      },
      Counts: {
        type: 'object',
        additionalProperties: {
          type: 'number',
        },
      },
      InterruptionRecord: {
        type: 'object',
        description:
          'One occurrence of a recorded Karpenter event. An event whose `count` grows is kept as several occurrences (1, 2, 3, ...) of the same event uid.',
        required: [
          'cluster',
          'eventUid',
          'occurrence',
          'time',
          'reason',
          'type',
          'message',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          eventUid: {
            type: 'string',
          },
          occurrence: {
            type: 'number',
          },
          time: {
            type: 'string',
            description: 'ISO-8601 time of this occurrence.',
          },
          reason: {
            $ref: '#/components/schemas/RecordedReason',
          },
          type: {
            type: 'string',
            description: '`Normal` or `Warning`.',
          },
          message: {
            type: 'string',
          },
          nodeClaim: {
            type: 'string',
          },
          node: {
            type: 'string',
          },
          nodePool: {
            type: 'string',
          },
          capacityType: {
            type: 'string',
          },
          instanceType: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          disruptionReason: {
            type: 'string',
            description:
              'For `DisruptionTerminating`: the disruption reason from the message (Underutilized, Drifted, ...).',
          },
        },
      },
      InterruptionBucket: {
        type: 'object',
        description: 'Counts of one time bucket.',
        required: ['start', 'total', 'byReason', 'nodeClaims'],
        properties: {
          start: {
            type: 'string',
            description: 'ISO-8601 start of the bucket.',
          },
          total: {
            type: 'number',
            description:
              'Raw event occurrences in the bucket (not the headline: one interruption is several events).',
          },
          byReason: {
            $ref: '#/components/schemas/ReasonCounts',
            description: 'Raw event occurrences in the bucket, by reason.',
          },
          nodeClaims: {
            $ref: '#/components/schemas/NodeClaimCounts',
            description:
              'Distinct NodeClaims by the time of their first event of the kind in the range: interrupted (first notice), rebalance-recommended, disrupted.',
          },
        },
      },
      InterruptionTotals: {
        type: 'object',
        description: 'Totals over a time range.',
        required: [
          'total',
          'events',
          'nodeClaims',
          'byReason',
          'byNodePool',
          'byCapacityType',
          'byInstanceType',
          'byZone',
          'disruptionsByReason',
          'consolidationsByNodePool',
        ],
        properties: {
          total: {
            type: 'number',
            deprecated: true,
            description:
              'Raw event occurrences (kept for compatibility, same as `events`). Use `nodeClaims.interrupted` for the number of interrupted nodes, or `events`.',
          },
          events: {
            type: 'number',
            description:
              'Raw event occurrences (every `count` increment of every recorded Event).',
          },
          nodeClaims: {
            $ref: '#/components/schemas/NodeClaimCounts',
            description:
              'Distinct NodeClaims in the range: interrupted, rebalance-recommended, disrupted.',
          },
          byReason: {
            $ref: '#/components/schemas/ReasonCounts',
            description:
              'Distinct NodeClaims (or Nodes/NodePools an event is about) per reason.',
          },
          byNodePool: {
            $ref: '#/components/schemas/Counts',
            description: 'Interrupted NodeClaims per NodePool.',
          },
          byCapacityType: {
            $ref: '#/components/schemas/Counts',
            description: 'Interrupted NodeClaims per capacity type.',
          },
          byInstanceType: {
            $ref: '#/components/schemas/Counts',
            description: 'Interrupted NodeClaims per instance type.',
          },
          byZone: {
            $ref: '#/components/schemas/Counts',
            description: 'Interrupted NodeClaims per zone.',
          },
          disruptionsByReason: {
            $ref: '#/components/schemas/Counts',
            description:
              'Disrupted NodeClaims per disruption reason (Underutilized, Empty, Drifted, Expired, ...).',
          },
          consolidationsByNodePool: {
            $ref: '#/components/schemas/Counts',
            description:
              'NodeClaims disrupted by consolidation (disruption reason `Underutilized` or `Empty`) per NodePool: what the card\'s "consolidation too aggressive" hint compares with the pool\'s node count.',
          },
        },
      },
      InterruptionNotice: {
        type: 'object',
        description:
          'One row of the "Latest" list: one NodeClaim (or Node / NodePool, when no NodeClaim is known) and one reason, with the events folded into it. The `TerminatingOnInterruption` events of a NodeClaim are folded into its newest interruption notice row.',
        required: [
          'subject',
          'reason',
          'kind',
          'firstTime',
          'lastTime',
          'events',
          'records',
        ],
        properties: {
          subject: {
            type: 'string',
            description:
              'What the row is about: a NodeClaim name, `node/<name>`, `nodepool/<name>` or `event/<uid>`.',
          },
          reason: {
            $ref: '#/components/schemas/RecordedReason',
          },
          kind: {
            $ref: '#/components/schemas/CountingKind',
          },
          nodeClaim: {
            type: 'string',
          },
          node: {
            type: 'string',
          },
          nodePool: {
            type: 'string',
          },
          capacityType: {
            type: 'string',
          },
          instanceType: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          disruptionReason: {
            type: 'string',
          },
          firstTime: {
            type: 'string',
            description:
              'ISO-8601 time of the first event of the row in the range.',
          },
          lastTime: {
            type: 'string',
            description:
              'ISO-8601 time of the newest event of the row in the range.',
          },
          events: {
            type: 'number',
            description: 'How many event occurrences were folded into the row.',
          },
          records: {
            type: 'array',
            description:
              'The raw events of the row (at most 50, newest first).',
            items: {
              $ref: '#/components/schemas/InterruptionRecord',
            },
          },
        },
      },
      InterruptionHistoryResponse: {
        type: 'object',
        description:
          'The answer of `GET /v1/clusters/{cluster}/interruptions`.',
        required: [
          'cluster',
          'from',
          'to',
          'bucketSeconds',
          'buckets',
          'totals',
          'records',
          'notices',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          from: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
          bucketSeconds: {
            type: 'number',
          },
          buckets: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/InterruptionBucket',
            },
          },
          totals: {
            $ref: '#/components/schemas/InterruptionTotals',
          },
          records: {
            type: 'array',
            description: 'The newest raw event occurrences, paged by `cursor`.',
            items: {
              $ref: '#/components/schemas/InterruptionRecord',
            },
          },
          nextCursor: {
            type: 'string',
            description:
              'Opaque cursor for the next page of `records`, when there is one.',
          },
          notices: {
            type: 'array',
            description:
              'The newest rows per NodeClaim and reason (by first event), paged by `noticeCursor`.',
            items: {
              $ref: '#/components/schemas/InterruptionNotice',
            },
          },
          nextNoticeCursor: {
            type: 'string',
            description:
              'Opaque cursor for the next page of `notices`, when there is one.',
          },
        },
      },
      InterruptionActivity: {
        type: 'object',
        description:
          'The `interruptions` slot of a cluster in an entity summary: the last 24 h.',
        required: ['from', 'to', 'totals', 'hourly'],
        properties: {
          from: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
          totals: {
            $ref: '#/components/schemas/InterruptionTotals',
          },
          hourly: {
            type: 'array',
            description: '24 hourly buckets, oldest first.',
            items: {
              $ref: '#/components/schemas/InterruptionBucket',
            },
          },
        },
      },
      QueueSample: {
        type: 'object',
        description: "One sample of the interruption queue's attributes.",
        required: ['time', 'visible', 'notVisible', 'delayed'],
        properties: {
          time: {
            type: 'string',
          },
          visible: {
            type: 'number',
          },
          notVisible: {
            type: 'number',
          },
          delayed: {
            type: 'number',
          },
        },
      },
      QueueState: {
        type: 'string',
        description:
          '`ok`: the queue drains; `falling-behind`: messages waited longer than the window (Karpenter is not keeping up); `error`: the queue could not be read; `not-configured`: no queue set; `unknown`: no sample yet.',
        enum: ['ok', 'falling-behind', 'error', 'not-configured', 'unknown'],
      },
      QueueStatus: {
        type: 'object',
        description:
          'The answer of `GET /v1/clusters/{cluster}/queue` and the queue slot of a summary.',
        required: ['cluster', 'state', 'message'],
        properties: {
          cluster: {
            type: 'string',
          },
          queueName: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/QueueState',
          },
          message: {
            type: 'string',
          },
          latest: {
            $ref: '#/components/schemas/QueueSample',
          },
          backlogSince: {
            type: 'string',
            description:
              'Since when the backlog has been above zero, if it is.',
          },
          error: {
            $ref: '#/components/schemas/ClusterError',
          },
          samples: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/QueueSample',
            },
          },
        },
      },
      PendingPodCode: {
        type: 'string',
        enum: [
          'NOMINATED',
          'NODEPOOL_LIMIT',
          'NODECLASS_NOT_READY',
          'INCOMPATIBLE',
          'NO_INSTANCE_TYPE',
          'NO_RESOURCE_REQUESTS',
          'UNKNOWN',
        ],
        description:
          "Why a pod waits. `NOMINATED`: Karpenter nominated a NodeClaim for it (it is coming). `NODEPOOL_LIMIT`: the NodePool it can use reached `spec.limits` (cpu, memory or nodes). `NODECLASS_NOT_READY`: the only NodePools that accept it have a NodeClass that is not Ready. `INCOMPATIBLE`: no NodePool accepts it (an untolerated taint, a requirement or node selector that matches no NodePool). `NO_INSTANCE_TYPE`: no instance type of its NodePools satisfies its resources or offering. `NO_RESOURCE_REQUESTS`: it requests no CPU and no memory, so Karpenter counts it as fitting on an existing node and launches nothing for it. `UNKNOWN`: anything else (`karpenterMessage` carries Karpenter's message verbatim, when there is one).",
      },
      PendingPod: {
        type: 'object',
        description: 'One pending pod of the entity and why it waits.',
        required: [
          'namespace',
          'name',
          'pendingSince',
          'code',
          'message',
          'hint',
        ],
        properties: {
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          pendingSince: {
            type: 'string',
            description:
              'Since when the pod waits: the last transition of its `PodScheduled=False` condition, or its creation when the scheduler has not written one yet.',
          },
          code: {
            $ref: '#/components/schemas/PendingPodCode',
          },
          message: {
            type: 'string',
            description:
              'The explanation, joined with the NodePool and NodeClass state (e.g. "NodePool general reached its CPU limit (104/104 cores)").',
          },
          hint: {
            type: 'string',
            description:
              'What to do about it (the same for every pod with this code).',
          },
          karpenterMessage: {
            type: 'string',
            description:
              'Karpenter\'s latest `FailedScheduling` or `Nominated` message on the pod, verbatim up to 1,024 characters (longer ones end in "…": Karpenter lists one error per NodePool it tried); absent when Karpenter has not written one that the API server still keeps.',
          },
          nodePool: {
            type: 'string',
            description:
              'The NodePool the explanation is about, when there is one.',
          },
          nodeClaim: {
            type: 'string',
            description:
              '`NOMINATED`: the NodeClaim Karpenter nominated for the pod.',
          },
          nodeClaimState: {
            $ref: '#/components/schemas/NodeClaimState',
            description: '`NOMINATED`: the state of that NodeClaim.',
          },
        },
      },
      PendingPods: {
        type: 'object',
        description:
          "The entity's pods that wait for a node in this cluster (phase Pending, not bound to a node): at most 50, the longest waiting first; `total` counts all of them.",
        required: ['total', 'items'],
        properties: {
          total: {
            type: 'integer',
          },
          eventsUnavailable: {
            type: 'boolean',
            description:
              "Set when Karpenter's events on pods could not be read or are not current (the backend needs `list`/`watch` on `events` in all namespaces): the explanations then rest on the NodePool and NodeClass state only.",
          },
          items: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/PendingPod',
            },
          },
        },
      },
      ClusterSummary: {
        type: 'object',
        description: "One cluster's part of an entity summary.",
        required: ['cluster', 'health', 'nodePools'],
        properties: {
          cluster: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          error: {
            $ref: '#/components/schemas/ClusterError',
            description:
              'Set when the cluster could not be read; the other clusters are unaffected.',
          },
          health: {
            $ref: '#/components/schemas/HealthStatus',
          },
          nodePools: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/NodePoolInfo',
            },
          },
          missingNodePools: {
            type: 'array',
            description:
              'NodePools named by `karpenter.sh/nodepools` that do not exist in the cluster.',
            items: {
              type: 'string',
            },
          },
          interruptions: {
            $ref: '#/components/schemas/InterruptionActivity',
            description:
              "Interruptions of the last 24 h for the summary's NodePools (absent when the interruption history is not available).",
          },
          queue: {
            $ref: '#/components/schemas/QueueStatus',
            description:
              "The cluster's interruption queue (absent when its status is not available).",
          },
          cost: {
            $ref: '#/components/schemas/Cost',
            description:
              "The sum of the cost of the summary's NodePools in this cluster.",
          },
          pendingPods: {
            $ref: '#/components/schemas/PendingPods',
            description:
              'Only for entities mapped by workloads (`backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector`): their pods that wait for a node, explained.',
          },
          updatedAt: {
            type: 'string',
            description:
              "The age of the data: the oldest last successful sync (list, watch event or bookmark) of the cluster's watched resources, not the time of the request.",
          },
          stale: {
            type: 'boolean',
            description:
              'Set when a watched resource has not synced for longer than `karpenter.staleAfter`: the NodePools are the last known state (each marked `stale`), `health` is `unknown` and `error` carries the last failure.',
          },
        },
      },
      EntitySummary: {
        type: 'object',
        description:
          'The answer of `GET /v1/entities/{namespace}/{kind}/{name}/summary`.',
        required: ['entityRef', 'status', 'health', 'clusters', 'generatedAt'],
        properties: {
          entityRef: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['configured', 'not-configured'],
            description:
              '`configured`: clusters resolved; `not-configured`: the entity has no usable annotation (see `message` for the annotation to add).',
          },
          message: {
            type: 'string',
          },
          mapping: {
            type: 'string',
            enum: ['annotations', 'workloads'],
            description:
              "How NodePools were chosen: annotations, or pods of the entity's workloads.",
          },
          health: {
            $ref: '#/components/schemas/HealthStatus',
          },
          clusters: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterSummary',
            },
          },
          cost: {
            $ref: '#/components/schemas/Cost',
            description:
              'The sum over the clusters that have a cost (a cluster that failed or is forbidden adds nothing).',
          },
          generatedAt: {
            type: 'string',
          },
        },
      },
      ClusterValues: {
        type: 'object',
        description:
          "The answer of `GET /v1/entities/{namespace}/{kind}/{name}/values`: the values a cluster repository created by the Karpenter template was rendered from, read from its `karpenter-values.yaml` through the backend's URL reader, with where they came from and where a change goes.",
        required: [
          'entityRef',
          'clusterName',
          'valuesUrl',
          'catalogInfoUrl',
          'values',
        ],
        properties: {
          entityRef: {
            type: 'string',
            description: 'The cluster entity, e.g. `resource:default/prod-eu`.',
          },
          clusterName: {
            type: 'string',
            description: "The entity's `karpenter.sh/cluster` annotation.",
          },
          valuesUrl: {
            type: 'string',
            description:
              "Where `karpenter-values.yaml` was read (next to the entity's catalog file).",
          },
          catalogInfoUrl: {
            type: 'string',
            description:
              "The entity's own catalog file, whose `karpenter.sh/nodepools` a change updates.",
          },
          repoUrl: {
            type: 'string',
            description:
              "The repository in the scaffolder's `repoUrl` form (`github.com?owner=acme&repo=prod-eu`), from the entity's location or its `github.com/project-slug` annotation; absent when neither names a GitHub repository.",
          },
          targetBranch: {
            type: 'string',
            description:
              'The branch the values were read from, when the location names one (`main`).',
          },
          values: {
            type: 'object',
            additionalProperties: true,
            description:
              'The whole template input of the repository (cluster settings and `nodePools`), validated by the template model (`@karpenter-backstage/karpenter-template`), defaults filled in.',
          },
        },
      },
    },
  },
} as const;

/** A router validating requests against {@link spec}, typed by {@link EndpointMap}. @internal */
export const createOpenApiRouter = async (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >['1'],
) =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
