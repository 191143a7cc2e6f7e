import fs from 'node:fs';
import path from 'node:path';
import { format } from '@cdktn/hcl-tools';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import {
  checkExampleArguments,
  checkInterface,
  checkProviderRequirements,
  checkSubmoduleArguments,
  checkSubmoduleOutputs,
  checkTagsMerge,
  lowerBound,
  SubmoduleInputs,
  validationRegexes,
} from './checks';
import {
  checkEventRules,
  checkExactPin,
  checkHelmReleases,
  checkInlinePolicy,
  checkPartitionArns,
  KARPENTER_INTERRUPTION_EVENTS,
} from './applyChecks';
import {
  loadModule,
  moduleDirectory,
  parseHcl,
  terraformFiles,
} from './loadModule';

jest.setTimeout(60_000);

const dir = moduleDirectory();
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const recorded: SubmoduleInputs = JSON.parse(read('submodule-inputs.json'));
const re2 = (pattern: string) => new RegExp(pattern);

describe('terraform-module/karpenter', () => {
  it('parses and is canonically formatted, every .tf and .tftest.hcl', async () => {
    const files = terraformFiles(dir);
    expect(files).toEqual(
      expect.arrayContaining([
        'main.tf',
        'variables.tf',
        'outputs.tf',
        'versions.tf',
        'examples/basic/main.tf',
        'examples/complete/main.tf',
        'tests/validation.tftest.hcl',
        'tests/naming.tftest.hcl',
      ]),
    );
    for (const file of files) {
      const text = read(file);
      // hcl2json parses Terraform files; .tftest.hcl files are checked for formatting only
      const parsed = file.endsWith('.tf') ? await parseHcl(file, text) : {};
      expect(parsed).toBeInstanceOf(Object);
      expect({ file, formatted: await format(text) }).toEqual({
        file,
        formatted: text,
      });
    }
  });

  it('the format check bites on a misformatted file', async () => {
    const bad = 'variable "x" {\ntype = string\n  default="a"\n}\n';
    expect(await format(bad)).not.toBe(bad);
  });

  it('declares exactly the interface: inputs, defaults, validations, outputs with descriptions', async () => {
    expect(checkInterface(await loadModule())).toEqual([]);
  });

  it('passes only real inputs of the pinned submodule version', async () => {
    const module = await loadModule();
    expect(checkSubmoduleArguments(module, recorded)).toEqual([]);
    expect(module.module.karpenter[0].version).toBe('21.19.0');
    expect(checkExactPin(module, recorded)).toEqual([]);
    expect(recorded.inputs).not.toContain('enable_pod_identity');
    expect(recorded.inputs).not.toContain('enable_v1_permissions');
  });

  it('creates the controller role with Pod Identity, a deterministic node role, access entry, instance profile and queue', async () => {
    const k = (await loadModule()).module.karpenter[0];
    expect(k).toMatchObject({
      create_pod_identity_association: true,
      namespace: '${var.namespace}',
      service_account: '${var.service_account_name}',
      node_iam_role_use_name_prefix: false,
      node_iam_role_name: '${local.node_iam_role_name}',
      create_access_entry: true,
      create_instance_profile: true,
      queue_name: '${local.queue_name}',
      rule_name_prefix: 'Karpenter',
      tags: '${local.tags}',
    });
    const locals = (await loadModule()).locals[0];
    expect(locals.node_iam_role_name).toBe(
      'KarpenterNodeRole-${var.eks_cluster_name}',
    );
    expect(locals.queue_name).toBe('karpenter-${var.eks_cluster_name}');
    expect(locals.tags).toContain('var.resource_tag');
    expect(locals.tags).toContain('Environment = var.environment');
  });

  it("merges the module's tags first, so a key of resource_tag (e.g. ManagedBy) wins", async () => {
    expect(checkTagsMerge(await loadModule())).toEqual([]);
  });

  it('passes aws_region to the submodule, whose regional resources it places', async () => {
    const module = await loadModule();
    expect(recorded.inputs).toContain('region');
    expect(module.module.karpenter[0].region).toBe('${var.aws_region}');
  });

  it('reads only outputs the pinned submodule declares', async () => {
    const module = await loadModule();
    expect(checkSubmoduleOutputs(module, recorded)).toEqual([]);
    expect(recorded.outputs).toEqual(
      expect.arrayContaining(['queue_arn', 'queue_name', 'queue_url']),
    );
  });

  it('requires the provider versions the pinned submodule requires (aws >= 6.28 for 21.19)', async () => {
    const module = await loadModule();
    expect(recorded.requires.aws).toBe('>= 6.28');
    expect(checkProviderRequirements(module, recorded)).toEqual([]);
    const aws = module.terraform[0].required_providers[0].aws.version;
    expect(lowerBound(aws)).toEqual([6, 28]);
    expect(aws).toMatch(/< 7\.0/);
  });

  it('puts the controller policy inline (managed policies stop at 6,144 characters)', async () => {
    const module = await loadModule();
    expect(recorded.inputs).toContain('enable_inline_policy');
    expect(checkInlinePolicy(module)).toEqual([]);
  });

  it('builds ARNs from data.aws_partition, in the module and its examples', async () => {
    const files = Object.fromEntries(
      terraformFiles(dir)
        .filter(f => f.endsWith('.tf'))
        .map(f => [f, read(f)]),
    );
    expect(checkPartitionArns(files)).toEqual([]);
    const module = await loadModule();
    expect(module.data.aws_partition.current).toBeDefined();
    expect(
      module.module.karpenter[0].node_iam_role_additional_policies,
    ).toContain('arn:${data.aws_partition.current.partition}:iam::aws:policy/');
  });

  it('routes every event Karpenter handles through exactly one EventBridge rule (the submodule creates all five)', async () => {
    const module = await loadModule();
    expect(module.module.karpenter[0]).toMatchObject({
      rule_name_prefix: 'Karpenter',
      enable_spot_termination: '${local.create_interruption_queue}',
    });
    expect(recorded.eventRules?.map(r => r.detailType).sort()).toEqual(
      KARPENTER_INTERRUPTION_EVENTS.map(e => e.detailType).sort(),
    );
    expect(checkEventRules(module, recorded)).toEqual([]);
    // EventBridge: name_prefix = rule_name_prefix + name + "-" at most 38 characters
    for (const rule of recorded.eventRules!) {
      expect(`Karpenter${rule.name}-`.length).toBeLessThanOrEqual(38);
    }
    expect(module.resource?.aws_cloudwatch_event_rule).toBeUndefined();
  });

  it('documents every EventBridge rule it creates and the provider requirement truthfully', () => {
    // no input still describes the us-east-1 registry login the module dropped
    expect(read('variables.tf')).not.toContain('aws.virginia');
    for (const doc of [
      read('README.md'),
      fs.readFileSync(
        path.join(dir, '..', '..', 'docs', 'terraform-module.md'),
        'utf8',
      ),
    ]) {
      expect(doc).toContain('capacity reservation interruption');
      expect(doc).toContain('KarpenterCRInterruption-');
      expect(doc).not.toContain('KarpenterCapacityReservationInterrupt-');
      expect(doc).toContain('>= 6.28, < 7.0');
      expect(doc).toContain('21.19.0');
      expect(doc).toContain('enable_inline_policy');
      expect(doc).not.toContain('aws.virginia');
      expect(doc).toMatch(/`resource_tag`[^\n]*wins/);
    }
  });

  it('installs the CRD chart, then the controller chart from public ECR (anonymously) with the required Helm values', async () => {
    const module = await loadModule();
    expect(checkHelmReleases(module)).toEqual([]);
    const release = module.resource.helm_release.karpenter[0];
    expect(release).toMatchObject({
      repository: 'oci://public.ecr.aws/karpenter',
      chart: 'karpenter',
      version: '${var.helm_chart_version}',
      namespace: '${var.namespace}',
      create_namespace: true,
      skip_crds: true,
      depends_on: ['${module.karpenter}', '${helm_release.karpenter_crd}'],
    });
    expect(module.resource.helm_release.karpenter_crd[0]).toMatchObject({
      repository: 'oci://public.ecr.aws/karpenter',
      chart: 'karpenter-crd',
      version: '${var.helm_chart_version}',
    });
    const values = String(release.values[0]);
    for (const fragment of [
      'clusterName       = var.eks_cluster_name',
      'clusterEndpoint   = var.eks_cluster_endpoint',
      'interruptionQueue = module.karpenter.queue_name',
      'name = var.service_account_name',
      'replicas = var.controller_replicas',
      'cpu    = "1"',
      'memory = "1Gi"',
    ]) {
      expect(values).toContain(fragment);
    }
    const versions = module.terraform[0].required_providers[0];
    expect(versions.aws.configuration_aliases).toBeUndefined();
    expect(versions.helm.version).toMatch(/>= 3\.0/);
  });

  it.each(['basic', 'complete'])(
    'examples/%s passes only declared inputs and every required one',
    async name => {
      const example = await parseHcl(
        'main.tf',
        read(`examples/${name}/main.tf`),
      );
      expect(checkExampleArguments(example, await loadModule())).toEqual([]);
    },
  );

  it('the example NodePools and EC2NodeClass validate against the real Karpenter v1 CRDs', () => {
    const folder = path.join(dir, 'examples', 'nodepools');
    const kustomization = parseYaml(
      fs.readFileSync(path.join(folder, 'kustomization.yaml'), 'utf8'),
    );
    expect(kustomization.resources).toEqual([
      'ec2nodeclass.yaml',
      'general.yaml',
      'batch.yaml',
      'critical.yaml',
    ]);
    for (const file of kustomization.resources) {
      for (const doc of parseAllDocuments(
        fs.readFileSync(path.join(folder, file), 'utf8'),
      )) {
        expect({
          file,
          violations: validateKarpenterObject(doc.toJSON()).violations,
        }).toEqual({ file, violations: [] });
      }
    }
  });

  describe('validations accept good and reject bad values', () => {
    const cases: Record<string, [string[], string[]]> = {
      eks_cluster_name: [
        ['eks-cluster-dev', 'prod_1', 'a'],
        ['', '-x', 'has space', 'a'.repeat(47)],
      ],
      eks_cluster_endpoint: [
        ['https://ABC.gr7.eu-west-1.eks.amazonaws.com'],
        ['http://x', 'ABC.eks.amazonaws.com', ''],
      ],
      aws_region: [
        [
          'eu-west-1',
          'us-east-1',
          'us-gov-west-1',
          'ap-southeast-2',
          'cn-north-1',
          'us-iso-east-1',
          'us-isob-east-1',
          'eu-isoe-west-1',
          'us-isof-south-1',
          'eusc-de-east-1',
        ],
        ['Europe', 'eu-west', 'EU-WEST-1', '', 'us-east-1a', 'eusc-east-1'],
      ],
      namespace: [
        ['karpenter', 'kube-system', 'a1'],
        ['', 'Karpenter', '-a', 'a_b', 'a'.repeat(64)],
      ],
      service_account_name: [
        ['karpenter', 'karpenter-controller', 'a'.repeat(63)],
        ['', 'Karpenter', 'karpenter.controller', '-a', 'a'.repeat(64)],
      ],
      helm_chart_version: [
        ['1.14.1', '1.0.0', '1.10.12'],
        ['2.0.0', '0.37.0', 'v1.14.1', '1.14', 'latest'],
      ],
    };
    it.each(Object.entries(cases))('%s', async (input, [good, bad]) => {
      const [pattern] = validationRegexes(await loadModule(), input);
      expect(pattern).toBeDefined();
      for (const value of good)
        expect({ value, ok: re2(pattern).test(value) }).toEqual({
          value,
          ok: true,
        });
      for (const value of bad)
        expect({ value, ok: re2(pattern).test(value) }).toEqual({
          value,
          ok: false,
        });
    });
  });
});

