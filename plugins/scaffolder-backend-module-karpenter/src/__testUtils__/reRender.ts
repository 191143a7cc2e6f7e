import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runKarpenterRender } from '../cli';
import { listFiles, runAction } from './mockActionContext';

/** Every file under `dir` with its content. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await listFiles(dir);
  return Object.fromEntries(
    await Promise.all(
      files.map(
        async f => [f, await fs.readFile(path.join(dir, f), 'utf8')] as const,
      ),
    ),
  );
}

/**
 * What the generated repository's CI runs: `karpenter-render --values karpenter-values.yaml
 * --out .` in the repository; asserts it succeeds and changes no byte and adds no file.
 */
export async function expectReRenderUnchanged(workspace: string) {
  const before = await snapshot(workspace);
  expect(Object.keys(before)).toContain('karpenter-values.yaml');
  const stderr: string[] = [];
  const code = await runKarpenterRender(
    ['--values', 'karpenter-values.yaml', '--out', '.'],
    { cwd: workspace, stdout: () => {}, stderr: line => stderr.push(line) },
  );
  expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
  expect(await snapshot(workspace)).toEqual(before);
}

/** Runs the values action on `input` into `workspace`, then {@link expectReRenderUnchanged}. */
export async function valuesThenReRender(
  values: TemplateAction<any, any, any>,
  input: unknown,
  workspace: string,
) {
  const written = await runAction(values, input, workspace);
  expect(written.files).toEqual(['karpenter-values.yaml']);
  await expectReRenderUnchanged(workspace);
}
