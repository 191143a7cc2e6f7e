import { parse as parseHcl } from '@cdktn/hcl2json';
import { format } from '@cdktn/hcl-tools';
import {
  NODE_POOL_PRESET_NAMES,
  validateKarpenterTemplateInput,
} from '@karpenter-backstage/karpenter-template';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import { parse as parseYaml } from 'yaml';
import {
  checkPartitionArns,
  checkTerraformVersionForBackend,
} from '@karpenter-backstage/terraform-checks';
import { KarpenterInputError } from './errors';
import { renderKarpenterRepository, renderNodePoolFiles } from './render';
import { MODULE_OUTPUTS } from './terraform';

function resolved(raw: unknown) {
  const result = validateKarpenterTemplateInput(raw);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.value;
}

const MODULE_SOURCE =
  'git::https://github.com/acme/karpenter-backstage.git//terraform-module/karpenter?ref=v0.2.0';

const seedValues = {
  moduleSource: MODULE_SOURCE,
  clusterName: 'eks-cluster-dev',
  awsRegion: 'us-west-2',
  tags: { ManagedBy: 'Terraform', Project: 'production-eks-platform' },
  nodePools: [
    { name: 'general', preset: 'general' },
    { name: 'batch', preset: 'batch' },
    { name: 'critical', preset: 'critical' },
  ],
};

