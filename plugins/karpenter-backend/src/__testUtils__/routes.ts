import { createRouter, RouterOptions } from '../router';

/** Sample values for the routes' path parameters. */
const SAMPLES: Record<string, string> = {
  cluster: 'demo',
  namespace: 'default',
  kind: 'resource',
  name: 'both',
};

/**
 * Every route the router serves, read from the router itself (so a new route is in every test
 * that iterates them), with its path parameters filled in.
 */
export async function listRoutes(): Promise<
  Array<{ method: string; path: string; route: string }>
> {
  // the handlers are never called: the services are not needed to list the routes
  const router = await createRouter({} as RouterOptions);
  const routes: Array<{ method: string; path: string; route: string }> = [];
  for (const layer of (router as any).stack) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) {
      const route: string = layer.route.path;
      routes.push({
        method,
        route,
        path: route.replace(/:(\w+)/g, (_, p: string) => {
          if (!SAMPLES[p]) throw new Error(`No sample value for :${p}`);
          return SAMPLES[p];
        }),
      });
    }
  }
  return routes;
}
