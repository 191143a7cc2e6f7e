/*
 * A recording process for the kill -9 test: the plugin's real recorder (client-node event
 * watch, cache resolver, knex store with migrations) against one cluster and a PostgreSQL
 * database, running until killed. Env: CLUSTER_URL, PG_CONNECTION (JSON).
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import { DatabaseInterruptionStore, migrateDatabase } from '../database';
import { DefaultClusterCache } from '../services/ClusterCache';
import { DefaultClusterRegistry } from '../services/ClusterRegistry';
import {
  cacheResolver,
  InterruptionRecorder,
  KubeEventSource,
} from '../services/InterruptionRecorder';

async function main() {
  const knex = knexFactory({
    client: 'pg',
    connection: JSON.parse(process.env.PG_CONNECTION!),
  });
  const store = new DatabaseInterruptionStore(
    await migrateDatabase({ getClient: async () => knex }),
  );
  const registry = new DefaultClusterRegistry([
    {
      name: 'demo',
      url: process.env.CLUSTER_URL!,
      authProvider: 'none',
      skipTLSVerify: true,
      requestTimeoutMs: 5000,
      aws: {},
    },
  ]);
  const log = (level: string) => (message: string, meta?: object) =>
    process.stderr.write(`${level} ${message} ${JSON.stringify(meta ?? {})}\n`);
  const logger: LoggerService = {
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: () => {},
    child: () => logger,
  };
  const cache = new DefaultClusterCache(registry, logger);
  process.stdout.write('ready\n');
  for (;;) {
    const recorder = new InterruptionRecorder({
      cluster: 'demo',
      namespaces: ['default'],
      source: new KubeEventSource(renew => registry.kubeConfig('demo', renew)),
      resolver: cacheResolver(cache, 'demo'),
      store,
      logger,
    });
    await recorder
      .run(new AbortController().signal, 60_000)
      .catch(() => undefined);
  }
}

main().catch(error => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
