import { InputError } from '@backstage/errors';
import {
  listFiles,
  makeTempDir,
  runAction,
} from '../__testUtils__/mockActionContext';
import { readManifest } from '../__testUtils__/parseOutputs';
import { createNodePoolsRenderAction } from './nodePoolsRender';

describe('karpenter:nodepools:render', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('describes itself for the portal (id, dry run, schemas with descriptions)', () => {
    const action = createNodePoolsRenderAction();
    expect(action.id).toBe('karpenter:nodepools:render');
    expect(action.supportsDryRun).toBe(true);
    const pool = (action.schema!.input as any).properties.nodePools.items;
    expect(pool.properties.preset.enum).toEqual([
      'general',
      'batch',
      'critical',
      'custom',
    ]);
    expect(pool.properties.consolidationPolicy.description).toBeTruthy();
    expect(Object.keys((action.schema!.output as any).properties)).toEqual([
      'files',
      'clusterName',
      'entityRef',
      'nodePools',
      'nodePoolsAnnotation',
    ]);
  });

  it('writes an EC2NodeClass and a NodePool per pool plus a kustomization, all CRD-valid', async () => {
    const outputs = await runAction(
      createNodePoolsRenderAction(),
      {
        clusterName: 'demo',
        nodePools: [
          { name: 'general' },
          { name: 'batch', preset: 'batch', weight: 10 },
        ],
      },
      tmp.dir,
    );
    expect(outputs).toEqual({
      files: [
        'manifests/ec2nodeclass-general.yaml',
        'manifests/nodepool-general.yaml',
        'manifests/ec2nodeclass-batch.yaml',
        'manifests/nodepool-batch.yaml',
        'manifests/kustomization.yaml',
      ],
      clusterName: 'demo',
      entityRef: 'resource:default/demo',
      nodePools: ['general', 'batch'],
      nodePoolsAnnotation: 'general,batch',
    });
    expect(await listFiles(tmp.dir)).toHaveLength(5);
    for (const file of (outputs.files as string[]).slice(0, 4)) {
      const { validation } = await readManifest(
        tmp.dir,
        file.replace('manifests/', ''),
      );
      expect([file, validation.violations]).toEqual([file, []]);
    }
    const { object } = await readManifest(tmp.dir, 'nodepool-batch.yaml');
    expect(object.spec.weight).toBe(10);
  });

  it('rejects bad NodePools with an InputError naming each field and writes nothing', async () => {
    const run = runAction(
      createNodePoolsRenderAction(),
      {
        clusterName: 'demo',
        nodePools: [
          { name: 'general' },
          {
            name: 'batch',
            limits: { cpu: '-1' },
            taints: [{ key: 'a', effect: 'NoWay' }],
            requirements: [
              { key: 'karpenter.sh/nodepool', operator: 'In', values: ['x'] },
            ],
            budgets: [{ nodes: '10%', schedule: '0 9 * * *' }],
            expireAfter: '1 day',
          },
          { name: 'general' },
        ],
      },
      tmp.dir,
    );
    await expect(run).rejects.toThrow(InputError);
    const message = await run.catch(e => e.message);
    expect(message.split('\n')).toEqual([
      'Invalid input to karpenter:nodepools:render:',
      'nodePools[1].requirements[0].key: label "karpenter.sh/nodepool" is restricted',
      'nodePools[1].limits.cpu: must be a positive quantity such as 1000, 500m or 1000Gi',
      'nodePools[1].taints[0].effect: must be one of: NoSchedule, PreferNoSchedule, NoExecute',
      'nodePools[1].expireAfter: must be a duration such as 720h, 30s or 1h30m or "Never"',
      'nodePools[1].budgets[0].duration: schedule and duration must be set together',
      'nodePools[2].name: duplicate NodePool name "general"',
    ]);
    expect(await listFiles(tmp.dir)).toEqual([]);
  });
});
