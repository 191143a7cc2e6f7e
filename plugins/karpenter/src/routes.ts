import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/** @internal */
export const rootRouteRef = createRouteRef({ id: 'karpenter' });

/**
 * Where the remediation links of the card and the tab open the "Change Karpenter NodePools"
 * template: the scaffolder's selected-template page (`/create/templates/:namespace/:templateName`),
 * prefilled through its `formData` query parameter.
 *
 * Optional: without a binding the links are not shown. The new frontend system binds it by
 * default to `scaffolder.selectedTemplate` (`@backstage/plugin-scaffolder/alpha` registers its
 * selected-template sub route under that key); a legacy app binds it with
 * `bind(karpenterPlugin.externalRoutes, { changeTemplate: scaffolderPlugin.routes.selectedTemplate })`.
 *
 * @internal
 */
export const changeTemplateRouteRef = createExternalRouteRef({
  id: 'karpenter-change-template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});
