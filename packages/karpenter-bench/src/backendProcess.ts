/* The test backend of one bench size, alone in its own process, so that its memory is the
 * backend's — not the simulator's or the load generator's. Started by `startBenchBackend` with
 * the cluster URL and the simulator's pricing endpoints (JSON, `null`: cost off) as arguments; over IPC it sends `{ port }` once listening, answers
 * `'memory'` with `process.memoryUsage()` after a full GC and after V8's last-resort GC, and
 * exits on `'stop'`. */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import karpenterBackend from '@karpenter-backstage/plugin-karpenter-backend';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import { ENTITY, RESOURCE, WORKLOAD } from './entities';

async function main(
  url: string,
  pricing: { pricingEndpoint: string; ec2Endpoint: string } | null,
) {
  // The portal's embedded default: SQLite files in a folder (the test backend's default is an
  // in-memory database, whose pages would count as the backend's RSS: the history's 26,000
  // records and their indexes, not what the caches hold).
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'karpenter-bench-db-'));
  process.on('exit', () => fs.rmSync(dbDir, { recursive: true, force: true }));
  const backend = await startTestBackend({
    features: [
      karpenterBackend,
      kubernetesBackend,
      // The real scheduler, as the portal runs it: the test backend's mock runs each task once at
      // start-up and never one with an initial delay, so the event recorder would never record
      // and the timeline would be measured over an empty history.
      schedulerServiceFactory,
      databaseServiceFactory,
      catalogServiceMock.factory({
        entities: [ENTITY, RESOURCE, WORKLOAD],
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
            database: {
              client: 'better-sqlite3',
              connection: { directory: dbDir },
            },
          },
          karpenter: {
            clusters: [
              {
                name: 'bench',
                url,
                authProvider: 'none',
                requestTimeout: 30000,
                aws: { region: 'us-east-1', ...pricing },
              },
            ],
            cost: { enabled: pricing !== null },
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
                    url,
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
        },
      }),
    ],
  });
  // The bench is gone (finished or failed): nothing is left to serve.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async message => {
    if (message === 'memory') {
      // A plain full GC leaves the young generation as large as the last burst grew it (V8 keeps
      // it until the isolate idles, tens of seconds); V8's last-resort GC, the one it runs
      // itself under memory pressure, also shrinks it. Both readings are sent.
      const gc = global.gc as unknown as
        | ((options?: {
            type: string;
            execution: string;
            flavor?: string;
          }) => void)
        | undefined;
      gc?.({ type: 'major', execution: 'sync' });
      const plainGc = process.memoryUsage();
      gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      process.send!({ memory: { held: process.memoryUsage(), plainGc } });
    } else if (message === 'stop') {
      await backend.stop();
      process.exit(0);
    }
  });
  process.send!({ port: (backend.server.address() as { port: number }).port });
}

main(process.argv[2], JSON.parse(process.argv[3] ?? 'null')).catch(error => {
  process.stderr.write(`[bench backend] ${error?.stack ?? error}\n`);
  process.exit(1);
});
