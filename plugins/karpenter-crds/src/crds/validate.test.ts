import { knownKarpenterKinds, validateKarpenterObject } from './validate';

const nodePool = () => ({
  apiVersion: 'karpenter.sh/v1',
  kind: 'NodePool',
  metadata: { name: 'general' },
  spec: {
    template: {
      metadata: { labels: { workload: 'general' } },
      spec: {
        nodeClassRef: {
          group: 'karpenter.k8s.aws',
          kind: 'EC2NodeClass',
          name: 'general',
        },
        requirements: [
          {
            key: 'karpenter.sh/capacity-type',
            operator: 'In',
            values: ['spot', 'on-demand'],
          },
          {
            key: 'karpenter.k8s.aws/instance-generation',
            operator: 'Gt',
            values: ['5'],
          },
        ],
        expireAfter: '720h',
      },
    },
    limits: { cpu: '1000', memory: '1000Gi' },
    disruption: {
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '1m',
      budgets: [
        { nodes: '10%' },
        {
          nodes: '0',
          schedule: '0 9 * * mon-fri',
          duration: '8h',
          reasons: ['Drifted'],
        },
      ],
    },
    weight: 10,
  },
});

const ec2NodeClass = () => ({
  apiVersion: 'karpenter.k8s.aws/v1',
  kind: 'EC2NodeClass',
  metadata: { name: 'general' },
  spec: {
    role: 'KarpenterNodeRole-demo',
    amiSelectorTerms: [{ alias: 'al2023@latest' }],
    subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'demo' } }],
    securityGroupSelectorTerms: [
      { tags: { 'karpenter.sh/discovery': 'demo' } },
    ],
  },
});

describe('validateKarpenterObject', () => {
  it('knows the three Karpenter v1 kinds', () => {
    expect(knownKarpenterKinds().sort()).toEqual([
      'karpenter.k8s.aws/v1/EC2NodeClass',
      'karpenter.sh/v1/NodeClaim',
      'karpenter.sh/v1/NodePool',
    ]);
  });

  it('accepts a NodePool and EC2NodeClass like the seed examples', () => {
    expect(validateKarpenterObject(nodePool())).toEqual({
      valid: true,
      kind: 'NodePool',
      violations: [],
    });
    expect(validateKarpenterObject(ec2NodeClass()).violations).toEqual([]);
  });

  it('names an unknown field (typo) by its path', () => {
    const bad: any = nodePool();
    bad.spec.disruption.consolidateAftr = '1m';
    const result = validateKarpenterObject(bad);
    expect(result.valid).toBe(false);
    expect(result.violations).toContainEqual({
      field: 'spec.disruption.consolidateAftr',
      message: 'field not declared in schema',
    });
  });

  it('rejects an unsupported enum value with the allowed values', () => {
    const bad: any = nodePool();
    bad.spec.disruption.consolidationPolicy = 'Always';
    const result = validateKarpenterObject(bad);
    expect(result.violations[0].field).toBe(
      'spec.disruption.consolidationPolicy',
    );
    expect(result.violations[0].message).toContain(
      '"WhenEmptyOrUnderutilized"',
    );
  });

  it('reports missing required fields and bad patterns with array indexes', () => {
    const bad: any = nodePool();
    delete bad.spec.template.spec.nodeClassRef;
    bad.spec.template.spec.requirements[0].operator = 'Equals';
    bad.spec.template.spec.expireAfter = 'forever';
    const fields = validateKarpenterObject(bad).violations.map(v => v.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'spec.template.spec.nodeClassRef',
        'spec.template.spec.requirements[0].operator',
        'spec.template.spec.expireAfter',
      ]),
    );
  });

  it('refuses objects of other kinds', () => {
    expect(
      validateKarpenterObject({ apiVersion: 'v1', kind: 'Pod' }),
    ).toMatchObject({
      valid: false,
      violations: [{ field: 'kind' }],
    });
    expect(validateKarpenterObject(null).valid).toBe(false);
  });

  it('leaves metadata to the API server but still requires spec fields of EC2NodeClass', () => {
    const bad: any = ec2NodeClass();
    bad.metadata.anything = { goes: true };
    delete bad.spec.subnetSelectorTerms;
    const result = validateKarpenterObject(bad);
    // a missing required field keeps the CEL rules from running, noted like kube-apiserver does
    expect(result.violations.map(v => v.field)).toEqual([
      'spec.subnetSelectorTerms',
      '<nil>',
    ]);
  });
});
