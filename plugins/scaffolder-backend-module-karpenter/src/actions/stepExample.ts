import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** The step of a template that an action's examples run: its id, name and action. */
export interface ExampleStep {
  id: string;
  name: string;
  action: string;
}

/** An example for the portal's action reference: a template of the one step, with this input. */
export function stepExample(
  step: ExampleStep,
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  return {
    description,
    example: stringify({
      steps: [{ id: step.id, name: step.name, action: step.action, input }],
    }),
  };
}