describe('renderKarpenterRepository', () => {
  it('renders the Terraform root and one EC2NodeClass + NodePool per pool', async () => {
    const files = await renderKarpenterRepository(resolved(seedValues));
    expect(files.map(f => f.path)).toEqual([
      'terraform/main.tf',
      'terraform/versions.tf',
      'terraform/outputs.tf',
      'manifests/ec2nodeclass-general.yaml',
      'manifests/nodepool-general.yaml',
      'manifests/ec2nodeclass-batch.yaml',
      'manifests/nodepool-batch.yaml',
      'manifests/ec2nodeclass-critical.yaml',
      'manifests/nodepool-critical.yaml',
      'manifests/kustomization.yaml',
    ]);
  });

  it('writes canonically formatted HCL that passes the module its inputs', async () => {
    const files = await renderKarpenterRepository(resolved(seedValues));
    for (const file of files.filter(f => f.path.endsWith('.tf'))) {
      expect(await format(file.content)).toBe(file.content);
    }
    const main = await parseHcl('main.tf', files[0].content);
    expect(main.module.karpenter[0]).toEqual({
      source: MODULE_SOURCE,
      eks_cluster_name: 'eks-cluster-dev',
      eks_cluster_endpoint: '${data.aws_eks_cluster.this.endpoint}',
      environment: 'dev',
      aws_region: 'us-west-2',
      namespace: 'karpenter',
      service_account_name: 'karpenter',
      helm_chart_version: '1.14.1',
      resource_tag: {
        ManagedBy: 'Terraform',
        Project: 'production-eks-platform',
      },
    });
    expect(main.data.aws_eks_cluster.this[0].name).toBe('eks-cluster-dev');
    expect(main.data.aws_eks_cluster_auth.this[0].name).toBe('eks-cluster-dev');
    // one aws provider: the charts are pulled from public ECR anonymously
    expect(main.provider.aws).toEqual([{ region: 'us-west-2' }]);
    expect(main.provider.helm[0].kubernetes).toEqual({
      host: '${data.aws_eks_cluster.this.endpoint}',
      cluster_ca_certificate:
        '${base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)}',
      token: '${data.aws_eks_cluster_auth.this.token}',
    });
    const outputs = await parseHcl('outputs.tf', files[2].content);
    expect(Object.keys(outputs.output).sort()).toEqual(
      ['cluster_name', ...MODULE_OUTPUTS.map(([name]) => name)].sort(),
    );
    const versions = await parseHcl('versions.tf', files[1].content);
    expect(Object.keys(versions.terraform[0].required_providers[0])).toEqual([
      'aws',
      'helm',
    ]);
  });

  it('uses the configured module source unless the input names one, and renders an S3 backend', async () => {
    const custom = 'git::https://git.example.com/platform/karpenter.git?ref=v9';
    const { moduleSource: _, ...withoutSource } = seedValues;
    const byOption = await renderKarpenterRepository(resolved(withoutSource), {
      defaultModuleSource: custom,
    });
    expect(byOption[0].content).toContain(`source = "${custom}"`);
    const byInput = await renderKarpenterRepository(
      resolved({
        ...withoutSource,
        moduleSource: '../modules/karpenter',
        backend: { bucket: 'tf-state', dynamodbTable: 'locks' },
      }),
      { defaultModuleSource: custom },
    );
    expect(byInput[0].content).toContain('source = "../modules/karpenter"');
    const backend = byInput.find(f => f.path === 'terraform/backend.tf')!;
    const parsed = await parseHcl('backend.tf', backend.content);
    expect(parsed.terraform[0].backend.s3[0]).toEqual({
      bucket: 'tf-state',
      key: 'karpenter/eks-cluster-dev/terraform.tfstate',
      region: 'us-west-2',
      encrypt: true,
      use_lockfile: true,
      dynamodb_table: 'locks',
    });
  });

  it('fails without a module source, naming the portal setting (or the CLI flag)', async () => {
    const { moduleSource: _, ...withoutSource } = seedValues;
    const input = resolved(withoutSource);
    await expect(renderKarpenterRepository(input)).rejects.toMatchObject({
      name: 'InputError',
      fieldErrors: [
        {
          field: 'moduleSource',
          message: expect.stringContaining(
            'karpenter.scaffolder.defaultModuleSource is not configured',
          ),
        },
      ],
    });
    await expect(
      renderKarpenterRepository(input, {
        defaultModuleSourceSetting: '--module-source',
      }),
    ).rejects.toThrow(/--module-source is not configured/);
  });

  it('requires Terraform >= 1.10 exactly when the S3 backend uses use_lockfile, and hard-codes no partition', async () => {
    const render = async (backend?: object) => {
      const files = await renderKarpenterRepository(
        resolved({ ...seedValues, ...(backend ? { backend } : {}) }),
      );
      const tf = files.filter(f => f.path.endsWith('.tf'));
      const merged: Record<string, any> = { terraform: [] };
      for (const file of tf) {
        const parsed = await parseHcl(file.path, file.content);
        merged.terraform.push(...(parsed.terraform ?? []));
      }
      return { files: tf, merged };
    };
    for (const backend of [
      undefined,
      { bucket: 'tf-state' },
      { bucket: 'tf-state', useLockfile: false, dynamodbTable: 'locks' },
    ]) {
      const { files, merged } = await render(backend);
      expect(checkTerraformVersionForBackend(merged)).toEqual([]);
      expect(
        checkPartitionArns(
          Object.fromEntries(files.map(f => [f.path, f.content])),
        ),
      ).toEqual([]);
      const required = merged.terraform.find(
        (t: any) => t.required_version,
      ).required_version;
      expect([backend, required]).toEqual([
        backend,
        backend && (backend as any).useLockfile !== false
          ? '>= 1.10.0'
          : '>= 1.5.7',
      ]);
    }
    // the check bites: use_lockfile with the module's own floor
    expect(
      checkTerraformVersionForBackend({
        terraform: [
          { required_version: '>= 1.5.7' },
          { backend: { s3: [{ use_lockfile: true }] } },
        ],
      }),
    ).toHaveLength(1);
  });

  it("reproduces the seed README's general and batch NodePools and a valid EC2NodeClass", async () => {
    const files = renderNodePoolFiles(resolved(seedValues));
    const read = (path: string) =>
      parseYaml(files.find(f => f.path === path)!.content);
    const general = read('manifests/nodepool-general.yaml');
    expect(general.spec.template.spec.requirements).toEqual([
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
      {
        key: 'karpenter.sh/capacity-type',
        operator: 'In',
        values: ['spot', 'on-demand'],
      },
      {
        key: 'karpenter.k8s.aws/instance-category',
        operator: 'In',
        values: ['c', 'm', 'r'],
      },
      {
        key: 'karpenter.k8s.aws/instance-generation',
        operator: 'Gt',
        values: ['2'],
      },
    ]);
    expect(general.spec.template.spec.expireAfter).toBe('720h');
    expect(general.spec.limits).toEqual({ cpu: 1000 });
    expect(general.spec.disruption).toMatchObject({
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '1m',
    });
    const batch = read('manifests/nodepool-batch.yaml');
    expect(batch.spec.template.spec.taints).toEqual([
      { key: 'workload', value: 'batch', effect: 'NoSchedule' },
    ]);
    expect(batch.spec.disruption).toMatchObject({
      consolidationPolicy: 'WhenEmpty',
      consolidateAfter: '30s',
    });
    expect(batch.spec.limits).toEqual({ cpu: 500 });
    const nodeClass = read('manifests/ec2nodeclass-batch.yaml');
    expect(nodeClass.spec).toEqual({
      role: 'KarpenterNodeRole-eks-cluster-dev',
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      subnetSelectorTerms: [
        { tags: { 'karpenter.sh/discovery': 'eks-cluster-dev' } },
      ],
      securityGroupSelectorTerms: [
        { tags: { 'karpenter.sh/discovery': 'eks-cluster-dev' } },
      ],
    });
    expect(batch.spec.template.spec.nodeClassRef).toEqual({
      group: 'karpenter.k8s.aws',
      kind: 'EC2NodeClass',
      name: 'batch',
    });
    expect(read('manifests/kustomization.yaml').resources).toHaveLength(6);
    for (const file of files.filter(
      f => !f.path.endsWith('kustomization.yaml'),
    )) {
      expect([
        file.path,
        validateKarpenterObject(parseYaml(file.content)).violations,
      ]).toEqual([file.path, []]);
    }
  });

  it.each(NODE_POOL_PRESET_NAMES)(
    'renders preset %s as CRD-valid manifests',
    preset => {
      const files = renderNodePoolFiles(
        resolved({ ...seedValues, nodePools: [{ name: preset, preset }] }),
      );
      for (const file of files.filter(
        f => !f.path.endsWith('kustomization.yaml'),
      )) {
        expect(
          validateKarpenterObject(parseYaml(file.content)).violations,
        ).toEqual([]);
      }
    },
  );

  it('renders every NodePool and EC2NodeClass option within the CRD schemas', () => {
    const files = renderNodePoolFiles(
      resolved({
        ...seedValues,
        nodePools: [
          {
            name: 'everything',
            preset: 'custom',
            capacityTypes: ['spot', 'on-demand', 'reserved'],
            architectures: ['amd64', 'arm64'],
            instanceCategories: ['c', 'm'],
            instanceFamilies: ['c7g', 'm7g', 'c6i'],
            instanceGenerationGreaterThan: 5,
            instanceTypes: ['c7g.xlarge', 'm7g.large'],
            requirements: [
              {
                key: 'karpenter.k8s.aws/instance-size',
                operator: 'NotIn',
                values: ['metal'],
              },
              {
                key: 'karpenter.k8s.aws/instance-cpu',
                operator: 'Lt',
                values: ['65'],
              },
              {
                key: 'topology.kubernetes.io/zone',
                operator: 'In',
                values: ['us-west-2a', 'us-west-2b'],
                minValues: 2,
              },
              { key: 'example.com/gpu', operator: 'DoesNotExist' },
            ],
            limits: { cpu: '1500', memory: '6000Gi' },
            taints: [{ key: 'example.com/dedicated', effect: 'NoExecute' }],
            startupTaints: [
              {
                key: 'node.cilium.io/agent-not-ready',
                value: 'true',
                effect: 'NoSchedule',
              },
            ],
            labels: { 'example.com/team': 'payments', on: 'yes' },
            weight: 100,
            expireAfter: 'Never',
            terminationGracePeriod: '48h',
            consolidationPolicy: 'WhenEmpty',
            consolidateAfter: 'Never',
            budgets: [
              {
                nodes: '0',
                reasons: ['Drifted', 'Underutilized'],
                schedule: '@daily',
                duration: '1h30m',
              },
            ],
            nodeClass: {
              amiAlias: 'bottlerocket@v1.20.3',
              subnetSelectorTags: {
                Tier: 'private',
                'karpenter.sh/discovery': '*',
              },
              securityGroupSelectorTags: {
                'aws:eks:cluster-name': 'eks-cluster-dev',
              },
              tags: { CostCenter: '1234', Owner: 'Jürgen Müller' },
              rootVolumeSize: '200Gi',
              capacityReservationIds: ['cr-0123456789abcdef0'],
              detailedMonitoring: true,
              associatePublicIPAddress: false,
            },
          },
        ],
      }),
    );
    for (const file of files.filter(
      f => !f.path.endsWith('kustomization.yaml'),
    )) {
      const object = parseYaml(file.content, { version: '1.1' });
      expect([file.path, validateKarpenterObject(object).violations]).toEqual([
        file.path,
        [],
      ]);
    }
    const pool = parseYaml(files[1].content);
    expect(pool.spec.template.metadata.labels).toEqual({
      'example.com/team': 'payments',
      on: 'yes',
    });
    expect(files[1].content).toContain('"on": "yes"');
    expect(pool.spec.weight).toBe(100);
    const nodeClass = parseYaml(files[0].content);
    expect(nodeClass.spec.blockDeviceMappings[0].deviceName).toBe('/dev/xvdb');
    expect(nodeClass.spec.capacityReservationSelectorTerms).toEqual([
      { id: 'cr-0123456789abcdef0' },
    ]);
  });

  it('fails with an output-stage InputError if a manifest would not satisfy the CRD', () => {
    const input = resolved(seedValues);
    (input.nodePools[0] as any).consolidationPolicy = 'Sometimes';
    let error: unknown;
    try {
      renderNodePoolFiles(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KarpenterInputError);
    expect((error as KarpenterInputError).stage).toBe('output');
    expect((error as KarpenterInputError).fieldErrors[0]).toEqual({
      field:
        'manifests/nodepool-general.yaml: spec.disruption.consolidationPolicy',
      message: expect.stringContaining('Unsupported value'),
    });
  });
});
