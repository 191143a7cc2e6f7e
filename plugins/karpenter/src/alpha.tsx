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
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { karpenterApiRef, KarpenterClient } from './api';
import { changeTemplateRouteRef, rootRouteRef } from './routes';
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
 * Scaffolder field `KarpenterNodePoolsChange`, loaded lazily. It attaches to the scaffolder's
 * form fields API (`api:scaffolder/form-fields`), so an app with the scaffolder plugin offers it
 * to every template without more wiring.
 *
 * @alpha
 */
export const karpenterNodePoolsChangeFormField = FormFieldBlueprint.make({
  name: 'karpenter-nodepools-change',
  params: {
    field: () =>
      import('./components/NodePoolsChangeField/formField').then(
        m => m.nodePoolsChangeFormField,
      ),
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
  // route id karpenter.changeTemplate; its defaultTarget binds it to scaffolder.selectedTemplate
  externalRoutes: convertLegacyRouteRefs({
    changeTemplate: changeTemplateRouteRef,
  }),
  extensions: [
    karpenterApi,
    karpenterEntityCard,
    karpenterEntityContent,
    karpenterNodePoolsChangeFormField,
  ],
});
