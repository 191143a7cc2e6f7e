import { fork } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Two readings of the backend's memory (see {@link BenchBackend.memory}). */
export interface BenchMemory {
  held: NodeJS.MemoryUsage;
  plainGc: NodeJS.MemoryUsage;
}

/** A bench backend in its own process (see backendProcess.ts). */
export interface BenchBackend {
  baseUrl: string;
  /**
   * The backend process's memory after V8's last-resort GC (`held`: what the backend holds) and
   * after a plain full GC before it (`plainGc`: plus the young generation V8 keeps in reserve).
   */
  memory(): Promise<BenchMemory>;
  stop(): Promise<void>;
}

/** The simulator's pricing endpoints, when the bench runs with cost (`yarn bench` default). */
export interface BenchPricing {
  pricingEndpoint: string;
  ec2Endpoint: string;
}

/**
 * Starts backendProcess.ts against the cluster at `clusterUrl`; with `pricing`, cost is on
 * (prices from the simulator), without it `karpenter.cost.enabled` is false.
 */
export async function startBenchBackend(
  clusterUrl: string,
  pricing?: BenchPricing,
): Promise<BenchBackend> {
  const child = fork(
    resolvePackagePath(
      '@karpenter-backstage/karpenter-bench',
      'src/backendProcess.ts',
    ),
    [clusterUrl, JSON.stringify(pricing ?? null)],
    {
      execArgv: [
        '--expose-gc',
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
      ],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the bench backend exited (${code})`));
      const onMessage = (message: Record<string, unknown>) => {
        if (key in message) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(message[key] as T);
        }
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const port = await next<number>('port');
  return {
    baseUrl: `http://localhost:${port}`,
    memory: () => {
      const answer = next<BenchMemory>('memory');
      child.send('memory');
      return answer;
    },
    stop: async () => {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}
