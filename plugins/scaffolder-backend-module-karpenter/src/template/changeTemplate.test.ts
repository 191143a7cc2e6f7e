import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  changeSource,
  createClusterRepository,
  loadChangeTemplate,
  mergePullRequest,
  runChangeTemplateInProcess,
} from '../__testUtils__/changeTemplate';
import { makeTempDir } from '../__testUtils__/mockActionContext';
import { expectReRenderUnchanged, snapshot } from '../__testUtils__/reRender';
import { formErrors, TWO_POOL_VALUES } from '../__testUtils__/template';

/**
 * templates/karpenter-nodepools-change/template.yaml run in process against a repository the
 * create template made: the pull request it would open, merged, must leave a repository whose CI
 * passes (re-rendering changes nothing) and that equals a fresh repository with the new NodePools.
 */
describe('the karpenter-nodepools-change template, in process', () => {
  const BASE = 'http://git.example.com/acme/demo-cluster/raw/main';
  let repo: { dir: string; cleanup: () => Promise<void> };
  let workspace: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    repo = await makeTempDir();
    workspace = await makeTempDir();
    await createClusterRepository(repo.dir);
  });
  afterEach(async () => {
    await repo.cleanup();
    await workspace.cleanup();
  });

  const change = (nodePools: unknown[], nodePool?: string) => ({
    cluster: 'resource:default/demo-cluster',
    ...(nodePool ? { nodePool } : {}),
    change: { source: changeSource(BASE, 'demo-cluster'), nodePools },
  });
  const run = (values: Record<string, unknown>) =>
    runChangeTemplateInProcess({
      values,
      workspace: workspace.dir,
      repoDir: repo.dir,
      baseUrl: BASE,
    });
  const [general, batch] = TWO_POOL_VALUES.nodePools;

  it('raises a limit: two files change, no node is replaced, and the merged repository passes its CI', async () => {
    const values = change(
      [general, { ...batch, limits: { cpu: '1200' } }],
      'batch',
    );
    expect(formErrors(loadChangeTemplate(), values)).toEqual([]);
    const { steps, pullRequest, output } = await run(values);
    expect(steps.change.output).toMatchObject({
      changed: true,
      filesChanged: ['karpenter-values.yaml', 'manifests/nodepool-batch.yaml'],
      filesAdded: [],
      filesToDelete: [],
    });
    expect(pullRequest).toMatchObject({
      repoUrl: 'github.com?owner=acme&repo=demo-cluster',
      targetBranchName: 'main',
      sourcePath: 'changes',
      filesToDelete: [],
      createWhenEmpty: false,
    });
    expect(pullRequest!.branchName).toMatch(
      /^karpenter\/nodepools-demo-cluster-[0-9a-f]{8}$/,
    );
    expect(pullRequest!.description).toContain('no node is replaced');
    expect(output.links[0]).toEqual({
      title: 'Pull request',
      url: 'https://github.com/acme/demo-cluster/pull/7',
    });
    expect(output.text.map((t: { title: string }) => t.title)).toEqual([
      'What happens to running nodes',
      'Files',
    ]);
    mergePullRequest(repo.dir, workspace.dir, pullRequest!);
    await expectReRenderUnchanged(repo.dir);
    const merged = parseYaml(
      fs.readFileSync(
        path.join(repo.dir, 'manifests/nodepool-batch.yaml'),
        'utf8',
      ),
    );
    expect(merged.spec.limits).toEqual({ cpu: '1200' });
  });

  it('adds and removes pools: the merged repository is the one the create template makes for the new pools', async () => {
    const gpu = {
      name: 'gpu',
      preset: 'custom',
      instanceFamilies: ['g5'],
      taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
    };
    const { steps, pullRequest } = await run(change([general, gpu]));
    expect(steps.change.output).toMatchObject({
      changed: true,
      filesChanged: [
        'catalog-info.yaml',
        'karpenter-values.yaml',
        'manifests/kustomization.yaml',
      ],
      filesAdded: [
        'manifests/ec2nodeclass-gpu.yaml',
        'manifests/nodepool-gpu.yaml',
      ],
      filesToDelete: [
        'manifests/ec2nodeclass-batch.yaml',
        'manifests/nodepool-batch.yaml',
      ],
    });
    expect(pullRequest!.description).toMatch(/batch.*removed/is);
    mergePullRequest(repo.dir, workspace.dir, pullRequest!);
    await expectReRenderUnchanged(repo.dir);

    const fresh = await makeTempDir();
    try {
      await createClusterRepository(fresh.dir, {
        ...TWO_POOL_VALUES,
        nodePools: [general, gpu],
      });
      expect(await snapshot(repo.dir)).toEqual(await snapshot(fresh.dir));
    } finally {
      await fresh.cleanup();
    }
  });

  it('says "nothing to change" and opens no pull request when the NodePools are the same', async () => {
    const { steps, skipped, pullRequest, output } = await run(
      change([general, batch]),
    );
    expect(steps.change.output.changed).toBe(false);
    expect(steps.change.output.files).toEqual([]);
    expect(skipped).toEqual(['pr']);
    expect(pullRequest).toBeUndefined();
    expect(fs.existsSync(path.join(workspace.dir, 'changes'))).toBe(false);
    expect(output.links.map((l: { title: string }) => l.title)).toEqual([
      'Open the cluster in the catalog',
    ]);
    expect(output.text.map((t: { title: string }) => t.title)).toEqual([
      'What happens to running nodes',
      'Nothing to change',
    ]);
  });

  it('reads the empty lists and maps a form sends for untouched fields as "not set"', async () => {
    // what RJSF submits for a pool whose optional lists the user never touched
    const asTheFormSendsIt = (pool: object) => ({
      ...pool,
      architectures: [],
      instanceCategories: [],
      taints: [],
      labels: {},
      budgets: [],
      nodeClass: { tags: {} },
    });
    const same = await run(
      change([asTheFormSendsIt(general), asTheFormSendsIt(batch)]),
    );
    expect(same.steps.change.output.changed).toBe(false);
    const raised = await run(
      change([
        asTheFormSendsIt(general),
        asTheFormSendsIt({ ...batch, weight: 30 }),
      ]),
    );
    const values = parseYaml(
      fs.readFileSync(
        path.join(workspace.dir, 'changes/karpenter-values.yaml'),
        'utf8',
      ),
    );
    // the untouched pool stays as the repository has it, the changed one has no empty lists
    expect(values.nodePools).toEqual([general, { ...batch, weight: 30 }]);
    expect(raised.steps.change.output.filesChanged).toEqual([
      'karpenter-values.yaml',
      'manifests/nodepool-batch.yaml',
    ]);
  });

  it('fails naming the bad NodePool field, before anything is written', async () => {
    await expect(
      run(change([general, { ...batch, limits: { cpu: '0' } }])),
    ).rejects.toThrow('nodePools[1].limits.cpu: must be a positive quantity');
    expect(fs.existsSync(path.join(workspace.dir, 'changes'))).toBe(false);
  });
});
