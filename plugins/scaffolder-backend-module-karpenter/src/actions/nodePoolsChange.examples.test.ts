import fs from 'node:fs/promises';
import path from 'node:path';
import { listFiles, runAction } from '../__testUtils__/mockActionContext';
import { runExample } from '../__testUtils__/runExample';
import { createNodePoolsChangeAction } from './nodePoolsChange';
import { nodePoolsChangeExamples } from './nodePoolsChange.examples';
import { createValuesRenderAction } from './valuesRender';

/** The repository the examples change: a general (100 CPU) and a batch pool, fetched into ./current. */
async function fetchedRepository(workspace: string) {
  const repo = path.join(workspace, 'repo');
  await fs.mkdir(repo);
  await runAction(
    createValuesRenderAction({
      defaultModuleSource: 'git::https://example.com/karpenter.git?ref=v1.0.0',
    }),
    {
      clusterName: 'eks-cluster-prod',
      awsRegion: 'eu-west-1',
      nodePools: [
        { name: 'general', preset: 'general', limits: { cpu: '100' } },
        { name: 'batch', preset: 'batch' },
      ],
    },
    repo,
  );
  await fs.mkdir(path.join(workspace, 'current'));
  await fs.rename(
    path.join(repo, 'karpenter-values.yaml'),
    path.join(workspace, 'current', 'karpenter-values.yaml'),
  );
  await fs.rm(repo, { recursive: true });
}

describe('examples of the nodePoolsChange action', () => {
  const action = createNodePoolsChangeAction();

  it('are attached to the action', () => {
    expect(action.examples).toBe(nodePoolsChangeExamples);
    expect(nodePoolsChangeExamples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(nodePoolsChangeExamples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_, example) => {
      let written: string[] = [];
      const { steps, outputs, files } = await runExample(
        action,
        example,
        async workspace => {
          await fetchedRepository(workspace);
          written = await listFiles(workspace);
        },
      );
      expect(steps).toHaveLength(1);
      expect(steps[0].action).toBe(action.id);
      expect(outputs.changed).toBe(true);
      // the workspace holds the fetched values and exactly the files the action says it wrote
      expect(files).toEqual(
        [...written, ...(outputs.files as string[])].sort(),
      );
    },
  );
});
