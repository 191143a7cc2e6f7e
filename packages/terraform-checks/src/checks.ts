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
  /** Version constraints of the submodule's own `versions.tf` (`terraform`, `aws`). */
  requires: Record<string, string>;
  /** Release tag the contract was recorded from (e.g. `v21.19.0`) and its commit. */
  tag?: string;
  commit?: string;
  inputs: string[];
  outputs: string[];
  /** EventBridge rules the submodule creates with `enable_spot_termination` (from its `local.events`). */
  eventRules?: Array<{ name: string; source: string; detailType: string }>;
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

/** Outputs of `module "karpenter"` the module reads that the pinned submodule does not declare. @public */
export function checkSubmoduleOutputs(
  module: ParsedHcl,
  recorded: SubmoduleInputs,
): string[] {
  const used = new Set(
    [...JSON.stringify(module).matchAll(/module\.karpenter\.(\w+)/g)].map(
      m => m[1],
    ),
  );
  return [...used]
    .filter(name => !recorded.outputs.includes(name))
    .map(
      name =>
        `output ${name} is not an output of ${recorded.source} ${recorded.version}`,
    );
}

/** The lowest version a constraint such as `>= 6.15, < 7.0` allows, as numbers; `undefined` without a lower bound. @public */
export function lowerBound(constraint: string): number[] | undefined {
  const bound = constraint
    .split(',')
    .map(part => part.trim().match(/^(?:>=|~>|=)?\s*(\d+(?:\.\d+)*)$/))
    .find(Boolean);
  return bound ? bound[1].split('.').map(Number) : undefined;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Provider/Terraform constraints of `versions.tf` that allow older versions than the pinned submodule requires. @public */
export function checkProviderRequirements(
  module: ParsedHcl,
  recorded: SubmoduleInputs,
): string[] {
  const terraform = first(module.terraform);
  const declared: Record<string, string | undefined> = {
    terraform: terraform?.required_version,
    ...Object.fromEntries(
      Object.entries<any>(first(terraform?.required_providers) ?? {}).map(
        ([name, p]) => [name, p?.version],
      ),
    ),
  };
  const problems: string[] = [];
  for (const [name, needed] of Object.entries(recorded.requires)) {
    const constraint = declared[name];
    const have = constraint ? lowerBound(constraint) : undefined;
    const need = lowerBound(needed)!;
    if (!have || compareVersions(have, need) < 0) {
      problems.push(
        `${name} ${
          constraint ?? '(no constraint)'
        } allows versions older than the submodule's ${needed}`,
      );
    }
  }
  return problems;
}

/** `local.tags` must be `merge(<module tags>, var.resource_tag)`, so the user's tags win. @public */
export function checkTagsMerge(module: ParsedHcl): string[] {
  const tags = String(first(module.locals)?.tags ?? '');
  return /^\$\{merge\([\s\S]*,\s*var\.resource_tag\s*\)\}$/.test(tags)
    ? []
    : [
        "local.tags must end with var.resource_tag in merge(...), so the user's tags win",
      ];
}
