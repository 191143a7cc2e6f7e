import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  listFiles,
  makeTempDir,
  runAction,
} from '../__testUtils__/mockActionContext';
import { readTerraform } from '../__testUtils__/parseOutputs';
import { createTerraformRenderAction } from './terraformRender';

describe('karpenter:terraform:render', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('describes itself for the portal (id, dry run, schemas with descriptions)', () => {
    const action = createTerraformRenderAction();
    expect(action.id).toBe('karpenter:terraform:render');
    expect(action.supportsDryRun).toBe(true);
    const input = action.schema!.input as any;
    expect(input.required).toEqual(['clusterName', 'awsRegion']);
    expect(input.properties.clusterName.description).toMatch(/EKS cluster/);
    expect(input.properties.helmChartVersion.default).toBe('1.14.1');
    expect(Object.keys((action.schema!.output as any).properties)).toEqual([
      'files',
      'clusterName',
      'entityRef',
      'moduleSource',
    ]);
  });

  it('writes the Terraform root into the workspace and reports it', async () => {
    const outputs = await runAction(
      createTerraformRenderAction({
        defaultModuleSource: 'git::https://git.example.com/k.git?ref=v1',
      }),
      {
        clusterName: 'demo',
        awsRegion: 'eu-west-1',
        environment: 'prod',
        tags: { Team: 'platform' },
      },
      tmp.dir,
    );
    expect(outputs).toEqual({
      files: [
        'terraform/main.tf',
        'terraform/versions.tf',
        'terraform/outputs.tf',
      ],
      clusterName: 'demo',
      entityRef: 'resource:default/demo',
      moduleSource: 'git::https://git.example.com/k.git?ref=v1',
    });
    expect(await listFiles(tmp.dir)).toEqual([
      'terraform/main.tf',
      'terraform/outputs.tf',
      'terraform/versions.tf',
    ]);
    const { module } = await readTerraform(tmp.dir);
    expect(module).toMatchObject({
      source: 'git::https://git.example.com/k.git?ref=v1',
      eks_cluster_name: 'demo',
      environment: 'prod',
      aws_region: 'eu-west-1',
      resource_tag: { Team: 'platform' },
    });
  });

  it('renders the same in a dry run (the dry-run workspace is returned to the user)', async () => {
    const outputs = await runAction(
      createTerraformRenderAction({
        defaultModuleSource: 'git::https://git.example.com/k.git?ref=v1',
      }),
      {
        clusterName: 'demo',
        awsRegion: 'eu-west-1',
        backend: { bucket: 'tf-state' },
      },
      tmp.dir,
      true,
    );
    expect(outputs.files).toContain('terraform/backend.tf');
  });

  it('rejects bad input with an InputError naming each field and writes nothing', async () => {
    const run = runAction(
      createTerraformRenderAction(),
      {
        clusterName: 'demo cluster',
        awsRegion: 'eu-west-1',
        namespace: 'Karpenter',
        tags: { 'Team"': 'x' },
        moduleSource: 'x"${file("/etc/passwd")}',
      },
      tmp.dir,
    );
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      /clusterName: must be an EKS cluster name[\s\S]*namespace: must be a DNS-1123 label[\s\S]*tags\["Team\\""\]: invalid key[\s\S]*moduleSource: must be a Terraform module source/,
    );
    expect(await listFiles(tmp.dir)).toEqual([]);
  });

  it('fails without karpenter.scaffolder.defaultModuleSource and a moduleSource input, naming the key; writes nothing', async () => {
    const run = runAction(
      createTerraformRenderAction(),
      { clusterName: 'demo', awsRegion: 'eu-west-1' },
      tmp.dir,
    );
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      /moduleSource: is not set and karpenter\.scaffolder\.defaultModuleSource is not configured/,
    );
    expect(await listFiles(tmp.dir)).toEqual([]);
    // the input alone is enough
    const outputs = await runAction(
      createTerraformRenderAction(),
      {
        clusterName: 'demo',
        awsRegion: 'eu-west-1',
        moduleSource: '../modules/karpenter',
      },
      tmp.dir,
    );
    expect(outputs.moduleSource).toBe('../modules/karpenter');
  });

  it('does not touch files outside terraform/', async () => {
    await fs.writeFile(path.join(tmp.dir, 'README.md'), 'keep');
    await runAction(
      createTerraformRenderAction(),
      {
        clusterName: 'demo',
        awsRegion: 'eu-west-1',
        moduleSource: '../modules/karpenter',
      },
      tmp.dir,
    );
    expect(await fs.readFile(path.join(tmp.dir, 'README.md'), 'utf8')).toBe(
      'keep',
    );
  });
});
