import { fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { benchConfig, BenchPricing } from './benchConfig';
import { catalogYaml } from './entities';
import { BenchSize } from './sizes';

export type { BenchPricing } from './benchConfig';

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

/** A port nothing listens on now (the backend's config needs it before the backend starts). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** The last lines the backend logged (for an error when it exits before it started). */
function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts backendProcess.ts for a size against the cluster at `clusterUrl`: its catalog file and
 * app-config in a temporary folder (removed on stop), its log in `logFile`. With `pricing`, cost
 * is on (prices from the simulator), without it `karpenter.cost.enabled` is false.
 */
export async function startBenchBackend(options: {
  size: BenchSize;
  clusterUrl: string;
  pricing?: BenchPricing;
  logFile: string;
}): Promise<BenchBackend> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'karpenter-bench-'));
  const cleanUp = () => fs.rmSync(work, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const entityFile = path.join(work, 'bench-entities.yaml');
  fs.writeFileSync(entityFile, catalogYaml(options.size));
  const databaseDir = path.join(work, 'sqlite');
  fs.mkdirSync(databaseDir);
  const port = await freePort();
  const configFile = path.join(work, 'app-config.bench.yaml');
  // JSON is YAML: the config loader reads it as the portal's app-config.yaml.
  fs.writeFileSync(
    configFile,
    JSON.stringify(
      benchConfig({
        port,
        clusterUrl: options.clusterUrl,
        pricing: options.pricing,
        databaseDir,
        entityFile,
      }),
      null,
      2,
    ),
  );
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  const child = fork(
    resolvePackagePath(
      '@karpenter-backstage/karpenter-bench',
      'src/backendProcess.ts',
    ),
    ['--config', configFile],
    {
      execArgv: [
        '--expose-gc',
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
        // KARPENTER_BENCH_CPU_PROF=<dir>: a V8 CPU profile of the backend per size, for finding
        // where a request's time goes (open it in Chrome DevTools).
        ...(process.env.KARPENTER_BENCH_CPU_PROF
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${process.env.KARPENTER_BENCH_CPU_PROF}`,
            ]
          : []),
      ],
      // The backend's log (the root logger writes to stdout) goes to the file, not the bench's
      // output; its errors too.
      stdio: ['ignore', log, log, 'ipc'],
    },
  );
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(
          new Error(
            `the bench backend exited (${code}); ${
              options.logFile
            } ends with:\n${tail(options.logFile)}`,
          ),
        );
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
  await next<boolean>('started');
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
      fs.closeSync(log);
      cleanUp();
      process.off('exit', cleanUp);
    },
  };
}
