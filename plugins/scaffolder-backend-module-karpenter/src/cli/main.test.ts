import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import {
  listFiles,
  makeTempDir,
  runAction,
} from '../__testUtils__/mockActionContext';
import {
  createNodePoolsRenderAction,
  createTerraformRenderAction,
  createValuesRenderAction,
} from '../actions';
import { runKarpenterRender } from './main';

const MODULE_SOURCE = 'git::https://git.example.com/k.git?ref=v1';

const values = {
  moduleSource: MODULE_SOURCE,
  clusterName: 'demo',
  awsRegion: 'eu-central-1',
  tags: { Team: 'platform' },
  nodePools: [
    { name: 'general', preset: 'general' },
    { name: 'batch', preset: 'batch' },
  ],
};

describe('karpenter-render', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let stdout: string[];
  let stderr: string[];
  const run = (...argv: string[]) =>
    runKarpenterRender(argv, {
      stdout: line => stdout.push(line),
      stderr: line => stderr.push(line),
      cwd: tmp.dir,
    });

  beforeEach(async () => {
    tmp = await makeTempDir();
    stdout = [];
    stderr = [];
  });
  afterEach(() => tmp.cleanup());

  it('renders exactly what the three actions render (exit 0)', async () => {
    await fs.writeFile(path.join(tmp.dir, 'values.yaml'), stringify(values));
    await expect(run('--values', 'values.yaml', '--out', 'repo')).resolves.toBe(
      0,
    );
    const workspace = path.join(tmp.dir, 'workspace');
    const { clusterName, awsRegion, tags, nodePools } = values;
    await runAction(
      createTerraformRenderAction(),
      { clusterName, awsRegion, tags, moduleSource: MODULE_SOURCE },
      workspace,
    );
    await runAction(createValuesRenderAction(), values, workspace);
    await runAction(
      createNodePoolsRenderAction(),
      { clusterName, nodePools },
      workspace,
    );
    const files = await listFiles(path.join(tmp.dir, 'repo'));
    expect(files).toEqual(await listFiles(workspace));
    expect(files).toHaveLength(9);
    expect(files).toContain('karpenter-values.yaml');
    for (const file of files) {
      expect(await fs.readFile(path.join(tmp.dir, 'repo', file), 'utf8')).toBe(
        await fs.readFile(path.join(workspace, file), 'utf8'),
      );
    }
    expect(stdout).toContain(`wrote ${path.join('repo', 'terraform/main.tf')}`);
  });

  it('reads JSON values and honours --module-source and --dry-run', async () => {
    const { moduleSource: _, ...withoutSource } = values;
    await fs.writeFile(
      path.join(tmp.dir, 'values.json'),
      JSON.stringify(withoutSource),
    );
    // without a module source in the values, --module-source is required
    await expect(run('--values=values.json', '--out', 'repo')).resolves.toBe(2);
    expect(stderr).toEqual([
      'karpenter-render: No Terraform module source:',
      expect.stringMatching(
        /^ {2}moduleSource: is not set and --module-source is not configured/,
      ),
      'Nothing was written.',
    ]);
    await expect(
      run(
        '--values=values.json',
        '--dry-run',
        '--module-source',
        '../modules/karpenter',
      ),
    ).resolves.toBe(0);
    expect(stdout).toContain('would write terraform/main.tf');
    expect(await listFiles(tmp.dir)).toEqual(['values.json']);
    await expect(
      run(
        '--values',
        'values.json',
        '--out',
        'repo',
        '--module-source',
        '../modules/karpenter',
      ),
    ).resolves.toBe(0);
    expect(
      await fs.readFile(path.join(tmp.dir, 'repo/terraform/main.tf'), 'utf8'),
    ).toContain('source = "../modules/karpenter"');
    // the values file records the source used: re-rendering from it needs no flag
    expect(
      await fs.readFile(
        path.join(tmp.dir, 'repo/karpenter-values.yaml'),
        'utf8',
      ),
    ).toContain('moduleSource: "../modules/karpenter"');
  });

  it('exits 2, lists every field error and writes nothing on bad input', async () => {
    await fs.writeFile(
      path.join(tmp.dir, 'values.yaml'),
      stringify({
        ...values,
        awsRegion: 'moon-1',
        nodePools: [
          { name: 'general', limits: { cpu: 0 } },
          { name: 'Batch', labels: { 'karpenter.k8s.aws/custom': 'x' } },
        ],
      }),
    );
    await expect(run('--values', 'values.yaml', '--out', 'repo')).resolves.toBe(
      2,
    );
    expect(stderr).toEqual([
      'karpenter-render: Invalid values in values.yaml:',
      '  awsRegion: must be an AWS region such as us-east-1 or eu-central-2',
      '  nodePools[0].limits.cpu: must be a positive quantity such as 1000, 500m or 1000Gi',
      '  nodePools[1].name: must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit',
      '  nodePools[1].labels["karpenter.k8s.aws/custom"]: invalid key: label domain "karpenter.k8s.aws" is restricted; use a well-known label (e.g. karpenter.k8s.aws/instance-family) or a custom domain',
      'Nothing was written.',
    ]);
    expect(await listFiles(tmp.dir)).toEqual(['values.yaml']);
  });

  it('exits 2 on usage errors, unreadable or unparsable values and a bad --module-source', async () => {
    await expect(run('--out', 'x')).resolves.toBe(2);
    expect(stderr[0]).toMatch(
      /--values is required[\s\S]*Usage: karpenter-render/,
    );
    await expect(run('--values', 'missing.yaml', '--out', 'x')).resolves.toBe(
      2,
    );
    await fs.writeFile(path.join(tmp.dir, 'broken.yaml'), 'a: [1\n');
    await expect(run('--values', 'broken.yaml', '--out', 'x')).resolves.toBe(2);
    await fs.writeFile(
      path.join(tmp.dir, 'dup.yaml'),
      'clusterName: a\nclusterName: b\n',
    );
    await expect(run('--values', 'dup.yaml', '--out', 'x')).resolves.toBe(2);
    await fs.writeFile(path.join(tmp.dir, 'values.yaml'), stringify(values));
    await expect(
      run('--values', 'values.yaml', '--out', 'x', '--module-source', 'a"b'),
    ).resolves.toBe(2);
    await expect(run('--values', 'values.yaml', '--bogus')).resolves.toBe(2);
    expect(await listFiles(tmp.dir)).toEqual([
      'broken.yaml',
      'dup.yaml',
      'values.yaml',
    ]);
    await expect(run('--help')).resolves.toBe(0);
    expect(stdout[0]).toMatch(/^Usage: karpenter-render/);
  });

  it('runs as the package bin with this Node version', async () => {
    const bin = path.resolve(__dirname, '../../bin/karpenter-render');
    await fs.writeFile(path.join(tmp.dir, 'values.yaml'), stringify(values));
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      [bin, '--values', 'values.yaml', '--out', 'repo'],
      { cwd: tmp.dir },
    );
    expect(out).toContain('manifests/kustomization.yaml');
    expect(await listFiles(path.join(tmp.dir, 'repo'))).toHaveLength(9);
    const failure = await promisify(execFile)(
      process.execPath,
      [bin, '--values', 'values.yaml'],
      { cwd: tmp.dir },
    ).catch(error => error);
    expect(failure.code).toBe(2);
  }, 60_000);
});
