import { RenderOptions } from '../render';
import { createNodePoolsChangeAction } from './nodePoolsChange';
import { createNodePoolsRenderAction } from './nodePoolsRender';
import { createTerraformRenderAction } from './terraformRender';
import { createValuesRenderAction } from './valuesRender';

export {
  createTerraformRenderAction,
  TERRAFORM_RENDER_ACTION_ID,
} from './terraformRender';
export {
  createValuesRenderAction,
  VALUES_RENDER_ACTION_ID,
} from './valuesRender';
export {
  createNodePoolsRenderAction,
  NODEPOOLS_RENDER_ACTION_ID,
} from './nodePoolsRender';
export {
  createNodePoolsChangeAction,
  NODEPOOLS_CHANGE_ACTION_ID,
} from './nodePoolsChange';

/**
 * Every scaffolder action of this module.
 *
 * @public
 */
export function createKarpenterActions(
  options: RenderOptions = {},
): [
  ReturnType<typeof createTerraformRenderAction>,
  ReturnType<typeof createNodePoolsRenderAction>,
  ReturnType<typeof createValuesRenderAction>,
  ReturnType<typeof createNodePoolsChangeAction>,
] {
  return [
    createTerraformRenderAction(options),
    createNodePoolsRenderAction(),
    createValuesRenderAction(options),
    createNodePoolsChangeAction(),
  ];
}
