import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';
import { listFiles, makeTempDir, runAction } from './mockActionContext';

/**
 * Runs one documented example through the action's handler in a fresh workspace (seeded when asked); returns the
 * example's steps, the action outputs and the files found in the workspace.
 */
export async function runExample(
  action: TemplateAction<any, any, any>,
  example: TemplateExample,
  /** Puts what the step needs into the workspace first (e.g. fetched repository files). */
  seed?: (workspace: string) => Promise<void>,
) {
  const { steps } = parse(example.example);
  const tmp = await makeTempDir();
  try {
    await seed?.(tmp.dir);
    const outputs = await runAction(action, steps[0].input, tmp.dir);
    return { steps, outputs, files: await listFiles(tmp.dir) };
  } finally {
    await tmp.cleanup();
  }
}
