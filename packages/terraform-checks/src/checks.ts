import { ParsedHcl } from './loadModule';

/** One declared input as the interface requires it. @public */
export interface ExpectedInput {
  type: string;
  /** `undefined`: required (no default). */
  default?: unknown;
  validated?: boolean;
}

/** The module's interface, fixed by the issue that asked for it. @public */
export const EXPECTED_INPUTS: Record<string, ExpectedInput> = {
  eks_cluster_name: { type: '${string}', validated: true },
  eks_cluster_endpoint: { type: '${string}', validated: true },
  environment: { type: '${string}', default: 'dev' },
  aws_region: { type: '${string}', validated: true },
  namespace: { type: '${string}', default: 'karpenter', validated: true },
  service_account_name: {
    type: '${string}',
    default: 'karpenter',
    validated: true,
  },
  helm_chart_version: { type: '${string}', default: '1.14.1', validated: true },
  resource_tag: { type: '${map(string)}', default: {} },
};

/** Optional inputs this module adds, with safe defaults. @public */
export const OPTIONAL_INPUTS: Record<string, ExpectedInput> = {
  controller_replicas: { type: '${number}', default: 2, validated: true },
  node_iam_role_additional_policies: { type: '${map(string)}', default: {} },
};

/** The outputs, each with a description. @public */
export const EXPECTED_OUTPUTS = [
  'iam_role_arn',
  'node_iam_role_arn',
  'node_iam_role_name',
  'instance_profile_name',
  'queue_name',
  'queue_url',
];

const first = (v: any) => (Array.isArray(v) ? v[0] : v);

/** Differences between the declared variables/outputs and the interface. @public */
export function checkInterface(module: ParsedHcl): string[] {
  const problems: string[] = [];
  const variables = module.variable ?? {};
  const expected = { ...EXPECTED_INPUTS, ...OPTIONAL_INPUTS };
  for (const [name, want] of Object.entries(expected)) {
    const v = first(variables[name]);
    if (!v) {
      problems.push(`input ${name} is not declared`);
      continue;
    }
    if (v.type !== want.type)
      problems.push(`input ${name} has type ${v.type}, expected ${want.type}`);
    if (want.default === undefined && 'default' in v)
      problems.push(`input ${name} must be required (no default)`);
    if (
      want.default !== undefined &&
      JSON.stringify(v.default) !== JSON.stringify(want.default)
    ) {
      problems.push(
        `input ${name} defaults to ${JSON.stringify(
          v.default,
        )}, expected ${JSON.stringify(want.default)}`,
      );
    }
    if (want.validated && !(v.validation?.length > 0))
      problems.push(`input ${name} has no validation block`);
    if (!v.description) problems.push(`input ${name} has no description`);
  }
  for (const name of Object.keys(variables)) {
    if (!(name in expected))
      problems.push(`input ${name} is not part of the interface`);
  }
  const outputs = module.output ?? {};
  for (const name of EXPECTED_OUTPUTS) {
    const o = first(outputs[name]);
    if (!o) problems.push(`output ${name} is not declared`);
    else if (!o.description) problems.push(`output ${name} has no description`);
  }
  for (const name of Object.keys(outputs)) {
    if (!EXPECTED_OUTPUTS.includes(name))
      problems.push(`output ${name} is not part of the interface`);
  }
  return problems;
}

/** The recorded input list of the pinned submodule. @public */
export interface SubmoduleInputs {
  source: string;
  version: string;
  inputs: string[];
}

const META_ARGUMENTS = [
  'source',
  'version',
  'providers',
  'count',
  'for_each',
  'depends_on',
];

/** Arguments passed to `module "karpenter"` that the pinned submodule does not declare, and pin drift. @public */
export function checkSubmoduleArguments(
  module: ParsedHcl,
  recorded: SubmoduleInputs,
): string[] {
  const block = first(module.module?.karpenter);
  if (!block) return ['module "karpenter" is not declared'];
  const problems: string[] = [];
  if (block.source !== recorded.source)
    problems.push(
      `module source is ${block.source}, recorded ${recorded.source}`,
    );
  if (block.version !== recorded.version) {
    problems.push(
      `module version ${block.version} differs from the recorded input list's ${recorded.version}: re-record submodule-inputs.json`,
    );
  }
  for (const arg of Object.keys(block)) {
    if (!META_ARGUMENTS.includes(arg) && !recorded.inputs.includes(arg)) {
      problems.push(
        `argument ${arg} is not an input of ${recorded.source} ${recorded.version}`,
      );
    }
  }
  return problems;
}

/** Arguments an example passes to the module that the module does not declare. @public */
export function checkExampleArguments(
  example: ParsedHcl,
  module: ParsedHcl,
): string[] {
  const declared = Object.keys(module.variable ?? {});
  const problems: string[] = [];
  for (const [name, blocks] of Object.entries<any>(example.module ?? {})) {
    for (const arg of Object.keys(first(blocks))) {
      if (!META_ARGUMENTS.includes(arg) && !declared.includes(arg))
        problems.push(`module ${name} passes undeclared input ${arg}`);
    }
    for (const [input, want] of Object.entries(EXPECTED_INPUTS)) {
      if (want.default === undefined && !(input in first(blocks)))
        problems.push(`module ${name} does not pass required input ${input}`);
    }
  }
  return problems;
}

/** The validation regexes of an input (RE2 syntax from `can(regex("...", var.x))`). @public */
export function validationRegexes(module: ParsedHcl, input: string): string[] {
  const v = first(module.variable?.[input]);
  return (v?.validation ?? []).flatMap((val: any) => {
    const m = String(val.condition).match(/regex\("((?:[^"\\]|\\.)*)"/);
    return m ? [JSON.parse(`"${m[1]}"`)] : [];
  });
}
