import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { karpenterApiRef, KarpenterClient } from './api';
import { rootRouteRef } from './routes';
import { isKarpenterAvailable } from './isKarpenterAvailable';

/** @alpha */
export const karpenterApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: karpenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KarpenterClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const karpenterEntityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isKarpenterAvailable,
    loader: () =>
      import('./components/EntityKarpenterCard').then(m => (
        <m.EntityKarpenterCard />
      )),
  },
});

/** @alpha */
export const karpenterEntityContent = EntityContentBlueprint.make({
  name: 'karpenter',
  params: {
    path: '/karpenter',
    title: 'Karpenter',
    // The card links here through this ref, so an app may mount the tab at another path.
    routeRef: convertLegacyRouteRef(rootRouteRef),
    filter: isKarpenterAvailable,
    loader: () =>
      import('./components/EntityKarpenterContent').then(m => (
        <m.EntityKarpenterContent />
      )),
  },
});

/**
 * The Karpenter plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'karpenter',
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [karpenterApi, karpenterEntityCard, karpenterEntityContent],
});
