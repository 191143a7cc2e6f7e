/**
 * Scaffolder actions that render a Karpenter-on-EKS repository, and the `karpenter-render` CLI.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKarpenter as default } from './module';
export {
  createKarpenterActions,
  createNodePoolsRenderAction,
  createTerraformRenderAction,
  createValuesRenderAction,
  NODEPOOLS_RENDER_ACTION_ID,
  TERRAFORM_RENDER_ACTION_ID,
  VALUES_RENDER_ACTION_ID,
} from './actions';
export { runKarpenterRender } from './cli';
export type { CliIo } from './cli';
export type { RenderOptions } from './render';
