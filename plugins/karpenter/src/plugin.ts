import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createScaffolderFieldExtension,
  FieldExtensionComponent,
} from '@backstage/plugin-scaffolder-react';
import type { JSX } from 'react';
import { karpenterApiRef, KarpenterClient } from './api';
import {
  KARPENTER_NODEPOOLS_CHANGE_FIELD,
  KarpenterNodePoolsChangeUiOptions,
  KarpenterNodePoolsChangeValue,
  NodePoolsChangeField,
  validateNodePoolsChange,
} from './components/NodePoolsChangeField';
import { changeTemplateRouteRef, rootRouteRef } from './routes';

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
  // The app binds it to the scaffolder's selected-template page (README "Remediation links").
  externalRoutes: { changeTemplate: changeTemplateRouteRef },
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

/**
 * Scaffolder field `KarpenterNodePoolsChange` (legacy frontend system): loads the NodePools of
 * the cluster picked in a sibling parameter from its repository's `karpenter-values.yaml` and
 * edits them with the create template's NodePool schema; validates them with the template model.
 * Add it inside `<ScaffolderFieldExtensions>` of the app's scaffolder route.
 *
 * @public
 */
export const KarpenterNodePoolsChangeFieldExtension: FieldExtensionComponent<
  KarpenterNodePoolsChangeValue,
  KarpenterNodePoolsChangeUiOptions
> = karpenterPlugin.provide(
  createScaffolderFieldExtension({
    name: KARPENTER_NODEPOOLS_CHANGE_FIELD,
    component: NodePoolsChangeField,
    validation: validateNodePoolsChange,
  }),
);
