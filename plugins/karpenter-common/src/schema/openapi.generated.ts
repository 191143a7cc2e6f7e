// This file is generated from plugins/karpenter-backend/src/schema/openapi.yaml (+ schemas/) by
// plugins/karpenter-backend/scripts/generate-openapi.mjs. Do not edit it by hand; edit the
// YAML and run `node plugins/karpenter-backend/scripts/generate-openapi.mjs`.

/* eslint-disable */
/** The paths of the Karpenter HTTP API, from its OpenAPI spec. @public */
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
     * `from` must be before `to` and the range may span at most 31 days (checked by the handler, answered with 400 naming `from`).
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
  '/v1/clusters/{cluster}/cost': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the cluster's NodePools cost per hour over a time range (sampled).
     * The hourly cost of each NodePool is sampled every `karpenter.cost.sampleInterval` (default 10 minutes) and kept as long as the interruption history. A bucket's value is, per NodePool, the mean of its samples in the bucket, summed over the NodePools asked for. `from` must be before `to` and the range may span at most 31 days.
     */
    get: operations['getCostHistory'];
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
     * Clusters come from the entity's `karpenter.sh/cluster` annotation and must be configured in app-config; one failing cluster fills its `error` slot and never blanks the others.
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
  '/v1/entities/{namespace}/{kind}/{name}/values': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The karpenter-values.yaml of a cluster entity's repository (day-two changes).
     * For a `kubernetes-cluster` Resource created by the Karpenter template (it carries `karpenter.sh/cluster`): reads `karpenter-values.yaml` next to the entity's catalog file through the backend's URL reader (`integrations` and `backend.reading.allow` decide what may be read) and validates it with the template model. The entity is read with the caller's credentials; a cluster of app-config also needs `karpenter.cluster.read`.
     */
    get: operations['getEntityValues'];
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
/** The components of the Karpenter HTTP API, from its OpenAPI spec. @public */
export interface components {
  schemas: {
    /** The Backstage error shape. */
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
    /** The answer of `GET /api/karpenter/health`. */
    KarpenterHealthResponse: {
      status: 'ok';
    };
    /** A per-cluster error slot: one failing cluster never blanks the others. */
    ClusterError: {
      /** Machine-readable code, e.g. `UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`; `FORBIDDEN` with `permission` set when the Backstage permission denies the cluster to the caller. */
      code: string;
      /** Human-readable message. */
      message: string;
      /** Set when the Backstage permission framework denied the signed-in user this cluster (code `FORBIDDEN`): the name of the denied permission, `karpenter.cluster.read`. Without it, a `FORBIDDEN` error means the cluster's API server refused the backend's own identity (a Kubernetes 403). */
      permission?: string;
    };
    /** An item of `GET /v1/clusters`, a configured cluster (no URLs or secrets). */
    ClusterInfo: {
      name: string;
      title?: string;
      authProvider: string;
      /** Whether an interruption queue is configured. */
      hasInterruptionQueue: boolean;
    };
    ClusterList: {
      items: components['schemas']['ClusterInfo'][];
    };
    HealthStatus: 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
    /** One reason behind a status: `severity` is the status this reason alone implies (`healthy` for informational reasons such as drifted NodeClaims being replaced). */
    HealthReason: {
      /** Reason code, e.g. `NODEPOOL_NOT_READY`, `CPU_LIMIT_NEAR`, `NODECLAIMS_DRIFTED`, `INTERRUPTION_QUEUE_BACKLOG`, `STALE_DATA`. */
      code: string;
      message: string;
      /** The status this reason alone implies. */
      severity: components['schemas']['HealthStatus'];
    };
    /** A status with its reasons. */
    Health: {
      status: components['schemas']['HealthStatus'];
      reasons: components['schemas']['HealthReason'][];
    };
    /** A Kubernetes-style condition. */
    ConditionInfo: {
      type: string;
      /** `True`, `False` or `Unknown`. */
      status: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    };
    /** A NodeSelectorRequirement of a NodePool template. */
    RequirementInfo: {
      key: string;
      operator: string;
      values?: string[];
      minValues?: number;
    };
    /** Why some running nodes have no price (set only when `unpricedNodes` is above 0): nothing has been fetched for the region yet, or the last price refresh failed. With `pricedNodes` 0 the cost is not a number to read (`hourly` covers no node). */
    CostUnavailable: {
      /**
       * `PRICES_NOT_LOADED`: no price has been fetched for the region yet; `PRICING_DENIED`: AWS refused the credentials (`pricing:GetProducts`, `ec2:DescribeSpotPriceHistory`); `PRICING_UNAVAILABLE`: the pricing endpoints failed or throttled the last refresh.
       */
      code: 'PRICES_NOT_LOADED' | 'PRICING_DENIED' | 'PRICING_UNAVAILABLE';
      message: string;
    };
    /** The running nodes of one instance type and capacity type. */
    CostItem: {
      instanceType: string;
      /** `on-demand`, `spot` or `reserved` (`karpenter.sh/capacity-type`). */
      capacityType: string;
      nodes: number;
      /** What they cost per hour (USD, after the discount); absent when their price is not known (they are then counted in `unpricedNodes`). */
      hourly?: number;
    };
    /** The hourly list price of the running nodes (NodeClaims that have an instance: launched, registered, initialized, drifted, disrupting or terminating), after the configured discount. A node whose price is not known is counted in `unpricedNodes`, never as free. */
    Cost: {
      /** USD per hour of the priced nodes. */
      hourly: number;
      /** What the priced nodes would cost per hour at the on-demand price (spot savings = 1 − hourly / onDemandEquivalentHourly). */
      onDemandEquivalentHourly: number;
      /** 1 − hourly / onDemandEquivalentHourly, between 0 and 1 (absent when nothing is priced). */
      spotSavings?: number;
      currency: 'USD';
      pricedNodes: number;
      unpricedNodes: number;
      /** When the oldest price used was fetched from AWS. */
      pricesAsOf?: string;
      /** Set when a price used is older than 24 h (the price refresh is failing). */
      pricesStale?: boolean;
      /** Set when the cost is computed from the last known NodeClaims of a cluster whose data is stale (`ClusterSummary.stale`): what ran then, not necessarily what runs now. */
      dataStale?: boolean;
      unavailable?: components['schemas']['CostUnavailable'];
      byInstanceType: components['schemas']['CostItem'][];
    };
    /** One bucket of a cost history. */
    CostPoint: {
      /** Start of the bucket. */
      time: string;
      /** USD per hour (the sum over the NodePools of each one's mean in the bucket). */
      hourly: number;
      onDemandEquivalentHourly: number;
      /** Priced nodes (the sum of each NodePool's mean, rounded). */
      pricedNodes: number;
      unpricedNodes: number;
    };
    /** The answer of `GET /v1/clusters/{cluster}/cost`. */
    CostHistory: {
      cluster: string;
      bucketMs: number;
      /** The NodePools asked for (absent: the whole cluster). */
      nodePools?: string[];
      points: components['schemas']['CostPoint'][];
      /** What consolidation in the range took off the hourly cost. */
      consolidation?: components['schemas']['ConsolidationSavings'];
    };
    /** What consolidation in a time range took off the hourly cost (USD per hour, after the discount). For each NodeClaim Karpenter consolidated in the range (`DisruptionTerminating` with the disruption reason `Underutilized` or `Empty`): Karpenter's own estimate, from the `ConsolidationCandidate` event it records for a replacement (Karpenter 1.9+; a node's share of a multi-node command), else the node's own price (a deletion, for which Karpenter records no candidate), else no estimate. */
    ConsolidationSavings: {
      /** The hourly cost taken off, summed over the consolidated NodeClaims with an estimate. */
      hourly: number;
      currency: 'USD';
      /** NodeClaims consolidated in the range. */
      consolidated: number;
      /** Of them, estimated by Karpenter (its ConsolidationCandidate event for a replacement). */
      fromKarpenter: number;
      /** Of them, deleted without a replacement and priced at their own price. */
      fromPrices: number;
      /** Of them, with no estimate (no candidate event and no price known). */
      unestimated: number;
    };
    /** A disruption budget and whether it currently allows disruptions. */
    BudgetInfo: {
      nodes: string;
      reasons?: string[];
      schedule?: string;
      duration?: string;
      /** Whether the budget is in effect now (no schedule = always). */
      active: boolean;
      /** Nodes this budget allows to disrupt now, given the NodePool's node count. */
      allowedDisruptions: number;
    };
    /** Resource usage against a limit. */
    ResourceUsage: {
      /** Cores for cpu, bytes for memory. */
      used: number;
      limit?: number;
      /** used / limit, when a limit is set. */
      ratio?: number;
    };
    /**
     * NodeClaim lifecycle state derived from its conditions.
     */
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
    /** An item of `GET /v1/clusters/{cluster}/nodepools`. */
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
      /** From `status.resources.nodes`. */
      nodeCount: number;
      nodesByCapacityType: {
        [key: string]: number;
      };
      /** NodeClaims per state (states without NodeClaims may be absent). */
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
      /** What the NodePool's running nodes cost (absent when cost is not computed: the backend has no pricing, e.g. a test setup). */
      cost?: components['schemas']['Cost'];
      /** The last known state of a cluster whose data is stale: `health` is then `unknown` with a `STALE_DATA` reason first, followed by the reasons of the last known state. */
      stale?: boolean;
    };
    NodePoolList: {
      cluster: string;
      items: components['schemas']['NodePoolInfo'][];
    };
    /** An item of `GET /v1/clusters/{cluster}/nodeclaims`. */
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
    /** The answer of `GET /v1/clusters/{cluster}/nodeclaims`. */
    NodeClaimPage: {
      cluster: string;
      items: components['schemas']['NodeClaimInfo'][];
      total: number;
      nextCursor?: string;
    };
    /** An item of `GET /v1/clusters/{cluster}/nodeclasses`. */
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
     * An event reason the interruption recorder keeps.
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
      | 'Unconsolidatable'
      | 'ConsolidationCandidate';
    CountingKind:
      | 'interruption'
      | 'rebalance'
      | 'termination'
      | 'disruption'
      | 'information';
    /** Distinct NodeClaims in a window, by what happened to them. */
    NodeClaimCounts: {
      /** NodeClaims with at least one EC2 interruption notice. */
      interrupted: number;
      /** NodeClaims with a rebalance recommendation. */
      rebalanceRecommended: number;
      /** NodeClaims terminated by Karpenter. */
      disrupted: number;
    };
    /** Counts per recorded reason (reasons without any are absent). */
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
      ConsolidationCandidate?: number;
    };
    Counts: {
      [key: string]: number;
    };
    /** One occurrence of a recorded Karpenter event. An event whose `count` grows is kept as several occurrences (1, 2, 3, ...) of the same event uid. */
    InterruptionRecord: {
      cluster: string;
      eventUid: string;
      occurrence: number;
      /** ISO-8601 time of this occurrence. */
      time: string;
      reason: components['schemas']['RecordedReason'];
      /** `Normal` or `Warning`. */
      type: string;
      message: string;
      nodeClaim?: string;
      node?: string;
      nodePool?: string;
      capacityType?: string;
      instanceType?: string;
      zone?: string;
      /** For `DisruptionTerminating`: the disruption reason from the message (Underutilized, Drifted, ...). */
      disruptionReason?: string;
    };
    /** Counts of one time bucket. */
    InterruptionBucket: {
      /** ISO-8601 start of the bucket. */
      start: string;
      /** Raw event occurrences in the bucket (not the headline: one interruption is several events). */
      total: number;
      /** Raw event occurrences in the bucket, by reason. */
      byReason: components['schemas']['ReasonCounts'];
      /** Distinct NodeClaims by the time of their first event of the kind in the range: interrupted (first notice), rebalance-recommended, disrupted. */
      nodeClaims: components['schemas']['NodeClaimCounts'];
    };
    /** Totals over a time range. */
    InterruptionTotals: {
      /**
       * @deprecated
       * Raw event occurrences (kept for compatibility, same as `events`). Use `nodeClaims.interrupted` for the number of interrupted nodes, or `events`.
       */
      total: number;
      /** Raw event occurrences (every `count` increment of every recorded Event). */
      events: number;
      /** Distinct NodeClaims in the range: interrupted, rebalance-recommended, disrupted. */
      nodeClaims: components['schemas']['NodeClaimCounts'];
      /** Distinct NodeClaims (or Nodes/NodePools an event is about) per reason. */
      byReason: components['schemas']['ReasonCounts'];
      /** Interrupted NodeClaims per NodePool. */
      byNodePool: components['schemas']['Counts'];
      /** Interrupted NodeClaims per capacity type. */
      byCapacityType: components['schemas']['Counts'];
      /** Interrupted NodeClaims per instance type. */
      byInstanceType: components['schemas']['Counts'];
      /** Interrupted NodeClaims per zone. */
      byZone: components['schemas']['Counts'];
      /** Disrupted NodeClaims per disruption reason (Underutilized, Empty, Drifted, Expired, ...). */
      disruptionsByReason: components['schemas']['Counts'];
      /** NodeClaims disrupted by consolidation (disruption reason `Underutilized` or `Empty`) per NodePool: what the card's "consolidation too aggressive" hint compares with the pool's node count. */
      consolidationsByNodePool: components['schemas']['Counts'];
    };
    /** One row of the "Latest" list: one NodeClaim (or Node / NodePool, when no NodeClaim is known) and one reason, with the events folded into it. The `TerminatingOnInterruption` events of a NodeClaim are folded into its newest interruption notice row. */
    InterruptionNotice: {
      /** What the row is about: a NodeClaim name, `node/<name>`, `nodepool/<name>` or `event/<uid>`. */
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
      /** ISO-8601 time of the first event of the row in the range. */
      firstTime: string;
      /** ISO-8601 time of the newest event of the row in the range. */
      lastTime: string;
      /** How many event occurrences were folded into the row. */
      events: number;
      /** The raw events of the row (at most 50, newest first). */
      records: components['schemas']['InterruptionRecord'][];
    };
    /** The answer of `GET /v1/clusters/{cluster}/interruptions`. */
    InterruptionHistoryResponse: {
      cluster: string;
      from: string;
      to: string;
      bucketSeconds: number;
      buckets: components['schemas']['InterruptionBucket'][];
      totals: components['schemas']['InterruptionTotals'];
      /** The newest raw event occurrences, paged by `cursor`. */
      records: components['schemas']['InterruptionRecord'][];
      /** Opaque cursor for the next page of `records`, when there is one. */
      nextCursor?: string;
      /** The newest rows per NodeClaim and reason (by first event), paged by `noticeCursor`. */
      notices: components['schemas']['InterruptionNotice'][];
      /** Opaque cursor for the next page of `notices`, when there is one. */
      nextNoticeCursor?: string;
    };
    /** The `interruptions` slot of a cluster in an entity summary: the last 24 h. */
    InterruptionActivity: {
      from: string;
      to: string;
      totals: components['schemas']['InterruptionTotals'];
      /** 24 hourly buckets, oldest first. */
      hourly: components['schemas']['InterruptionBucket'][];
    };
    /** One sample of the interruption queue's attributes. */
    QueueSample: {
      time: string;
      visible: number;
      notVisible: number;
      delayed: number;
    };
    /**
     * `ok`: the queue drains; `falling-behind`: messages waited longer than the window (Karpenter is not keeping up); `error`: the queue could not be read; `not-configured`: no queue set; `unknown`: no sample yet.
     */
    QueueState:
      | 'ok'
      | 'falling-behind'
      | 'error'
      | 'not-configured'
      | 'unknown';
    /** The answer of `GET /v1/clusters/{cluster}/queue` and the queue slot of a summary. */
    QueueStatus: {
      cluster: string;
      queueName?: string;
      state: components['schemas']['QueueState'];
      message: string;
      latest?: components['schemas']['QueueSample'];
      /** Since when the backlog has been above zero, if it is. */
      backlogSince?: string;
      error?: components['schemas']['ClusterError'];
      samples?: components['schemas']['QueueSample'][];
    };
    /**
     * Why a pod waits. `NOMINATED`: Karpenter nominated a NodeClaim for it (it is coming). `NODEPOOL_LIMIT`: the NodePool it can use reached `spec.limits` (cpu, memory or nodes). `NODECLASS_NOT_READY`: the only NodePools that accept it have a NodeClass that is not Ready. `INCOMPATIBLE`: no NodePool accepts it (an untolerated taint, a requirement or node selector that matches no NodePool). `NO_INSTANCE_TYPE`: no instance type of its NodePools satisfies its resources or offering. `NO_RESOURCE_REQUESTS`: it requests no CPU and no memory, so Karpenter counts it as fitting on an existing node and launches nothing for it. `UNKNOWN`: anything else (`karpenterMessage` carries Karpenter's message verbatim, when there is one).
     */
    PendingPodCode:
      | 'NOMINATED'
      | 'NODEPOOL_LIMIT'
      | 'NODECLASS_NOT_READY'
      | 'INCOMPATIBLE'
      | 'NO_INSTANCE_TYPE'
      | 'NO_RESOURCE_REQUESTS'
      | 'UNKNOWN';
    /** One pending pod of the entity and why it waits. */
    PendingPod: {
      namespace: string;
      name: string;
      /** Since when the pod waits: the last transition of its `PodScheduled=False` condition, or its creation when the scheduler has not written one yet. */
      pendingSince: string;
      code: components['schemas']['PendingPodCode'];
      /** The explanation, joined with the NodePool and NodeClass state (e.g. "NodePool general reached its CPU limit (104/104 cores)"). */
      message: string;
      /** What to do about it (the same for every pod with this code). */
      hint: string;
      /** Karpenter's latest `FailedScheduling` or `Nominated` message on the pod, verbatim up to 1,024 characters (longer ones end in "…": Karpenter lists one error per NodePool it tried); absent when Karpenter has not written one that the API server still keeps. */
      karpenterMessage?: string;
      /** The NodePool the explanation is about, when there is one. */
      nodePool?: string;
      /** `NOMINATED`: the NodeClaim Karpenter nominated for the pod. */
      nodeClaim?: string;
      /** `NOMINATED`: the state of that NodeClaim. */
      nodeClaimState?: components['schemas']['NodeClaimState'];
    };
    /** The entity's pods that wait for a node in this cluster (phase Pending, not bound to a node): at most 50, the longest waiting first; `total` counts all of them. */
    PendingPods: {
      total: number;
      /** Set when Karpenter's events on pods could not be read or are not current (the backend needs `list`/`watch` on `events` in all namespaces): the explanations then rest on the NodePool and NodeClass state only. */
      eventsUnavailable?: boolean;
      items: components['schemas']['PendingPod'][];
    };
    /** One cluster's part of an entity summary. */
    ClusterSummary: {
      cluster: string;
      title?: string;
      /** Set when the cluster could not be read; the other clusters are unaffected. */
      error?: components['schemas']['ClusterError'];
      health: components['schemas']['HealthStatus'];
      nodePools: components['schemas']['NodePoolInfo'][];
      /** NodePools named by `karpenter.sh/nodepools` that do not exist in the cluster. */
      missingNodePools?: string[];
      /** Interruptions of the last 24 h for the summary's NodePools (absent when the interruption history is not available). */
      interruptions?: components['schemas']['InterruptionActivity'];
      /** The cluster's interruption queue (absent when its status is not available). */
      queue?: components['schemas']['QueueStatus'];
      /** The sum of the cost of the summary's NodePools in this cluster. */
      cost?: components['schemas']['Cost'];
      /** Only for entities mapped by workloads (`backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector`): their pods that wait for a node, explained. */
      pendingPods?: components['schemas']['PendingPods'];
      /** The age of the data: the oldest last successful sync (list, watch event or bookmark) of the cluster's watched resources, not the time of the request. */
      updatedAt?: string;
      /** Set when a watched resource has not synced for longer than `karpenter.staleAfter`: the NodePools are the last known state (each marked `stale`), `health` is `unknown` and `error` carries the last failure. */
      stale?: boolean;
    };
    /** The answer of `GET /v1/entities/{namespace}/{kind}/{name}/summary`. */
    EntitySummary: {
      entityRef: string;
      /**
       * `configured`: clusters resolved; `not-configured`: the entity has no usable annotation (see `message` for the annotation to add).
       */
      status: 'configured' | 'not-configured';
      message?: string;
      /**
       * How NodePools were chosen: annotations, or pods of the entity's workloads.
       */
      mapping?: 'annotations' | 'workloads';
      health: components['schemas']['HealthStatus'];
      clusters: components['schemas']['ClusterSummary'][];
      /** The sum over the clusters that have a cost (a cluster that failed or is forbidden adds nothing). */
      cost?: components['schemas']['Cost'];
      generatedAt: string;
    };
    /** The answer of `GET /v1/entities/{namespace}/{kind}/{name}/values`: the values a cluster repository created by the Karpenter template was rendered from, read from its `karpenter-values.yaml` through the backend's URL reader, with where they came from and where a change goes. */
    ClusterValues: {
      /** The cluster entity, e.g. `resource:default/prod-eu`. */
      entityRef: string;
      /** The entity's `karpenter.sh/cluster` annotation. */
      clusterName: string;
      /** Where `karpenter-values.yaml` was read (next to the entity's catalog file). */
      valuesUrl: string;
      /** The entity's own catalog file, whose `karpenter.sh/nodepools` a change updates. */
      catalogInfoUrl: string;
      /** The repository in the scaffolder's `repoUrl` form (`github.com?owner=acme&repo=prod-eu`), from the entity's location or its `github.com/project-slug` annotation; absent when neither names a GitHub repository. */
      repoUrl?: string;
      /** The branch the values were read from, when the location names one (`main`). */
      targetBranch?: string;
      /** The whole template input of the repository (cluster settings and `nodePools`), validated by the template model (`@karpenter-backstage/karpenter-template`), defaults filled in. */
      values: {
        [key: string]: unknown;
      };
    };
  };
  responses: {
    /** A parameter is invalid; `error.message` starts with its name. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** No valid Backstage token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** The `karpenter.cluster.read` permission is denied. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** The cluster is not configured, or the entity does not exist. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** The cluster cannot be read; `error.message` starts with its code (`UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`, ...). */
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
    /** A cluster name of app-config (`karpenter.clusters[].name`). */
    cluster: string;
    /** Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
    nodePool: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
/** The operations of the Karpenter HTTP API, from its OpenAPI spec. @public */
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
      /** The plugin is up. */
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
      /** The clusters of app-config, in configuration order. */
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
        /** A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The NodePools (the last known state, each marked `stale`, when the data is stale). */
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
        /** A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The EC2NodeClasses, by name. */
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
        /** Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
        nodePool?: components['parameters']['nodePool'];
        /** Only NodeClaims in this lifecycle state. */
        state?: components['schemas']['NodeClaimState'];
        /** Page size. */
        limit?: number;
        /** The `nextCursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        /** A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The page; `nextCursor` is set when there is another one. */
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
        /** Start of the range (default `to` minus 24 h). */
        from?: string;
        /** End of the range (default now). */
        to?: string;
        /** Width of the timeline buckets. */
        bucket?: '5m' | '15m' | '1h' | '6h' | '1d';
        /** Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
        nodePool?: components['parameters']['nodePool'];
        /** Only events with this reason. */
        reason?: components['schemas']['RecordedReason'];
        /** Page size of `records`. */
        limit?: number;
        /** The `nextCursor` of the previous page of `records`. */
        cursor?: string;
        /** The `nextNoticeCursor` of the previous page of `notices`. */
        noticeCursor?: string;
      };
      header?: never;
      path: {
        /** A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Buckets, totals, the newest records and the newest notices. */
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
  getCostHistory: {
    parameters: {
      query?: {
        /** Start of the range (default `to` minus 24 h). */
        from?: string;
        /** End of the range (default now). */
        to?: string;
        /** Width of the buckets. */
        bucket?: '5m' | '15m' | '1h' | '6h' | '1d';
        /** Only these NodePools: a comma-separated list of NodePool names (DNS-1123 labels, at most 63 characters each) without empty items; all NodePools when absent. */
        nodePool?: components['parameters']['nodePool'];
      };
      header?: never;
      path: {
        /** A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The cost per bucket (buckets without a sample are absent). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CostHistory'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** Cost is turned off (`karpenter.cost.enabled` is false). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getQueue: {
    parameters: {
      query?: {
        /** Samples since this time (default one hour ago). */
        since?: string;
      };
      header?: never;
      path: {
        /** A cluster name of app-config (`karpenter.clusters[].name`). */
        cluster: components['parameters']['cluster'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The queue state (`not-configured` when the cluster has no queue). */
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
      /** The summary (`status` `not-configured` when the entity has no usable annotation). */
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
  getEntityValues: {
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
      /** The values and where they came from. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterValues'];
        };
      };
      /** The entity is not a Karpenter cluster entity, has no location to read from, or its `karpenter-values.yaml` is invalid (`error.message` names the fields). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** The entity does not exist, or its repository has no `karpenter-values.yaml`. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** The URL reader refused or failed to read the file (no integration for the host, not in `backend.reading.allow`, or the host is down); the details are in the backend log. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
