import { runExample } from '../__testUtils__/runExample';
import { createValuesRenderAction } from './valuesRender';
import { valuesRenderExamples } from './valuesRender.examples';

describe('examples of the valuesRender action', () => {
  // as in a portal that sets karpenter.scaffolder.defaultModuleSource
  const action = createValuesRenderAction({
    defaultModuleSource:
      'git::https://github.com/acme/karpenter-backstage.git//terraform-module/karpenter?ref=v0.2.0',
  });

  it('are attached to the action', () => {
    expect(action.examples).toBe(valuesRenderExamples);
    expect(valuesRenderExamples.length).toBeGreaterThanOrEqual(1);
  });

  it.each(valuesRenderExamples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_, example) => {
      const { steps, outputs, files } = await runExample(action, example);
      expect(steps).toHaveLength(1);
      expect(steps[0].action).toBe(action.id);
      expect(files).toEqual([...(outputs.files as string[])].sort());
    },
  );
});
