/* The app-config of a bench backend: what the portal's app-config.yaml gives its backend (auth
 * with the guest provider, permission enabled, the catalog reading a file location, SQLite files),
 * pointed at the simulated cluster. Written to a file and passed with `--config`, as the portal's
 * backend gets its config. */

/** The simulator's pricing endpoints, when the bench runs with cost (`yarn bench` default). */
export interface BenchPricing {
  pricingEndpoint: string;
  ec2Endpoint: string;
}

export interface BenchConfigOptions {
  port: number;
  clusterUrl: string;
  /** With pricing, cost is on (prices from the simulator); without, `karpenter.cost.enabled` is false. */
  pricing?: BenchPricing;
  /** The folder of the SQLite files (one per plugin, as the portal's embedded default). */
  databaseDir: string;
  /** The catalog file of the bench entities (see entities.ts). */
  entityFile: string;
}

export function benchConfig(options: BenchConfigOptions) {
  const { port, clusterUrl, pricing } = options;
  const baseUrl = `http://localhost:${port}`;
  return {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port },
      // SQLite files, not `:memory:`: an in-memory database's pages would count as the backend's
      // RSS (the history's 26,000 records and their indexes), not what the caches hold.
      database: {
        client: 'better-sqlite3',
        connection: { directory: options.databaseDir },
      },
    },
    auth: {
      environment: 'development',
      providers: {
        // The bench runs with NODE_ENV=production (the smoke test) or unset: the guest provider
        // refuses to sign in outside development unless told (loopback only, nothing to protect).
        guest: { dangerouslyAllowOutsideDevelopment: true },
      },
    },
    // As app-config.yaml: every karpenter request goes through the permission framework (the
    // allow-all policy answers, over the permission backend's HTTP API).
    permission: { enabled: true },
    catalog: {
      rules: [{ allow: ['Component', 'Resource', 'Location'] }],
      locations: [{ type: 'file', target: options.entityFile }],
    },
    karpenter: {
      clusters: [
        {
          name: 'bench',
          url: clusterUrl,
          authProvider: 'none',
          requestTimeout: 30000,
          aws: { region: 'us-east-1', ...pricing },
        },
      ],
      cost: { enabled: pricing !== undefined },
    },
    aws: {
      mainAccount: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'bench',
              url: clusterUrl,
              authProvider: 'serviceAccount',
              serviceAccountToken: 'bench',
              skipTLSVerify: true,
              skipMetricsLookup: true,
            },
          ],
        },
      ],
      objectTypes: ['pods'],
      customResources: [
        { group: 'karpenter.sh', apiVersion: 'v1', plural: 'nodepools' },
        { group: 'karpenter.sh', apiVersion: 'v1', plural: 'nodeclaims' },
      ],
    },
  };
}
