import { ParsedHcl } from './loadModule';
import { lowerBound, SubmoduleInputs } from './checks';

/*
 * Checks that stand in for `terraform init && terraform apply` on a real account (there is no
 * terraform binary here): each one guards a failure an engineer would otherwise meet on day one.
 */

const first = (v: any) => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown): unknown[] => {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
};

/**
 * The EC2/Health events Karpenter's interruption controller handles, by EventBridge source and
 * detail-type (aws/karpenter-provider-aws, pkg/controllers/interruption/messages/<kind>/parser.go: scheduledchange,
 * spotinterruption, rebalancerecommendation, statechange, capacityreservationinterruption).
 *
 * @public
 */
export const KARPENTER_INTERRUPTION_EVENTS = [
  { source: 'aws.health', detailType: 'AWS Health Event' },
  { source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning' },
  { source: 'aws.ec2', detailType: 'EC2 Instance Rebalance Recommendation' },
  { source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' },
  {
    source: 'aws.ec2',
    detailType: 'EC2 Capacity Reservation Instance Interruption Warning',
  },
] as const;

/** The submodule must be pinned to one release, the one the contract was recorded from. @public */
export function checkExactPin(
  module: ParsedHcl,
  recorded: SubmoduleInputs,
): string[] {
  const version = String(first(module.module?.karpenter)?.version ?? '');
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    problems.push(
      `module version "${version}" is not an exact release (X.Y.Z): a new minor release could change the submodule under you`,
    );
  }
  if (recorded.tag !== `v${recorded.version}` || !recorded.commit) {
    problems.push(
      `the recorded contract must name the release tag v${recorded.version} and its commit`,
    );
  }
  return problems;
}

function detailTypesOf(pattern: unknown): string[] {
  // hcl2json keeps jsonencode({...}) as an expression string; read the detail-type list from it
  const text = String(pattern);
  const m = text.match(/detail-type\s*=\s*\[([^\]]*)\]/);
  return m ? [...m[1].matchAll(/"([^"]+)"/g)].map(x => x[1]) : [];
}

/**
 * Every event Karpenter handles reaches the queue through exactly one EventBridge rule: the
 * submodule's rules (recorded contract, created when `enable_spot_termination` is set) plus the
 * module's own `aws_cloudwatch_event_rule` resources. A second rule for one event would deliver
 * every message twice.
 *
 * @public
 */
export function checkEventRules(
  module: ParsedHcl,
  recorded: SubmoduleInputs,
): string[] {
  const karpenter = first(module.module?.karpenter) ?? {};
  const spotTermination = karpenter.enable_spot_termination;
  const counts = new Map<string, string[]>();
  const add = (detailType: string, by: string) =>
    counts.set(detailType, [...(counts.get(detailType) ?? []), by]);
  if (spotTermination !== false && spotTermination !== undefined) {
    for (const rule of recorded.eventRules ?? [])
      add(rule.detailType, `submodule rule ${rule.name}`);
  }
  for (const [name, blocks] of Object.entries<any>(
    module.resource?.aws_cloudwatch_event_rule ?? {},
  )) {
    for (const detailType of detailTypesOf(first(blocks).event_pattern))
      add(detailType, `aws_cloudwatch_event_rule.${name}`);
  }
  const problems: string[] = [];
  for (const event of KARPENTER_INTERRUPTION_EVENTS) {
    const by = counts.get(event.detailType) ?? [];
    if (by.length !== 1)
      problems.push(
        `"${event.detailType}" has ${by.length} EventBridge rules (${
          by.join(', ') || 'none'
        }), expected exactly 1`,
      );
  }
  return problems;
}

/** The controller policy is inline (managed policies stop at 6,144 characters). @public */
export function checkInlinePolicy(module: ParsedHcl): string[] {
  return first(module.module?.karpenter)?.enable_inline_policy === true
    ? []
    : [
        'module "karpenter" must set enable_inline_policy = true (21.18+ controller policy exceeds the 6,144-character managed policy quota)',
      ];
}

