import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  karpenterNodePoolsInputSchema,
  KARPENTER_VALUES_FILE,
  parseKarpenterValues,
} from '@karpenter-backstage/karpenter-template';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v3';
import { KarpenterInputError, writeRenderedFiles } from '../render';
import {
  classifyNodePoolsChange,
  describeNodePoolsChange,
  planNodePoolsChange,
} from '../render/change';
import { scaffolderInputSchema } from './inputSchema';
import { nodePoolsChangeExamples } from './nodePoolsChange.examples';

/** Id of the action that re-renders a cluster repository with changed NodePools. @public */
export const NODEPOOLS_CHANGE_ACTION_ID = 'karpenter:nodepools:change';

/** The catalog file of a cluster repository (written by the create template's skeleton). */
const CATALOG_INFO_FILE = 'catalog-info.yaml';

const changeInputSchema = z
  .object({
    clusterName: z
      .string()
      .describe(
        "The cluster the change is for: must be the clusterName of the repository's karpenter-values.yaml",
      ),
    nodePools: karpenterNodePoolsInputSchema.shape.nodePools,
    currentPath: z
      .string()
      .default('current')
      .describe(
        "Workspace folder holding the repository's current karpenter-values.yaml and catalog-info.yaml (e.g. fetched with fetch:plain:file)",
      ),
    outputPath: z
      .string()
      .default('changes')
      .describe(
        "Workspace folder the changed and new files are written to: the pull request's sourcePath",
      ),
  })
  .strict();

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `karpenter:nodepools:change`: the day-two change of a cluster repository created by the
 * Karpenter template. Reads the repository's current `karpenter-values.yaml`, replaces its
 * NodePools with the input's (validated by the same model as the create template), renders both
 * with the same renderer and writes only the files that differ to `outputPath` (plus
 * `catalog-info.yaml` with its `karpenter.sh/nodepools` updated). Its outputs say what the change
 * does to running nodes per NodePool (the change classifier, from Karpenter's drift rules), and
 * give a pull-request title, description, branch and the files to delete. `changed` is false —
 * and nothing is written — when the NodePools are the same.
 *
 * @public
 */
export function createNodePoolsChangeAction() {
  return createTemplateAction({
    id: NODEPOOLS_CHANGE_ACTION_ID,
    description:
      'Re-renders a cluster repository with changed NodePools: writes the files that differ, and describes what the change does to running nodes (for publish:github:pull-request)',
    examples: nodePoolsChangeExamples,
    supportsDryRun: true,
    schema: {
      input: scaffolderInputSchema(changeInputSchema),
      output: zImpl =>
        zImpl.object({
          changed: zImpl
            .boolean()
            .describe('Whether any file changes (false: open no pull request)'),
          title: zImpl.string().describe('Pull request title'),
          description: zImpl
            .string()
            .describe(
              'Pull request description (markdown): what happens to running nodes, per NodePool',
            ),
          summary: zImpl
            .string()
            .describe('One line per changed NodePool, for the output page'),
          branchName: zImpl.string().describe('Branch for the pull request'),
          files: zImpl
            .array(zImpl.string())
            .describe('Files written, relative to the workspace'),
          filesChanged: zImpl.array(zImpl.string()),
          filesAdded: zImpl.array(zImpl.string()),
          filesToDelete: zImpl
            .array(zImpl.string())
            .describe(
              "Repository files the change removes (the pull request's filesToDelete)",
            ),
        }),
    },
    async handler(ctx) {
      const { clusterName, nodePools } = ctx.input;
      const currentPath = ctx.input.currentPath ?? 'current';
      const outputPath = ctx.input.outputPath ?? 'changes';
      const currentDir = resolveSafeChildPath(ctx.workspacePath, currentPath);
      const text = await readIfPresent(
        path.join(currentDir, KARPENTER_VALUES_FILE),
      );
      if (text === undefined) {
        throw new InputError(
          `${currentPath}/${KARPENTER_VALUES_FILE} is missing: fetch the repository's values first (fetch:plain:file)`,
        );
      }
      const current = parseKarpenterValues(text);
      if (!current.ok) {
        throw new KarpenterInputError(
          `Invalid ${currentPath}/${KARPENTER_VALUES_FILE}`,
          current.errors,
        );
      }
      if (current.value.clusterName !== clusterName) {
        throw new InputError(
          `clusterName: is ${clusterName}, but ${KARPENTER_VALUES_FILE} is for cluster ${current.value.clusterName}`,
        );
      }
      const catalogInfo = await readIfPresent(
        path.join(currentDir, CATALOG_INFO_FILE),
      );
      const plan = await planNodePoolsChange({
        current: current.value,
        nodePools,
        catalogInfo:
          catalogInfo === undefined
            ? undefined
            : { path: CATALOG_INFO_FILE, content: catalogInfo },
      });
      const change = classifyNodePoolsChange(plan.before, plan.after);
      const described = describeNodePoolsChange(change, {
        clusterName,
        files: {
          changed: plan.changed,
          added: plan.added,
          deleted: plan.deleted,
        },
      });
      const changed = plan.writes.length > 0 || plan.deleted.length > 0;
      const written = changed
        ? await writeRenderedFiles(
            resolveSafeChildPath(ctx.workspacePath, outputPath),
            plan.writes,
          )
        : [];
      const summary = changed
        ? described.summary
        : [
            `Nothing to change: the NodePools are the ones in ${KARPENTER_VALUES_FILE}`,
          ];
      for (const line of summary) ctx.logger.info(line);
      ctx.output('changed', changed);
      ctx.output('title', described.title);
      ctx.output('description', described.markdown);
      ctx.output('summary', summary.join('\n'));
      ctx.output(
        'branchName',
        `karpenter/nodepools-${clusterName}-${plan.valuesDigest}`,
      );
      ctx.output(
        'files',
        written.map(file => path.posix.join(outputPath, file)).sort(),
      );
      ctx.output('filesChanged', plan.changed);
      ctx.output('filesAdded', plan.added);
      ctx.output('filesToDelete', plan.deleted);
    },
  });
}
