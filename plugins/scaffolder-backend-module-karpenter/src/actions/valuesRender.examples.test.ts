import { parse } from 'yaml';
import {
  listFiles,
  makeTempDir,
  runAction,
} from '../__testUtils__/mockActionContext';
import { expectReRenderUnchanged } from '../__testUtils__/reRender';
import { runExample } from '../__testUtils__/runExample';
import { createNodePoolsRenderAction } from './nodePoolsRender';
import { createTerraformRenderAction } from './terraformRender';
import { createValuesRenderAction } from './valuesRender';
import { valuesRenderExamples } from './valuesRender.examples';

describe('examples of the valuesRender action', () => {
  const action = createValuesRenderAction();

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

  it.each(valuesRenderExamples.map(e => [e.description, e] as const))(
    'with the two render actions, re-renders byte for byte from its karpenter-values.yaml: %s',
    async (_, example) => {
      const { nodePools, ...cluster } = parse(example.example).steps[0].input;
      const tmp = await makeTempDir();
      try {
        await runAction(createTerraformRenderAction(), cluster, tmp.dir);
        await runAction(
          createNodePoolsRenderAction(),
          { clusterName: cluster.clusterName, nodePools },
          tmp.dir,
        );
        await runAction(action, { ...cluster, nodePools }, tmp.dir);
        expect(await listFiles(tmp.dir)).toContain('karpenter-values.yaml');
        await expectReRenderUnchanged(tmp.dir);
      } finally {
        await tmp.cleanup();
      }
    },
  );
});
