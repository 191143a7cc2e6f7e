import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A small stand-in for the scaffolder's action context (scaffolder-node-test-utils targets an
 * older scaffolder-node): records outputs, logs to a mock logger, runs checkpoints directly.
 */
export function createMockActionContext(options: {
  input: unknown;
  workspacePath: string;
  isDryRun?: boolean;
}) {
  const outputs: Record<string, unknown> = {};
  const ctx: ActionContext<any, any> = {
    input: options.input as any,
    workspacePath: options.workspacePath,
    logger: mockServices.logger.mock(),
    isDryRun: options.isDryRun,
    task: { id: 'test-task' },
    output(name: string, value: unknown) {
      outputs[name] = value;
    },
    async checkpoint(opts: any) {
      return opts.fn();
    },
    createTemporaryDirectory: () =>
      fs.mkdtemp(path.join(os.tmpdir(), 'karpenter-action-')),
    getInitiatorCredentials: async () => mockCredentials.user(),
  } as ActionContext<any, any>;
  return { ctx, outputs };
}

/** Runs an action's handler with the mock context. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: unknown,
  workspacePath: string,
  isDryRun = false,
) {
  const { ctx, outputs } = createMockActionContext({
    input,
    workspacePath,
    isDryRun,
  });
  await action.handler(ctx);
  return outputs;
}

/** Every file below `dir`, as sorted relative POSIX paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string) {
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else {
        out.push(path.relative(dir, full).split(path.sep).join('/'));
      }
    }
  }
  await walk(dir);
  return out.sort();
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export async function makeTempDir(prefix = 'karpenter-test-') {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    dir,
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
