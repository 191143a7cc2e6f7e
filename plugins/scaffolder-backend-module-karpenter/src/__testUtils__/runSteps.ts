import { createTemplateRenderer } from 'nunjitsu';
import { createKarpenterActions } from '../actions';
import { runAction } from './mockActionContext';

/** A stand-in for a step whose action is not one of ours (fetch, publish, register). */
export type StepStandIn = (
  input: any,
  workspace: string,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

const parseRepoUrl = (url: unknown) => {
  const parsed = new URL(`https://${String(url)}`);
  return {
    host: parsed.host,
    owner: parsed.searchParams.get('owner') ?? undefined,
    repo: parsed.searchParams.get('repo') ?? undefined,
  };
};

/** The scaffolder's nunjucks renderer with the filters our templates use. */
export function templateRenderer() {
  return createTemplateRenderer({
    filters: { parseRepoUrl: parseRepoUrl as any },
  });
}

/**
 * Runs a template's steps in process the way the scaffolder's workflow runner does: step inputs
 * (and `if`) are rendered with nunjitsu (JSON coercion), the Karpenter actions run for real, the
 * other actions through the given stand-ins (an action with neither fails the run), steps whose
 * `if` renders falsy are skipped, and the template's `output` is rendered at the end with its
 * conditional links and texts filtered.
 */
export async function runStepsInProcess(options: {
  template: any;
  values: Record<string, unknown>;
  workspace: string;
  standIns: Record<string, StepStandIn>;
  defaultModuleSource?: string;
}) {
  const { template, values, workspace, standIns } = options;
  const renderer = templateRenderer();
  const actions = new Map(
    createKarpenterActions({
      defaultModuleSource: options.defaultModuleSource,
    }).map(a => [a.id, a]),
  );
  const steps: Record<string, { output: Record<string, unknown> }> = {};
  const render = (input: unknown) =>
    JSON.parse(JSON.stringify(input), (_key, value) =>
      typeof value === 'string'
        ? renderer.renderValue(value, { parameters: values, steps } as any, {
            coercion: 'json',
          })
        : value,
    );
  const skipped: string[] = [];
  for (const step of template.spec.steps) {
    if (step.if !== undefined && !render({ if: step.if }).if) {
      skipped.push(step.id);
      continue;
    }
    const input = render(step.input ?? {});
    const action = actions.get(step.action);
    const standIn = standIns[step.action];
    if (action) {
      steps[step.id] = { output: await runAction(action, input, workspace) };
    } else if (standIn) {
      steps[step.id] = { output: await standIn(input, workspace) };
    } else {
      throw new Error(`unexpected action ${step.action}`);
    }
  }
  const output = render(template.spec.output);
  const shown = (items: any[] | undefined) =>
    (items ?? [])
      .filter(item => item.if === undefined || item.if)
      .map(({ if: _if, ...item }) => item);
  return {
    steps,
    skipped,
    output: { ...output, links: shown(output.links), text: shown(output.text) },
  };
}
