import fs from 'node:fs';
import path from 'node:path';
import { runStepsInProcess } from './runSteps';
import {
  loadTemplate,
  runTemplateInProcess,
  templateFolder,
  TWO_POOL_VALUES,
  withFormDefaults,
} from './template';

/** The day-two template folder of this repository. */
export const CHANGE_TEMPLATE_DIR = templateFolder('karpenter-nodepools-change');

/** templates/karpenter-nodepools-change/template.yaml, parsed. */
export function loadChangeTemplate(): any {
  return loadTemplate(CHANGE_TEMPLATE_DIR);
}

/** A cluster repository as the create template makes it (run in process) in `dir`. */
export async function createClusterRepository(
  dir: string,
  values: Record<string, unknown> = TWO_POOL_VALUES,
) {
  await runTemplateInProcess(withFormDefaults(loadTemplate(), values), dir);
}

/** The `change.source` the form field sets for a repository whose files are under `baseUrl`. */
export function changeSource(baseUrl: string, clusterName: string) {
  return {
    entityRef: `resource:default/${clusterName}`,
    clusterName,
    valuesUrl: `${baseUrl}/karpenter-values.yaml`,
    catalogInfoUrl: `${baseUrl}/catalog-info.yaml`,
    repoUrl: `github.com?owner=acme&repo=${clusterName}`,
    targetBranch: 'main',
  };
}

/**
 * Runs the change template in process: `fetch:plain:file` reads the files of `repoDir` that are
 * under `baseUrl`, `publish:github:pull-request` records its input (the pull request it would
 * open).
 */
export async function runChangeTemplateInProcess(options: {
  values: Record<string, unknown>;
  workspace: string;
  repoDir: string;
  baseUrl: string;
}) {
  const { values, workspace, repoDir, baseUrl } = options;
  let pullRequest: Record<string, any> | undefined;
  const result = await runStepsInProcess({
    template: loadChangeTemplate(),
    values,
    workspace,
    standIns: {
      'fetch:plain:file': input => {
        if (!String(input.url).startsWith(`${baseUrl}/`)) {
          throw new Error(`not a file of the repository: ${input.url}`);
        }
        const source = path.join(
          repoDir,
          String(input.url).slice(baseUrl.length + 1),
        );
        const target = path.join(workspace, input.targetPath);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(source, target);
        return {};
      },
      'publish:github:pull-request': input => {
        pullRequest = input;
        return {
          remoteUrl: 'https://github.com/acme/demo-cluster/pull/7',
          pullRequestNumber: 7,
          targetBranchName: input.targetBranchName,
        };
      },
    },
  });
  return { ...result, pullRequest };
}

/**
 * Merges a change into the repository as its pull request would: the files of the pull
 * request's `sourcePath` written over the repository, its `filesToDelete` removed.
 */
export function mergePullRequest(
  repoDir: string,
  workspace: string,
  pullRequest: Record<string, any>,
) {
  const source = path.join(workspace, pullRequest.sourcePath);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const target = path.join(repoDir, path.relative(source, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
    }
  };
  walk(source);
  for (const file of pullRequest.filesToDelete ?? []) {
    fs.rmSync(path.join(repoDir, file));
  }
}
