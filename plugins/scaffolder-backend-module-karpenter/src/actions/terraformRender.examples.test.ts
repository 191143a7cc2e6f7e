import { runExample } from '../__testUtils__/runExample';
import { createTerraformRenderAction } from './terraformRender';
import { terraformRenderExamples } from './terraformRender.examples';

describe('examples of the terraformRender action', () => {
  // as in a portal that sets karpenter.scaffolder.defaultModuleSource
  const action = createTerraformRenderAction({
    defaultModuleSource:
      'git::https://github.com/acme/karpenter-backstage.git//terraform-module/karpenter?ref=v0.2.0',
  });

  it('are attached to the action', () => {
    expect(action.examples).toBe(terraformRenderExamples);
    expect(terraformRenderExamples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(terraformRenderExamples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_, example) => {
      const { steps, outputs, files } = await runExample(action, example);
      expect(steps).toHaveLength(1);
      expect(steps[0].action).toBe(action.id);
      expect(files).toEqual([...(outputs.files as string[])].sort());
    },
  );
});
