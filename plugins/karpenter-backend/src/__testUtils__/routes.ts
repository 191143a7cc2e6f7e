import type { IRoute } from 'express';
import { createRouter, RouterOptions } from '../router';

/** An Express 4 route, with the `methods` (method → true) its types leave out. */
type ExpressRoute = IRoute & { methods: Record<string, boolean> };

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
  for (const layer of router.stack) {
    if (!layer.route) continue;
    const { methods, path } = layer.route as ExpressRoute;
    for (const method of Object.keys(methods)) {
      const route: string = path;
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
