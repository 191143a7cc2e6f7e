import { fork } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** A bench backend in its own process (see backendProcess.ts). */
export interface BenchBackend {
  baseUrl: string;
  /** The backend process's memory after a full GC. */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/** Starts backendProcess.ts against the cluster at `clusterUrl`. */
export async function startBenchBackend(
  clusterUrl: string,
): Promise<BenchBackend> {
  const child = fork(
    resolvePackagePath(
      '@karpenter-backstage/karpenter-bench',
      'src/backendProcess.ts',
    ),
    [clusterUrl],
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
      const answer = next<NodeJS.MemoryUsage>('memory');
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
