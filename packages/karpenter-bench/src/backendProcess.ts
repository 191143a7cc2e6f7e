/* The backend of one bench size, alone in its own process, so that its memory is the backend's —
 * not the simulator's or the load generator's. It is built as the portal's backend is
 * (packages/backend/src/index.ts): createBackend() with the default services (the real scheduler,
 * SQLite files, the auth and permission services) and the real auth (guest provider), catalog and
 * permission (allow-all policy) plugins beside the Karpenter backend and the Kubernetes plugin
 * (the peer). Its config comes from the `--config` file startBenchBackend writes (createBackend
 * reads process.argv). Over IPC it sends `{ started: true }` once started, answers `'memory'` with
 * `process.memoryUsage()` after a full GC and after V8's last-resort GC, and exits on `'stop'`. */
import { createBackend } from '@backstage/backend-defaults';

async function main() {
  const backend = createBackend();
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
  backend.add(import('@karpenter-backstage/plugin-karpenter-backend'));
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  await backend.start();
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
  // Listening on the config's port (backend.listen.port), which the bench chose.
  process.send!({ started: true });
}

main().catch(error => {
  process.stderr.write(`[bench backend] ${error?.stack ?? error}\n`);
  process.exit(1);
});
