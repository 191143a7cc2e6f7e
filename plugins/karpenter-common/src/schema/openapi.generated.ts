// This file is generated from plugins/karpenter-backend/src/schema/openapi.yaml (+ schemas/) by
// plugins/karpenter-backend/scripts/generate-openapi.mjs. Do not edit it by hand; edit the
// YAML and run `node plugins/karpenter-backend/scripts/generate-openapi.mjs`.

/* eslint-disable */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness of the plugin (no credentials needed). */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/clusters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The configured clusters (no URLs or secrets). */
    get: operations['listClusters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/clusters/{cluster}/nodepools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The NodePools of a cluster with health, usage, capacity split and budgets. */
    get: operations['listNodePools'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/clusters/{cluster}/nodeclasses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The EC2NodeClasses of a cluster. */
    get: operations['listNodeClasses'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/clusters/{cluster}/nodeclaims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One page of the NodeClaims of a cluster. */
    get: operations['listNodeClaims'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/clusters/{cluster}/interruptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The recorded interruption and disruption history of a cluster over a time range.
     * @description `from` must be before `to` and the range may span at most 31 days (checked by the handler, answered with 400 naming `from`).
     */
    get: operations['getInterruptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/clusters/{cluster}/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The state of the cluster's interruption queue with its samples. */
    get: operations['getQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/entities/{namespace}/{kind}/{name}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Karpenter summary of a catalog entity, per cluster of its annotations.
     * @description Clusters come from the entity's `karpenter.sh/cluster` annotation and must be configured in app-config; one failing cluster fills its `error` slot and never blanks the others.
     */
    get: operations['getEntitySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description The Backstage error shape. */
    ErrorResponse: {
      error: {
        name: string;
        message: string;
      };
      request: {
        method: string;
        url: string;
      };
      response: {
        statusCode: number;
      };
    };
    KarpenterHealthResponse: {
      /** @enum {string} */
      status: 'ok';
    };
    /** @description A per-cluster error slot. */
    ClusterError: {
      /** @description Machine-readable code, e.g. `UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`; `FORBIDDEN` with `permission` set when the Backstage permission denies the cluster to the caller. */
      code: string;
      message: string;
      /** @description The Backstage permission that was denied (`karpenter.cluster.read`); absent when the cluster's own API server refused (its `FORBIDDEN` is a Kubernetes 403). */
      permission?: string;
    };
    ClusterInfo: {
      name: string;
      title?: string;
      authProvider: string;
      /** @description Whether an interruption queue is configured. */
      hasInterruptionQueue: boolean;
    };
    ClusterList: {
      items: components['schemas']['ClusterInfo'][];
    };
    /** @enum {string} */
    HealthStatus: 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
    HealthReason: {
      /** @description Reason code, e.g. `NODEPOOL_NOT_READY`, `CPU_LIMIT_NEAR`, `NODECLAIMS_DRIFTED`, `INTERRUPTION_QUEUE_BACKLOG`, `STALE_DATA`. */
      code: string;
      message: string;
      severity: components['schemas']['HealthStatus'];
    };
    Health: {
      status: components['schemas']['HealthStatus'];
      reasons: components['schemas']['HealthReason'][];
    };
    ConditionInfo: {
      type: string;
      /** @description `True`, `False` or `Unknown`. */
      status: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    };
    RequirementInfo: {
      key: string;
      operator: string;
      values?: string[];
      minValues?: number;
    };
    BudgetInfo: {
      nodes: string;
      reasons?: string[];
      schedule?: string;
      duration?: string;
      /** @description Whether the budget is in effect now (no schedule = always). */
      active: boolean;
      /** @description Nodes this budget allows to disrupt now, given the NodePool's node count. */
      allowedDisruptions: number;
    };
    ResourceUsage: {
      /** @description Cores for cpu, bytes for memory. */
      used: number;
      limit?: number;
      /** @description used / limit, when a limit is set. */
      ratio?: number;
    };
    /** @enum {string} */
    NodeClaimState:
      | 'pending'
      | 'launched'
      | 'registered'
      | 'initialized'
      | 'drifted'
      | 'disrupting'
      | 'terminating'
      | 'failed';
    Taint: {
      key: string;
      value?: string;
      effect: string;
    };
    NodePoolInfo: {
      cluster: string;
      name: string;
      nodeClass?: {
        group: string;
        kind: string;
        name: string;
      };
      health: components['schemas']['Health'];
      weight?: number;
      requirements: components['schemas']['RequirementInfo'][];
      taints: components['schemas']['Taint'][];
      labels: {
        [key: string]: string;
      };
      expireAfter?: string;
      usage: {
        cpu: components['schemas']['ResourceUsage'];
        memory: components['schemas']['ResourceUsage'];
        pods?: components['schemas']['ResourceUsage'];
      };
      /** @description From `status.resources.nodes`. */
      nodeCount: number;
      nodesByCapacityType: {
        [key: string]: number;
      };
      /** @description NodeClaims per state (states without NodeClaims may be absent). */
      nodeClaimsByState: {
        pending?: number;
        launched?: number;
        registered?: number;
        initialized?: number;
        drifted?: number;
        disrupting?: number;
        terminating?: number;
        failed?: number;
      };
      disruption: {
        consolidationPolicy?: string;
        consolidateAfter?: string;
        budgets: components['schemas']['BudgetInfo'][];
      };
      conditions: components['schemas']['ConditionInfo'][];
      /** @description The last known state of a cluster whose data is stale: `health` is then `unknown` with a `STALE_DATA` reason first. */
      stale?: boolean;
    };
    NodePoolList: {
      cluster: string;
      items: components['schemas']['NodePoolInfo'][];
    };
    NodeClaimInfo: {
      name: string;
      nodePool?: string;
      state: components['schemas']['NodeClaimState'];
      instanceType?: string;
      capacityType?: string;
      zone?: string;
      nodeName?: string;
      createdAt?: string;
      drifted: boolean;
      disruptionReason?: string;
      conditions: components['schemas']['ConditionInfo'][];
    };
    NodeClaimPage: {
      cluster: string;
      items: components['schemas']['NodeClaimInfo'][];
      total: number;
      nextCursor?: string;
    };
    NodeClassInfo: {
      name: string;
      ready: boolean;
      health: components['schemas']['Health'];
      role?: string;
      instanceProfile?: string;
      amiSelectorTerms: {
        [key: string]: unknown;
      }[];
      subnets: {
        id: string;
        zone?: string;
        zoneId?: string;
      }[];
      securityGroups: {
        id: string;
        name?: string;
      }[];
      amis: {
        id: string;
        name?: string;
        requirements?: components['schemas']['RequirementInfo'][];
      }[];
      conditions: components['schemas']['ConditionInfo'][];
    };
    NodeClassList: {
      cluster: string;
      items: components['schemas']['NodeClassInfo'][];
    };
    /**
     * @description An event reason the interruption recorder keeps.
     * @enum {string}
     */
    RecordedReason:
      | 'SpotInterrupted'
      | 'SpotRebalanceRecommendation'
      | 'CapacityReservationInstanceInterrupted'
      | 'InstanceStopping'
      | 'InstanceTerminating'
      | 'InstanceUnhealthy'
      | 'TerminatingOnInterruption'
      | 'DisruptionTerminating'
      | 'DisruptionBlocked'
      | 'Unconsolidatable';
    /** @enum {string} */
    CountingKind:
      | 'interruption'
      | 'rebalance'
      | 'termination'
      | 'disruption'
      | 'information';
    NodeClaimCounts: {
      interrupted: number;
      rebalanceRecommended: number;
      disrupted: number;
    };
    /** @description Counts per recorded reason (reasons without any are absent). */
    ReasonCounts: {
      SpotInterrupted?: number;
      SpotRebalanceRecommendation?: number;
      CapacityReservationInstanceInterrupted?: number;
      InstanceStopping?: number;
      InstanceTerminating?: number;
      InstanceUnhealthy?: number;
      TerminatingOnInterruption?: number;
      DisruptionTerminating?: number;
      DisruptionBlocked?: number;
      Unconsolidatable?: number;
    };
    Counts: {
      [key: string]: number;
    };
    InterruptionRecord: {
      cluster: string;
      eventUid: string;
      occurrence: number;
      /** @description ISO-8601 time of this occurrence. */
      time: string;
      reason: components['schemas']['RecordedReason'];
      /** @description `Normal` or `Warning`. */
      type: string;
      message: string;
      nodeClaim?: string;
      node?: string;
      nodePool?: string;
      capacityType?: string;
      instanceType?: string;
      zone?: string;
      disruptionReason?: string;
    };
    InterruptionBucket: {
      /** @description ISO-8601 start of the bucket. */
      start: string;
      /** @description Raw event occurrences in the bucket. */
      total: number;
      byReason: components['schemas']['ReasonCounts'];
      nodeClaims: components['schemas']['NodeClaimCounts'];
    };
    InterruptionTotals: {
      /**
       * @deprecated
       * @description Raw event occurrences (same as `events`).
       */
      total: number;
      events: number;
      nodeClaims: components['schemas']['NodeClaimCounts'];
      byReason: components['schemas']['ReasonCounts'];
      byNodePool: components['schemas']['Counts'];
      byCapacityType: components['schemas']['Counts'];
      byInstanceType: components['schemas']['Counts'];
      byZone: components['schemas']['Counts'];
      disruptionsByReason: components['schemas']['Counts'];
    };
    InterruptionNotice: {
      /** @description A NodeClaim name, `node/<name>`, `nodepool/<name>` or `event/<uid>`. */
      subject: string;
      reason: components['schemas']['RecordedReason'];
      kind: components['schemas']['CountingKind'];
      nodeClaim?: string;
      node?: string;
      nodePool?: string;
      capacityType?: string;
      instanceType?: string;
      zone?: string;
      disruptionReason?: string;
      firstTime: string;
      lastTime: string;
      events: number;
      records: components['schemas']['InterruptionRecord'][];
    };
    InterruptionHistoryResponse: {
      cluster: string;
      from: string;
      to: string;
      bucketSeconds: number;
      buckets: components['schemas']['InterruptionBucket'][];
      totals: components['schemas']['InterruptionTotals'];
      records: components['schemas']['InterruptionRecord'][];
      nextCursor?: string;
      notices: components['schemas']['InterruptionNotice'][];
      nextNoticeCursor?: string;
    };
    InterruptionActivity: {
      from: string;
      to: string;
      totals: components['schemas']['InterruptionTotals'];
      hourly: components['schemas']['InterruptionBucket'][];
    };
    QueueSample: {
      time: string;
      visible: number;
      notVisible: number;
      delayed: number;
    };
    /** @enum {string} */
    QueueState:
      | 'ok'
      | 'falling-behind'
      | 'error'
      | 'not-configured'
      | 'unknown';
    QueueStatus: {
      cluster: string;
      queueName?: string;
      state: components['schemas']['QueueState'];
      message: string;
      latest?: components['schemas']['QueueSample'];
      backlogSince?: string;
      error?: components['schemas']['ClusterError'];
      samples?: components['schemas']['QueueSample'][];
    };
    ClusterSummary: {
      cluster: string;
      title?: string;
      error?: components['schemas']['ClusterError'];
      health: components['schemas']['HealthStatus'];
      nodePools: components['schemas']['NodePoolInfo'][];
      missingNodePools?: string[];
      interruptions?: components['schemas']['InterruptionActivity'];
      queue?: components['schemas']['QueueStatus'];
      /** @description The oldest last successful sync of the cluster's watched resources. */
      updatedAt?: string;
      stale?: boolean;
    };
    EntitySummary: {
      entityRef: string;
      /** @enum {string} */
      status: 'configured' | 'not-configured';
      message?: string;
      /** @enum {string} */
      mapping?: 'annotations' | 'workloads';
      health: components['schemas']['HealthStatus'];
      clusters: components['schemas']['ClusterSummary'][];
      generatedAt: string;
    };
  };
  responses: {
    /** @description A parameter is invalid; `error.message` starts with its name. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description No valid Backstage token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The `karpenter.cluster.read` permission is denied. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The cluster is not configured, or the entity does not exist. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The cluster cannot be read; `error.message` starts with its code (`UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`, ...). */
    ClusterUnavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: {
    /** @description A cluster name of app-config (`karpenter.clusters[].name`). */
    cluster: string;
    /** @description Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
    nodePool: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plugin is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KarpenterHealthResponse'];
        };
      };
    };
  };
  listClusters: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The clusters of app-config, in configuration order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterList'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  listNodePools: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The NodePools (the last known state, each marked `stale`, when the data is stale). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NodePoolList'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['ClusterUnavailable'];
    };
  };
  listNodeClasses: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The EC2NodeClasses, by name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NodeClassList'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['ClusterUnavailable'];
    };
  };
  listNodeClaims: {
    parameters: {
      query?: {
        /** @description Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
        nodePool?: components['parameters']['nodePool'];
        /** @description Only NodeClaims in this lifecycle state. */
        state?: components['schemas']['NodeClaimState'];
        /** @description Page size. */
        limit?: number;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page; `nextCursor` is set when there is another one. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NodeClaimPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['ClusterUnavailable'];
    };
  };
  getInterruptions: {
    parameters: {
      query?: {
        /** @description Start of the range (default `to` minus 24 h). */
        from?: string;
        /** @description End of the range (default now). */
        to?: string;
        /** @description Width of the timeline buckets. */
        bucket?: '5m' | '15m' | '1h' | '6h' | '1d';
        /** @description Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
        nodePool?: components['parameters']['nodePool'];
        /** @description Only events with this reason. */
        reason?: components['schemas']['RecordedReason'];
        /** @description Page size of `records`. */
        limit?: number;
        /** @description The `nextCursor` of the previous page of `records`. */
        cursor?: string;
        /** @description The `nextNoticeCursor` of the previous page of `notices`. */
        noticeCursor?: string;
      };
      header?: never;
      path: {
        /** @description A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Buckets, totals, the newest records and the newest notices. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterruptionHistoryResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  getQueue: {
    parameters: {
      query?: {
        /** @description Samples since this time (default one hour ago). */
        since?: string;
      };
      header?: never;
      path: {
        /** @description A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue state (`not-configured` when the cluster has no queue). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueStatus'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  getEntitySummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: string;
        kind: string;
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The summary (`status` `not-configured` when the entity has no usable annotation). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitySummary'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
}