/**
 * Helm releases: CRDs from the `karpenter-crd` chart (same repository and version, applied before
 * the controller, whose chart skips its `crds/`), the controller after the submodule (Pod Identity
 * association) and waited for, anonymous public ECR pulls (no registry credentials, no ECR token
 * data source, no aliased provider).
 *
 * @public
 */
export function checkHelmReleases(module: ParsedHcl): string[] {
  const problems: string[] = [];
  const releases = module.resource?.helm_release ?? {};
  const controller = first(releases.karpenter);
  const crd = first(releases.karpenter_crd);
  if (!controller) return ['helm_release.karpenter is not declared'];
  if (!crd) {
    problems.push(
      'helm_release.karpenter_crd (chart karpenter-crd) is not declared',
    );
  } else {
    if (crd.chart !== 'karpenter-crd')
      problems.push(
        `helm_release.karpenter_crd installs chart ${crd.chart}, expected karpenter-crd`,
      );
    if (crd.version !== controller.version)
      problems.push(
        'helm_release.karpenter_crd must use the version of helm_release.karpenter',
      );
    if (crd.repository !== controller.repository)
      problems.push(
        'helm_release.karpenter_crd must come from the repository of helm_release.karpenter',
      );
    if (crd.namespace !== controller.namespace)
      problems.push(
        'helm_release.karpenter_crd must be released in the namespace of helm_release.karpenter',
      );
  }
  if (controller.skip_crds !== true)
    problems.push(
      'helm_release.karpenter must set skip_crds = true (the CRDs come from karpenter-crd)',
    );
  if (controller.wait === false)
    problems.push(
      'helm_release.karpenter must not set wait = false (a controller that cannot start would pass unnoticed)',
    );
  const dependsOn = list(controller.depends_on).map(String);
  for (const needed of ['module.karpenter', 'helm_release.karpenter_crd']) {
    if (!dependsOn.some(d => d === `\${${needed}}` || d === needed))
      problems.push(`helm_release.karpenter must depend_on ${needed}`);
  }
  for (const [name, blocks] of Object.entries<any>(releases)) {
    const release = first(blocks);
    for (const key of ['repository_username', 'repository_password'])
      if (key in release)
        problems.push(
          `helm_release.${name} sets ${key}: public ECR allows anonymous pulls`,
        );
  }
  if (module.data?.aws_ecrpublic_authorization_token)
    problems.push(
      'data.aws_ecrpublic_authorization_token is not needed (anonymous public ECR pulls)',
    );
  const aws = first(first(first(module.terraform)?.required_providers)?.aws);
  if (aws?.configuration_aliases)
    problems.push('the aws provider must not need configuration_aliases');
  return problems;
}

/** ARNs written into `.tf` text must take the partition from `data.aws_partition`. @public */
export function checkPartitionArns(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    text
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => /arn:aws:/.test(line) && !/^\s*#/.test(line))
      .map(
        ({ i }) =>
          `${file}:${
            i + 1
          } hard-codes the aws partition in an ARN (use data.aws_partition)`,
      ),
  );
}

/**
 * `required_version` of a Terraform root must allow only versions that understand what the root
 * uses: the S3 backend's `use_lockfile` needs Terraform 1.10.
 *
 * @public
 */
export function checkTerraformVersionForBackend(root: ParsedHcl): string[] {
  const blocks = list(root.terraform) as any[];
  const required = blocks.map(b => b.required_version).find(Boolean);
  const usesLockfile = blocks.some(b =>
    list(first(b.backend)?.s3).some((s: any) => s?.use_lockfile === true),
  );
  if (!usesLockfile) return [];
  const bound = required ? lowerBound(String(required)) : undefined;
  const ok =
    bound !== undefined &&
    (bound[0] > 1 || (bound[0] === 1 && (bound[1] ?? 0) >= 10));
  return ok
    ? []
    : [
        `required_version ${
          required ?? '(none)'
        } allows Terraform older than 1.10, which rejects the S3 backend's use_lockfile`,
      ];
}
