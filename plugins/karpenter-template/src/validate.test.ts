import {
  validateKarpenterClusterInput,
  validateKarpenterNodePoolsInput,
  validateKarpenterTemplateInput,
} from './validate';
import { nodePoolInputSchema } from './schema';
import { NODE_POOL_PRESETS } from './presets';
import { NODE_POOL_PRESET_NAMES } from './constants';
import { formatFieldErrors, formatFieldPath } from './errors';

const minimal = () => ({
  clusterName: 'demo',
  awsRegion: 'us-west-2',
  nodePools: [{ name: 'general' }],
});

function errorsOf(raw: unknown) {
  const result = validateKarpenterTemplateInput(raw);
  if (result.ok) {
    throw new Error('expected errors');
  }
  return result.errors;
}

describe('validateKarpenterTemplateInput', () => {
  it('applies the cluster defaults and the general preset', () => {
    const result = validateKarpenterTemplateInput(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      clusterName: 'demo',
      awsRegion: 'us-west-2',
      environment: 'dev',
      namespace: 'karpenter',
      serviceAccountName: 'karpenter',
      helmChartVersion: '1.14.1',
      tags: {},
    });
    expect(result.value.moduleSource).toBeUndefined();
    expect(result.value.nodePools[0]).toEqual({
      name: 'general',
      preset: 'general',
      capacityTypes: ['spot', 'on-demand'],
      architectures: ['amd64'],
      instanceCategories: ['c', 'm', 'r'],
      instanceFamilies: [],
      instanceGenerationGreaterThan: 2,
      instanceTypes: [],
      requirements: [],
      limits: { cpu: 1000 },
      taints: [],
      startupTaints: [],
      labels: {},
      expireAfter: '720h',
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '1m',
      budgets: [{ nodes: '10%' }],
      nodeClass: {
        amiAlias: 'al2023@latest',
        subnetSelectorTags: { 'karpenter.sh/discovery': 'demo' },
        securityGroupSelectorTags: { 'karpenter.sh/discovery': 'demo' },
        tags: {},
        capacityReservationIds: [],
      },
    });
  });

  it('lets explicit fields override the preset; limits and nodeClass merge key by key', () => {
    const result = validateKarpenterNodePoolsInput({
      clusterName: 'demo',
      nodePools: [
        {
          name: 'jobs',
          preset: 'batch',
          capacityTypes: ['spot', 'on-demand'],
          instanceTypes: ['c6i.2xlarge'],
          taints: [],
          limits: { memory: '2000Gi' },
          nodeClass: {
            amiAlias: 'bottlerocket@latest',
            rootVolumeSize: '100Gi',
          },
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pool = result.value.nodePools[0];
    expect(pool.capacityTypes).toEqual(['spot', 'on-demand']);
    expect(pool.instanceTypes).toEqual(['c6i.2xlarge']);
    expect(pool.instanceCategories).toEqual(['c']);
    expect(pool.limits).toEqual({ cpu: 500, memory: '2000Gi' });
    expect(pool.taints).toEqual([
      { key: 'workload', value: 'batch', effect: 'NoSchedule' },
    ]);
    expect(pool.nodeClass.amiAlias).toBe('bottlerocket@latest');
    expect(pool.nodeClass.rootVolumeSize).toBe('100Gi');
  });

  it('treats empty lists and maps (as a form sends them) as not set', () => {
    const result = validateKarpenterNodePoolsInput({
      clusterName: 'demo',
      nodePools: [
        {
          name: 'batch',
          preset: 'batch',
          capacityTypes: [],
          architectures: [],
          instanceCategories: [],
          instanceFamilies: [],
          instanceTypes: [],
          requirements: [],
          taints: [],
          startupTaints: [],
          labels: {},
          limits: {},
          budgets: [{ nodes: '5', reasons: [] }],
          nodeClass: {
            subnetSelectorTags: {},
            tags: {},
            capacityReservationIds: [],
          },
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pool = result.value.nodePools[0];
    expect(pool.capacityTypes).toEqual(['spot']);
    expect(pool.instanceTypes).toEqual([
      'c5.xlarge',
      'c5.2xlarge',
      'c6i.xlarge',
    ]);
    expect(pool.taints).toHaveLength(1);
    expect(pool.labels).toEqual({ workload: 'batch' });
    expect(pool.limits).toEqual({ cpu: 500 });
    expect(pool.budgets).toEqual([{ nodes: '5' }]);
    expect(pool.nodeClass.subnetSelectorTags).toEqual({
      'karpenter.sh/discovery': 'demo',
    });
  });

  it.each(NODE_POOL_PRESET_NAMES)(
    'preset %s is valid input and resolves cleanly',
    name => {
      const { description, ...preset } = NODE_POOL_PRESETS[name];
      expect(description.length).toBeGreaterThan(10);
      expect(nodePoolInputSchema.safeParse({ name, ...preset }).success).toBe(
        true,
      );
      expect(
        validateKarpenterNodePoolsInput({
          clusterName: 'demo',
          nodePools: [{ name, preset: name }],
        }).ok,
      ).toBe(true);
    },
  );

  it('names the field in every error, e.g. nodePools[1].limits.cpu', () => {
    const input: any = minimal();
    input.nodePools.push({
      name: 'batch',
      preset: 'batch',
      limits: { cpu: '0' },
    });
    expect(errorsOf(input)).toEqual([
      {
        field: 'nodePools[1].limits.cpu',
        message: 'must be a positive quantity such as 1000, 500m or 1000Gi',
      },
    ]);
  });

  it('lists every field error at once', () => {
    const errors = errorsOf({
      clusterName: 'bad name',
      awsRegion: 'mars-1',
      helmChartVersion: '0.37.0',
      tags: { 'aws:owner': 'x' },
      surprise: true,
      nodePools: [
        {
          name: 'General',
          capacityTypes: ['spot', 'spot'],
          labels: { 'karpenter.sh/custom': 'x', team: 'a b' },
          taints: [{ key: 'gpu', effect: 'NoPlease' }],
          requirements: [
            {
              key: 'karpenter.k8s.aws/instance-size',
              operator: 'Gt',
              values: ['large'],
            },
            { key: 'kubernetes.io/hostname', operator: 'Exists' },
          ],
          weight: 0,
          expireAfter: '30d',
          budgets: [
            { nodes: '10%', schedule: '0 9 * * mon-fri' },
            { nodes: '101%' },
          ],
          limits: { cpu: -5, gpu: 1 },
        },
        { name: 'dup' },
        { name: 'dup' },
      ],
    });
    const text = formatFieldErrors(errors);
    expect(errors.map(e => e.field)).toEqual(
      expect.arrayContaining([
        'clusterName',
        'awsRegion',
        'helmChartVersion',
        'tags["aws:owner"]',
        'surprise',
        'nodePools[0].name',
        'nodePools[0].capacityTypes[1]',
        'nodePools[0].labels["karpenter.sh/custom"]',
        'nodePools[0].labels.team',
        'nodePools[0].taints[0].effect',
        'nodePools[0].requirements[0].values',
        'nodePools[0].requirements[1].key',
        'nodePools[0].weight',
        'nodePools[0].expireAfter',
        'nodePools[0].budgets[1].nodes',
        'nodePools[0].limits.cpu',
        'nodePools[0].limits.gpu',
        'nodePools[2].name',
      ]),
    );
    expect(text).toContain(
      'nodePools[0].labels["karpenter.sh/custom"]: invalid key: label domain "karpenter.sh" is restricted',
    );
    expect(text).toContain(
      'nodePools[0].taints[0].effect: must be one of: NoSchedule, PreferNoSchedule, NoExecute',
    );
    expect(text).toContain('nodePools[2].name: duplicate NodePool name "dup"');
    expect(text).toContain('surprise: is not a known field');
    expect(text).toContain('nodePools[0].limits.gpu: is not a known field');
  });

  it('checks requirement operators, budgets and types', () => {
    const pool = (extra: object) => ({
      ...minimal(),
      nodePools: [{ name: 'p', ...extra }],
    });
    expect(
      errorsOf(pool({ requirements: [{ key: 'team', operator: 'In' }] })),
    ).toEqual([
      {
        field: 'nodePools[0].requirements[0].values',
        message: 'operator In needs at least one value',
      },
    ]);
    expect(
      errorsOf(
        pool({
          requirements: [{ key: 'team', operator: 'Exists', values: ['a'] }],
        }),
      )[0].message,
    ).toBe('operator Exists takes no values');
    expect(
      errorsOf(
        pool({
          requirements: [
            { key: 'team', operator: 'NotIn', values: ['a'], minValues: 1 },
          ],
        }),
      )[0],
    ).toEqual({
      field: 'nodePools[0].requirements[0].minValues',
      message: 'is only supported with operator In',
    });
    expect(
      errorsOf(pool({ budgets: [{ nodes: '1', duration: '8h' }] })),
    ).toEqual([
      {
        field: 'nodePools[0].budgets[0].schedule',
        message: 'schedule and duration must be set together',
      },
    ]);
    expect(errorsOf(pool({ weight: '5' }))).toEqual([
      { field: 'nodePools[0].weight', message: 'must be a number' },
    ]);
    expect(errorsOf({ ...minimal(), nodePools: [] })).toEqual([
      { field: 'nodePools', message: 'must list at least one NodePool' },
    ]);
    expect(
      errorsOf({ awsRegion: 'us-east-1', nodePools: [{ name: 'a' }] }),
    ).toEqual([{ field: 'clusterName', message: 'is required' }]);
    expect(errorsOf('nope')).toEqual([
      { field: '<input>', message: 'must be an object' },
    ]);
  });

  it('refuses explicit instance types the category, family or generation filters exclude', () => {
    const errors = errorsOf({
      ...minimal(),
      nodePools: [
        {
          name: 'p',
          instanceTypes: ['t3.large', 'm5.large', 'c6i.large'],
          instanceFamilies: ['m5', 'c6i'],
        },
        { name: 'q', preset: 'critical', instanceGenerationGreaterThan: 5 },
        { name: 'r', capacityTypes: ['reserved'] },
      ],
    });
    expect(errors).toEqual([
      {
        field: 'nodePools[0].instanceTypes[0]',
        message: expect.stringContaining(
          't3.large is excluded by instanceFamilies',
        ),
      },
      {
        field: 'nodePools[0].instanceTypes[0]',
        message: expect.stringContaining(
          't3.large is excluded by instanceCategories (c, m, r)',
        ),
      },
      {
        field: 'nodePools[1].instanceTypes[0]',
        message: expect.stringContaining(
          'm5.xlarge is excluded by instanceGenerationGreaterThan (5)',
        ),
      },
      {
        field: 'nodePools[1].instanceTypes[1]',
        message: expect.stringContaining('m5.2xlarge is excluded'),
      },
      {
        field: 'nodePools[2].capacityTypes',
        message: expect.stringContaining('capacityReservationIds'),
      },
    ]);
  });

  it('refuses instance types and families of an architecture the pool does not allow, naming both fields', () => {
    const errors = errorsOf({
      ...minimal(),
      nodePools: [
        { name: 'arm-batch', preset: 'batch', architectures: ['arm64'] },
        {
          name: 'graviton',
          preset: 'custom',
          instanceFamilies: ['c7g', 'm6i'],
          instanceTypes: ['c7g.large', 'a1.large'],
        },
        // both architectures: every type launches on one of them
        { name: 'mixed', preset: 'batch', architectures: ['amd64', 'arm64'] },
        // arm64 with arm64 types
        {
          name: 'arm',
          preset: 'custom',
          architectures: ['arm64'],
          instanceTypes: ['m7gd.xlarge', 'im4gn.large', 'x2gd.medium'],
        },
      ],
    });
    expect(errors).toEqual([
      ...[0, 1, 2].map(i => ({
        field: `nodePools[0].instanceTypes[${i}]`,
        message: expect.stringMatching(
          /^c[56]i?\.[0-9]*xlarge is amd64, but architectures allows only arm64: .*takes the batch preset's value/,
        ),
      })),
      // the family filter: a1 is not among instanceFamilies
      {
        field: 'nodePools[1].instanceTypes[1]',
        message: expect.stringContaining('is excluded by instanceFamilies'),
      },
      {
        field: 'nodePools[1].instanceTypes[0]',
        message: expect.stringContaining(
          'c7g.large is arm64, but architectures allows only amd64',
        ),
      },
      {
        field: 'nodePools[1].instanceTypes[1]',
        message: expect.stringContaining('a1.large is arm64'),
      },
      {
        field: 'nodePools[1].instanceFamilies[0]',
        message: expect.stringContaining(
          'c7g is arm64, but architectures allows only amd64: add arm64 to architectures or choose amd64 instanceFamilies',
        ),
      },
    ]);
  });

  it('validates the two halves on their own', () => {
    expect(
      validateKarpenterClusterInput({
        clusterName: 'demo',
        awsRegion: 'us-east-1',
      }),
    ).toMatchObject({
      ok: true,
      value: { clusterName: 'demo', namespace: 'karpenter' },
    });
    const withBackend = validateKarpenterClusterInput({
      clusterName: 'demo',
      awsRegion: 'us-east-1',
      backend: { bucket: 'tf-state' },
    });
    expect(withBackend.ok && withBackend.value.backend).toEqual({
      bucket: 'tf-state',
      key: 'karpenter/demo/terraform.tfstate',
      region: 'us-east-1',
      useLockfile: true,
      encrypt: true,
    });
    expect(
      validateKarpenterClusterInput({
        clusterName: 'demo',
        awsRegion: 'us-east-1',
        nodePools: [],
      }),
    ).toEqual({
      ok: false,
      errors: [{ field: 'nodePools', message: 'is not a known field' }],
    });
  });

  it('accepts a ServiceAccount name only as a DNS-1123 label of at most 63 characters (as the module)', () => {
    const cluster = (serviceAccountName: string) =>
      validateKarpenterClusterInput({
        clusterName: 'demo',
        awsRegion: 'us-east-1',
        serviceAccountName,
      });
    expect(cluster('karpenter-controller').ok).toBe(true);
    expect(cluster('a'.repeat(63)).ok).toBe(true);
    for (const bad of ['karpenter.controller', 'a'.repeat(64), 'Karpenter']) {
      expect(cluster(bad)).toEqual({
        ok: false,
        errors: [{ field: 'serviceAccountName', message: expect.any(String) }],
      });
    }
  });

  it('formats field paths', () => {
    expect(formatFieldPath(['nodePools', 1, 'limits', 'cpu'])).toBe(
      'nodePools[1].limits.cpu',
    );
    expect(formatFieldPath(['tags', 'a"b'])).toBe('tags["a\\"b"]');
    expect(formatFieldPath([])).toBe('<input>');
  });
});
