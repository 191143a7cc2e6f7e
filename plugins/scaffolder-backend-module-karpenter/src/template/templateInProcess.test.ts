import { makeTempDir } from '../__testUtils__/mockActionContext';
import { expectReRenderUnchanged } from '../__testUtils__/reRender';
import {
  checkTwoPoolRepository,
  formErrors,
  loadTemplate,
  readWorkspace,
  runTemplateInProcess,
  TWO_POOL_VALUES,
  withFormDefaults,
} from '../__testUtils__/template';

/**
 * templates/karpenter-eks/template.yaml run in process (no portal): the same values and checks as
 * the dry-run e2e test (src/e2e/dryRun.e2e.test.ts), so the main suite covers the template.
 */
describe('the karpenter-eks template, in process', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('accepts the two-NodePool form values and produces the repository', async () => {
    const template = loadTemplate();
    const values = withFormDefaults(template, TWO_POOL_VALUES);
    expect(formErrors(template, values)).toEqual([]);
    const { output } = await runTemplateInProcess(values, tmp.dir);
    await checkTwoPoolRepository(await readWorkspace(tmp.dir));
    // the repository's CI: re-rendering from karpenter-values.yaml changes nothing
    await expectReRenderUnchanged(tmp.dir);
    expect(output.links).toEqual([
      {
        title: 'Repository',
        url: 'https://github.com/acme/karpenter-demo-cluster',
      },
      {
        title: 'Open the cluster in the catalog',
        icon: 'catalog',
        entityRef: 'resource:default/demo-cluster',
      },
    ]);
    expect(output.text[0].content).toContain('manifests/nodepool-batch.yaml');
  });

  it('works with only the required fields (form defaults, empty optional objects)', async () => {
    const template = loadTemplate();
    const values = withFormDefaults(template, {
      clusterName: 'minimal',
      owner: 'group:default/platform-team',
      repoUrl: 'github.com?owner=acme&repo=minimal',
      tags: {},
      backend: {},
    });
    expect(formErrors(template, values)).toEqual([]);
    await runTemplateInProcess(values, tmp.dir);
    const files = await readWorkspace(tmp.dir);
    expect(files.get('manifests/kustomization.yaml')).toContain(
      'nodepool-general.yaml',
    );
    expect(files.has('terraform/backend.tf')).toBe(false);
    await expectReRenderUnchanged(tmp.dir);
  });

  it('renders an S3 backend when the form names a bucket', async () => {
    const template = loadTemplate();
    const values = withFormDefaults(template, {
      ...TWO_POOL_VALUES,
      backend: { bucket: 'acme-tf-state' },
    });
    await runTemplateInProcess(values, tmp.dir);
    expect(
      (await readWorkspace(tmp.dir)).get('terraform/backend.tf'),
    ).toContain('bucket       = "acme-tf-state"');
    // use_lockfile (the default) needs Terraform 1.10
    expect(
      (await readWorkspace(tmp.dir)).get('terraform/versions.tf'),
    ).toContain('required_version = ">= 1.10.0"');
    await expectReRenderUnchanged(tmp.dir);
  });

  it('stops at the NodePools step with every bad field named; no manifests, no skeleton', async () => {
    const template = loadTemplate();
    const values = withFormDefaults(template, {
      ...TWO_POOL_VALUES,
      nodePools: [
        { name: 'general', limits: { cpu: '0' } },
        { name: 'general', labels: { 'karpenter.sh/team': 'x' } },
      ],
    });
    expect(formErrors(template, values)).toEqual([]);
    await expect(runTemplateInProcess(values, tmp.dir)).rejects.toThrow(
      /nodePools\[0\]\.limits\.cpu: must be a positive quantity[\s\S]*nodePools\[1\]\.labels\["karpenter\.sh\/team"\]: invalid key: label domain "karpenter\.sh" is restricted[\s\S]*nodePools\[1\]\.name: duplicate NodePool name "general"/,
    );
    const files = [...(await readWorkspace(tmp.dir)).keys()];
    expect(files.filter(f => !f.startsWith('terraform/'))).toEqual([]);
  });

  it('lets the form refuse what its schema can check', () => {
    const template = loadTemplate();
    const bad = withFormDefaults(template, {
      ...TWO_POOL_VALUES,
      awsRegion: 'mars',
      clusterName: 'x'.repeat(47),
    });
    expect(
      formErrors(template, bad)
        .map((e: any) => e.instancePath)
        .sort(),
    ).toEqual(['/awsRegion', '/clusterName']);
  });
});
