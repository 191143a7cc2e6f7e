/**
 * Scaffolder actions that render a Karpenter-on-EKS repository and change its NodePools later, and
 * the `karpenter-render` CLI.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKarpenter as default } from './module';
export {
  createKarpenterActions,
  createNodePoolsChangeAction,
  createNodePoolsRenderAction,
  createTerraformRenderAction,
  createValuesRenderAction,
  NODEPOOLS_CHANGE_ACTION_ID,
  NODEPOOLS_RENDER_ACTION_ID,
  TERRAFORM_RENDER_ACTION_ID,
  VALUES_RENDER_ACTION_ID,
} from './actions';
export { runKarpenterRender } from './cli';
export type { CliIo } from './cli';
export type { RenderOptions } from './render';
