import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { karpenterApiRef, KarpenterClient } from './api';
import { rootRouteRef } from './routes';

/**
 * The Karpenter frontend plugin (legacy frontend system).
 *
 * @public
 */
export const karpenterPlugin = createPlugin({
  id: 'karpenter',
  apis: [
    createApiFactory({
      api: karpenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KarpenterClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * Entity overview card: NodePool health, usage and interruption activity.
 *
 * @public
 */
export const EntityKarpenterCard: () => JSX.Element = karpenterPlugin.provide(
  createComponentExtension({
    name: 'EntityKarpenterCard',
    component: {
      lazy: () =>
        import('./components/EntityKarpenterCard').then(
          m => m.EntityKarpenterCard,
        ),
    },
  }),
);

/**
 * Entity tab: NodePools, NodeClaims, EC2NodeClasses and the interruption timeline.
 *
 * @public
 */
export const EntityKarpenterContent: () => JSX.Element =
  karpenterPlugin.provide(
    createRoutableExtension({
      name: 'EntityKarpenterContent',
      component: () =>
        import('./components/EntityKarpenterContent').then(
          m => m.EntityKarpenterContent,
        ),
      mountPoint: rootRouteRef,
    }),
  );