describe('the checks bite (mutations of the module are reported)', () => {
  it('reports a renamed input', async () => {
    const mutated = await loadModule(undefined, {
      'variables.tf': read('variables.tf').replace(
        'variable "aws_region"',
        'variable "region"',
      ),
    });
    expect(checkInterface(mutated)).toEqual(
      expect.arrayContaining([
        'input aws_region is not declared',
        'input region is not part of the interface',
      ]),
    );
  });

  it('reports a removed validation', async () => {
    const text = read('variables.tf');
    const start = text.indexOf('variable "helm_chart_version"');
    const block = text.slice(start, text.indexOf('\n}\n', start));
    const withoutValidation = block.replace(
      /\n\n {2}validation \{[\s\S]*?\n {2}\}/,
      '',
    );
    const mutated = await loadModule(undefined, {
      'variables.tf': text.replace(block, withoutValidation),
    });
    expect(checkInterface(mutated)).toContain(
      'input helm_chart_version has no validation block',
    );
  });

  it('reports a changed default and a missing output', async () => {
    const mutated = await loadModule(undefined, {
      'variables.tf': read('variables.tf').replace(
        'default     = "dev"',
        'default     = "prod"',
      ),
      'outputs.tf': read('outputs.tf').replace(
        'output "queue_url"',
        'output "sqs_url"',
      ),
    });
    expect(checkInterface(mutated)).toEqual(
      expect.arrayContaining([
        'input environment defaults to "prod", expected "dev"',
        'output queue_url is not declared',
      ]),
    );
  });

  it('reports a misspelled submodule argument and a pin change without a new input list', async () => {
    const mutated = await loadModule(undefined, {
      'main.tf': read('main.tf')
        .replace(
          'create_instance_profile = true',
          'create_instance_profil = true',
        )
        .replace('version = "21.19.0"', 'version = "~> 22.0"'),
    });
    expect(checkSubmoduleArguments(mutated, recorded)).toEqual(
      expect.arrayContaining([
        'argument create_instance_profil is not an input of terraform-aws-modules/eks/aws//modules/karpenter 21.19.0',
        expect.stringContaining('module version ~> 22.0 differs'),
      ]),
    );
  });

  it("reports tags merged so the module's tags overwrite the user's", async () => {
    const text = read('main.tf');
    const start = text.indexOf('  tags = merge({');
    const end = text.indexOf('}, var.resource_tag)', start);
    const moduleTags = text.slice(start + '  tags = merge('.length, end + 1);
    const mutated = await loadModule(undefined, {
      'main.tf': text.replace(
        text.slice(start, end + '}, var.resource_tag)'.length),
        `  tags = merge(var.resource_tag, ${moduleTags})`,
      ),
    });
    expect(checkTagsMerge(mutated)).toHaveLength(1);
  });

  it('reports an aws provider constraint older than the submodule requires, and an unknown submodule output', async () => {
    const mutated = await loadModule(undefined, {
      'versions.tf': read('versions.tf').replace(
        '">= 6.28, < 7.0"',
        '">= 5.95, < 7.0"',
      ),
      'main.tf': read('main.tf').replace(
        'module.karpenter.queue_name',
        'module.karpenter.sqs_queue_name',
      ),
    });
    expect(checkProviderRequirements(mutated, recorded)).toEqual([
      "aws >= 5.95, < 7.0 allows versions older than the submodule's >= 6.28",
    ]);
    expect(checkSubmoduleOutputs(mutated, recorded)).toEqual([
      'output sqs_queue_name is not an output of terraform-aws-modules/eks/aws//modules/karpenter 21.19.0',
    ]);
    expect(lowerBound('~> 6.15')).toEqual([6, 15]);
    expect(lowerBound('< 7.0')).toBeUndefined();
  });

  it('reports a range pin, a duplicated or missing EventBridge rule, a managed policy, a hard-coded partition', async () => {
    const text = read('main.tf');
    const ranged = await loadModule(undefined, {
      'main.tf': text.replace('version = "21.19.0"', 'version = "~> 21.0"'),
    });
    expect(checkExactPin(ranged, recorded)).toHaveLength(1);
    expect(
      checkExactPin(await loadModule(), { ...recorded, tag: undefined }),
    ).toHaveLength(1);
    const duplicate = await loadModule(undefined, {
      'main.tf': `${text}
resource "aws_cloudwatch_event_rule" "cr" {
  name_prefix   = "KarpenterCR-"
  event_pattern = jsonencode({
    source      = ["aws.ec2"]
    detail-type = ["EC2 Capacity Reservation Instance Interruption Warning"]
  })
}
`,
    });
    expect(checkEventRules(duplicate, recorded)).toEqual([
      '"EC2 Capacity Reservation Instance Interruption Warning" has 2 EventBridge rules (submodule rule CRInterruption, aws_cloudwatch_event_rule.cr), expected exactly 1',
    ]);
    const older = {
      ...recorded,
      eventRules: recorded.eventRules!.filter(r => r.name !== 'CRInterruption'),
    };
    expect(checkEventRules(await loadModule(), older)).toEqual([
      '"EC2 Capacity Reservation Instance Interruption Warning" has 0 EventBridge rules (none), expected exactly 1',
    ]);
    const managed = await loadModule(undefined, {
      'main.tf': text.replace(
        'enable_inline_policy = true',
        'enable_inline_policy = false',
      ),
    });
    expect(checkInlinePolicy(managed)).toHaveLength(1);
    expect(
      checkPartitionArns({
        'x.tf':
          '# arn:aws: in a comment is fine\n  a = "arn:aws:iam::aws:policy/X"\n',
      }),
    ).toEqual([
      'x.tf:2 hard-codes the aws partition in an ARN (use data.aws_partition)',
    ]);
  });

  it('reports the old Helm setup: ECR credentials, no CRD chart, no ordering, wait = false', async () => {
    const text = read('main.tf');
    const start = text.indexOf('resource "helm_release" "karpenter_crd"');
    const end = text.indexOf('\n}\n', start) + 3;
    const mutated = await loadModule(undefined, {
      'main.tf': `${text.slice(0, start)}${text.slice(end)}
data "aws_ecrpublic_authorization_token" "token" {}
`
        .replace(
          'skip_crds = true',
          'repository_password = data.aws_ecrpublic_authorization_token.token.password',
        )
        .replace('wait = true', 'wait = false')
        .replace(
          'depends_on = [module.karpenter, helm_release.karpenter_crd]',
          '',
        ),
    });
    expect(checkHelmReleases(mutated)).toEqual([
      'helm_release.karpenter_crd (chart karpenter-crd) is not declared',
      'helm_release.karpenter must set skip_crds = true (the CRDs come from karpenter-crd)',
      'helm_release.karpenter must not set wait = false (a controller that cannot start would pass unnoticed)',
      'helm_release.karpenter must depend_on module.karpenter',
      'helm_release.karpenter must depend_on helm_release.karpenter_crd',
      'helm_release.karpenter sets repository_password: public ECR allows anonymous pulls',
      'data.aws_ecrpublic_authorization_token is not needed (anonymous public ECR pulls)',
    ]);
  });

  it('reports an example passing an undeclared input', async () => {
    const example = await parseHcl(
      'main.tf',
      read('examples/basic/main.tf').replace(
        'environment          = "dev"',
        'env                  = "dev"',
      ),
    );
    expect(checkExampleArguments(example, await loadModule())).toEqual([
      'module karpenter passes undeclared input env',
    ]);
  });
});
