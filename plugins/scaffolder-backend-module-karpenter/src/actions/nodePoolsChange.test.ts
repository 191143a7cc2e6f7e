import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createClusterRepository } from '../__testUtils__/changeTemplate';
import {
  listFiles,
  makeTempDir,
  runAction,
} from '../__testUtils__/mockActionContext';
import { TWO_POOL_VALUES } from '../__testUtils__/template';
import { createNodePoolsChangeAction } from './nodePoolsChange';

describe('karpenter:nodepools:change', () => {
  const action = createNodePoolsChangeAction();
  const [general, batch] = TWO_POOL_VALUES.nodePools;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  /** The workspace after fetch:plain:file: the repository's values and catalog file in ./current. */
  beforeEach(async () => {
    tmp = await makeTempDir();
    const repo = path.join(tmp.dir, 'repo');
    await fs.mkdir(repo);
    await createClusterRepository(repo);
    await fs.mkdir(path.join(tmp.dir, 'current'));
    for (const file of ['karpenter-values.yaml', 'catalog-info.yaml']) {
      await fs.copyFile(
        path.join(repo, file),
        path.join(tmp.dir, 'current', file),
      );
    }
    await fs.rm(repo, { recursive: true });
  });
  afterEach(() => tmp.cleanup());

  const input = (nodePools: unknown[], extra: object = {}) => ({
    clusterName: 'demo-cluster',
    nodePools,
    ...extra,
  });

  it('writes only the changed files under outputPath, also in a dry run', async () => {
    const outputs = await runAction(
      action,
      input([{ ...general, weight: 10 }, batch]),
      tmp.dir,
      true,
    );
    expect(outputs).toMatchObject({
      changed: true,
      files: [
        'changes/karpenter-values.yaml',
        'changes/manifests/nodepool-general.yaml',
      ],
      filesChanged: [
        'karpenter-values.yaml',
        'manifests/nodepool-general.yaml',
      ],
      filesToDelete: [],
    });
    expect(outputs.summary).toBe('general: no node replaced (spec.weight)');
    expect(
      (await listFiles(tmp.dir)).filter(f => f.startsWith('changes/')),
    ).toEqual([
      'changes/karpenter-values.yaml',
      'changes/manifests/nodepool-general.yaml',
    ]);
  });

  it("keeps catalog-info.yaml's NodePool list in step with added and removed pools", async () => {
    const outputs = await runAction(
      action,
      input([
        general,
        { name: 'arm', preset: 'general', architectures: ['arm64'] },
      ]),
      tmp.dir,
    );
    expect(outputs.filesChanged).toContain('catalog-info.yaml');
    const entity = parseYaml(
      await fs.readFile(
        path.join(tmp.dir, 'changes/catalog-info.yaml'),
        'utf8',
      ),
    );
    expect(entity.metadata.annotations['karpenter.sh/nodepools']).toBe(
      'general,arm',
    );
    // the rest of the entity is the repository's
    const before = parseYaml(
      await fs.readFile(
        path.join(tmp.dir, 'current/catalog-info.yaml'),
        'utf8',
      ),
    );
    expect({
      ...entity,
      metadata: { ...entity.metadata, annotations: {} },
    }).toEqual({
      ...before,
      metadata: { ...before.metadata, annotations: {} },
    });
  });

  it('refuses a cluster other than the one of the values file, and a missing or invalid values file', async () => {
    await expect(
      runAction(action, { ...input([general]), clusterName: 'other' }, tmp.dir),
    ).rejects.toThrow(
      'clusterName: is other, but karpenter-values.yaml is for cluster demo-cluster',
    );
    await expect(
      runAction(action, input([general], { currentPath: 'nowhere' }), tmp.dir),
    ).rejects.toThrow(
      'nowhere/karpenter-values.yaml is missing: fetch the repository',
    );
    const file = path.join(tmp.dir, 'current/karpenter-values.yaml');
    await fs.writeFile(
      file,
      (
        await fs.readFile(file, 'utf8')
      ).replace('awsRegion: eu-west-1', 'awsRegion: mars'),
    );
    await expect(runAction(action, input([general]), tmp.dir)).rejects.toThrow(
      /Invalid current\/karpenter-values\.yaml[\s\S]*awsRegion/,
    );
  });

  it('writes nothing outside the workspace', async () => {
    await expect(
      runAction(action, input([general], { outputPath: '../escape' }), tmp.dir),
    ).rejects.toThrow(/outside/i);
    await expect(
      runAction(
        action,
        input([general], { currentPath: '../../etc' }),
        tmp.dir,
      ),
    ).rejects.toThrow(/outside/i);
    expect(
      await fs
        .stat(path.join(tmp.dir, '..', 'escape'))
        .then(() => true)
        .catch(() => false),
    ).toBe(false);
  });
});
