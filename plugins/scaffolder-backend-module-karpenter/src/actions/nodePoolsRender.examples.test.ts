import { runExample } from '../__testUtils__/runExample';
import { createNodePoolsRenderAction } from './nodePoolsRender';
import { nodePoolsRenderExamples } from './nodePoolsRender.examples';

describe('examples of the nodePoolsRender action', () => {
  const action = createNodePoolsRenderAction();

  it('are attached to the action', () => {
    expect(action.examples).toBe(nodePoolsRenderExamples);
    expect(nodePoolsRenderExamples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(nodePoolsRenderExamples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_, example) => {
      const { steps, outputs, files } = await runExample(action, example);
      expect(steps).toHaveLength(1);
      expect(steps[0].action).toBe(action.id);
      expect(files).toEqual([...(outputs.files as string[])].sort());
    },
  );
});
