import {
  formatFieldErrors,
  NodePoolInput,
  ResolvedNodePools,
  validateKarpenterNodePoolsInput,
} from '@karpenter-backstage/karpenter-template';
import {
  classifyNodePoolsChange,
  FieldChange,
  NodePoolChange,
} from './classify';

/** Values as a user types them, validated and resolved by the real template model. */
function resolved(
  nodePools: NodePoolInput[],
  clusterName = 'prod-eu',
): ResolvedNodePools {
  const result = validateKarpenterNodePoolsInput({ clusterName, nodePools });
  if (!result.ok) {
    throw new Error(formatFieldErrors(result.errors));
  }
  return result.value;
}

function classify(before: NodePoolInput[], after: NodePoolInput[]) {
  return classifyNodePoolsChange(resolved(before), resolved(after));
}

/** The one changed pool of a change. */
function onlyPool(before: NodePoolInput[], after: NodePoolInput[]) {
  const change = classify(before, after);
  expect(change.pools).toHaveLength(1);
  return change.pools[0];
}

const field = (pool: NodePoolChange, path: string): FieldChange => {
  const found = pool.fields.find(f => f.path === path);
  if (!found) {
    throw new Error(
      `no change at ${path}: ${pool.fields.map(f => f.path).join(', ')}`,
    );
  }
  return found;
};

const REQ = 'spec.template.spec.requirements';

describe('classifyNodePoolsChange', () => {
  it('reports no change for identical inputs (changed=false, pools empty)', () => {
    const change = classify(
      [{ name: 'general' }, { name: 'batch', preset: 'batch' }],
      [{ name: 'general' }, { name: 'batch', preset: 'batch' }],
    );
    expect(change).toEqual({
      changed: false,
      pools: [],
      unchanged: ['general', 'batch'],
    });
  });

  it('nodepool.go NodePool.Hash(): a taint is static drift and replaces every node', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [
        {
          name: 'general',
          taints: [{ key: 'team', value: 'a', effect: 'NoSchedule' }],
        },
      ],
    );
    expect(pool).toMatchObject({ change: 'changed', impact: 'replacesNodes' });
    expect(field(pool, 'spec.template.spec.taints')).toEqual({
      object: 'NodePool',
      path: 'spec.template.spec.taints',
      after: [{ key: 'team', value: 'a', effect: 'NoSchedule' }],
      impact: 'replacesNodes',
      why: expect.stringContaining('NodePoolDrifted'),
    });
  });

  it('nodepool.go SlicesAsSets: reordering taints is no change', () => {
    const a = { key: 'a', effect: 'NoSchedule' as const };
    const b = { key: 'b', value: 'x', effect: 'NoExecute' as const };
    const change = classify(
      [{ name: 'general', taints: [a, b] }],
      [{ name: 'general', taints: [b, a] }],
    );
    expect(change.changed).toBe(false);
  });

  it('nodepool.go: labels, expireAfter, terminationGracePeriod and startupTaints are hashed', () => {
    const pool = onlyPool(
      [{ name: 'general', labels: { team: 'a' } }],
      [
        {
          name: 'general',
          labels: { team: 'b' },
          expireAfter: '168h',
          terminationGracePeriod: '48h',
          startupTaints: [{ key: 'cilium', effect: 'NoExecute' }],
        },
      ],
    );
    expect(pool.fields.map(f => f.path)).toEqual([
      'spec.template.metadata.labels',
      'spec.template.spec.expireAfter',
      'spec.template.spec.startupTaints',
      'spec.template.spec.terminationGracePeriod',
    ]);
    expect(pool.fields.every(f => f.impact === 'replacesNodes')).toBe(true);
    expect(pool.fields[1]).toMatchObject({ before: '720h', after: '168h' });
  });

  it('drift.go areRequirementsDrifted: widening an In list replaces nothing', () => {
    const pool = onlyPool(
      [{ name: 'general', capacityTypes: ['spot'] }],
      [{ name: 'general', capacityTypes: ['spot', 'on-demand'] }],
    );
    expect(pool.impact).toBe('noReplacement');
    expect(field(pool, `${REQ}[karpenter.sh/capacity-type]`)).toEqual({
      object: 'NodePool',
      path: `${REQ}[karpenter.sh/capacity-type]`,
      before: {
        key: 'karpenter.sh/capacity-type',
        operator: 'In',
        values: ['spot'],
      },
      after: {
        key: 'karpenter.sh/capacity-type',
        operator: 'In',
        values: ['spot', 'on-demand'],
      },
      impact: 'noReplacement',
      why: 'requirements widened: every running node still matches',
    });
  });

  it('drift.go areRequirementsDrifted: removing a key or lowering a Gt bound widens', () => {
    const pool = onlyPool(
      [
        {
          name: 'c',
          preset: 'custom',
          instanceFamilies: ['m5'],
          instanceGenerationGreaterThan: 5,
        },
      ],
      [{ name: 'c', preset: 'custom', instanceGenerationGreaterThan: 2 }],
    );
    expect(pool.impact).toBe('noReplacement');
    expect(pool.fields.map(f => [f.path, 'after' in f, f.why])).toEqual([
      [
        `${REQ}[karpenter.k8s.aws/instance-generation]`,
        true,
        expect.stringMatching(/^requirements widened/),
      ],
      [
        `${REQ}[karpenter.k8s.aws/instance-family]`,
        false,
        expect.stringMatching(/^requirements widened/),
      ],
    ]);
  });

  it('drift.go areRequirementsDrifted: narrowing may replace the nodes that no longer match', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [{ name: 'general', capacityTypes: ['on-demand'] }],
    );
    expect(pool.impact).toBe('mayReplaceNodes');
    expect(field(pool, `${REQ}[karpenter.sh/capacity-type]`)).toMatchObject({
      impact: 'mayReplaceNodes',
      why: 'requirements narrowed: NodeClaims whose labels no longer match are marked Drifted (RequirementsDrifted)',
    });
  });

  it('drift.go areRequirementsDrifted: adding a key, NotIn gaining a value and a Gte raise narrow', () => {
    const notIn = (values: string[]) => ({
      key: 'karpenter.k8s.aws/instance-size',
      operator: 'NotIn' as const,
      values,
    });
    const pool = onlyPool(
      [{ name: 'c', preset: 'custom', requirements: [notIn(['nano'])] }],
      [
        {
          name: 'c',
          preset: 'custom',
          instanceFamilies: ['m6i'],
          requirements: [
            notIn(['nano', 'micro']),
            {
              key: 'karpenter.k8s.aws/instance-cpu',
              operator: 'Gte',
              values: ['4'],
            },
          ],
        },
      ],
    );
    expect(pool.fields.map(f => [f.path, f.impact])).toEqual([
      [`${REQ}[karpenter.k8s.aws/instance-family]`, 'mayReplaceNodes'],
      [`${REQ}[karpenter.k8s.aws/instance-size]`, 'mayReplaceNodes'],
      [`${REQ}[karpenter.k8s.aws/instance-cpu]`, 'mayReplaceNodes'],
    ]);
    const widened = onlyPool(
      [
        {
          name: 'c',
          preset: 'custom',
          requirements: [notIn(['nano', 'micro'])],
        },
      ],
      [{ name: 'c', preset: 'custom', requirements: [notIn(['nano'])] }],
    );
    expect(widened.impact).toBe('noReplacement');
  });

  it('drift.go areRequirementsDrifted: reordered values are no change', () => {
    const reordered = classify(
      [{ name: 'c', preset: 'custom', capacityTypes: ['spot', 'on-demand'] }],
      [{ name: 'c', preset: 'custom', capacityTypes: ['on-demand', 'spot'] }],
    );
    expect(reordered.changed).toBe(false);
  });

  it('drift.go areRequirementsDrifted: minValues changes replace nothing (Compatible ignores minValues)', () => {
    const families = (minValues?: number) => ({
      key: 'karpenter.k8s.aws/instance-family',
      operator: 'In' as const,
      values: ['m5', 'm6i', 'm7i'],
      ...(minValues === undefined ? {} : { minValues }),
    });
    const raised = onlyPool(
      [{ name: 'c', preset: 'custom', requirements: [families(1)] }],
      [{ name: 'c', preset: 'custom', requirements: [families(3)] }],
    );
    expect(raised.impact).toBe('noReplacement');
    expect(raised.fields[0].why).toMatch(/minValues/);
    const removed = onlyPool(
      [{ name: 'c', preset: 'custom', requirements: [families(2)] }],
      [{ name: 'c', preset: 'custom', requirements: [families()] }],
    );
    expect(removed.impact).toBe('noReplacement');
  });

  it('nodepool.go: limits, weight and consolidation are outside spec.template', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [
        {
          name: 'general',
          limits: { cpu: 2000, memory: '4000Gi' },
          weight: 50,
          consolidationPolicy: 'WhenEmpty',
          consolidateAfter: '10m',
        },
      ],
    );
    expect(pool.impact).toBe('noReplacement');
    expect(pool.fields.map(f => [f.path, f.before, f.after])).toEqual([
      ['spec.limits.cpu', 1000, 2000],
      ['spec.limits.memory', undefined, '4000Gi'],
      [
        'spec.disruption.consolidationPolicy',
        'WhenEmptyOrUnderutilized',
        'WhenEmpty',
      ],
      ['spec.disruption.consolidateAfter', '1m', '10m'],
      ['spec.weight', undefined, 50],
    ]);
    expect(pool.fields.every(f => f.impact === 'noReplacement')).toBe(true);
  });

  it('nodepool.go Budgets hash:"ignore": budgets compare as one set-valued path', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [
        {
          name: 'general',
          budgets: [
            { nodes: '10%' },
            {
              nodes: '0',
              reasons: ['Drifted'],
              schedule: '0 9 * * mon-fri',
              duration: '8h',
            },
          ],
        },
      ],
    );
    expect(pool.fields).toEqual([
      expect.objectContaining({
        path: 'spec.disruption.budgets',
        before: [{ nodes: '10%' }],
        impact: 'noReplacement',
      }),
    ]);
    const reordered = classify(
      [{ name: 'c', preset: 'critical' }],
      [
        {
          name: 'c',
          preset: 'critical',
          budgets: [
            {
              nodes: '0',
              reasons: ['Drifted'],
              schedule: '0 9 * * mon-fri',
              duration: '8h',
            },
            { nodes: '1' },
          ],
        },
      ],
    );
    expect(reordered.changed).toBe(false);
  });

  it('ec2nodeclass.go EC2NodeClass.Hash(): tags and the root volume size are static drift', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [
        {
          name: 'general',
          nodeClass: { tags: { team: 'a' }, rootVolumeSize: '100Gi' },
        },
      ],
    );
    expect(pool.impact).toBe('replacesNodes');
    expect(field(pool, 'spec.tags')).toMatchObject({
      object: 'EC2NodeClass',
      after: { team: 'a' },
      impact: 'replacesNodes',
      why: expect.stringContaining('NodeClassDrift'),
    });
    expect(field(pool, 'spec.blockDeviceMappings')).toMatchObject({
      object: 'EC2NodeClass',
      impact: 'replacesNodes',
    });
  });

  it('ec2nodeclass.go: detailedMonitoring false differs from unset (*bool, only nil is skipped)', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [{ name: 'general', nodeClass: { detailedMonitoring: false } }],
    );
    expect(field(pool, 'spec.detailedMonitoring')).toMatchObject({
      after: false,
      impact: 'replacesNodes',
    });
  });

  it('cloudprovider/drift.go AMIDrift: a new AMI alias replaces every node', () => {
    const family = onlyPool(
      [{ name: 'general' }],
      [{ name: 'general', nodeClass: { amiAlias: 'bottlerocket@latest' } }],
    );
    expect(field(family, 'spec.amiSelectorTerms')).toMatchObject({
      before: [{ alias: 'al2023@latest' }],
      after: [{ alias: 'bottlerocket@latest' }],
      impact: 'replacesNodes',
      why: expect.stringContaining('AMIDrift'),
    });
    const pinned = onlyPool(
      [{ name: 'general' }],
      [{ name: 'general', nodeClass: { amiAlias: 'al2023@v20240625' } }],
    );
    expect(pinned.fields).toEqual([
      expect.objectContaining({
        path: 'spec.amiSelectorTerms',
        impact: 'replacesNodes',
        why: 'AMI drift: nodes not running an AMI the new selector resolves to are replaced (AMIDrift)',
      }),
    ]);
  });

  it('cloudprovider/drift.go SubnetDrift and SecurityGroupDrift: new selectors may replace nodes', () => {
    const pool = onlyPool(
      [{ name: 'general' }],
      [
        {
          name: 'general',
          nodeClass: {
            subnetSelectorTags: { tier: 'private' },
            securityGroupSelectorTags: { 'karpenter.sh/discovery': 'other' },
          },
        },
      ],
    );
    expect(pool.impact).toBe('mayReplaceNodes');
    expect(field(pool, 'spec.subnetSelectorTerms')).toMatchObject({
      before: [{ tags: { 'karpenter.sh/discovery': 'prod-eu' } }],
      after: [{ tags: { tier: 'private' } }],
      impact: 'mayReplaceNodes',
      why: expect.stringContaining('SubnetDrift'),
    });
    expect(field(pool, 'spec.securityGroupSelectorTerms').why).toContain(
      'SecurityGroupDrift',
    );
  });

  it('cloudprovider/drift.go CapacityReservationDrift: adding a reservation widens, dropping one may replace', () => {
    const reserved = (ids: string[]): NodePoolInput => ({
      name: 'r',
      preset: 'custom',
      capacityTypes: ['reserved', 'on-demand'],
      nodeClass: { capacityReservationIds: ids },
    });
    const added = onlyPool(
      [reserved(['cr-0123456789abcdef0'])],
      [reserved(['cr-0123456789abcdef0', 'cr-0fedcba9876543210'])],
    );
    expect(added.fields).toEqual([
      expect.objectContaining({
        path: 'spec.capacityReservationSelectorTerms',
        impact: 'noReplacement',
      }),
    ]);
    const dropped = onlyPool(
      [reserved(['cr-0123456789abcdef0', 'cr-0fedcba9876543210'])],
      [reserved(['cr-0fedcba9876543210'])],
    );
    expect(dropped.impact).toBe('mayReplaceNodes');
    expect(dropped.fields[0].why).toContain('CapacityReservationDrift');
  });

  it('lists an added pool as noReplacement, mentioning its weight', () => {
    const change = classify(
      [{ name: 'general' }],
      [{ name: 'general' }, { name: 'gpu', preset: 'custom', weight: 20 }],
    );
    expect(change.unchanged).toEqual(['general']);
    expect(change.pools).toHaveLength(1);
    const gpu = change.pools[0];
    expect(gpu).toMatchObject({
      name: 'gpu',
      change: 'added',
      impact: 'noReplacement',
    });
    expect(gpu.fields.every(f => f.impact === 'noReplacement')).toBe(true);
    expect(gpu.fields.every(f => !('before' in f))).toBe(true);
    expect(field(gpu, 'spec.weight').why).toContain('weight 20');
    expect(field(gpu, 'spec.amiSelectorTerms').object).toBe('EC2NodeClass');
  });

  it('lists a removed pool as deletesNodes, after the pools of `after`', () => {
    const change = classify(
      [{ name: 'old' }, { name: 'general' }],
      [{ name: 'general', limits: { cpu: 10 } }, { name: 'new' }],
    );
    expect(change.pools.map(p => [p.name, p.change, p.impact])).toEqual([
      ['general', 'changed', 'noReplacement'],
      ['new', 'added', 'noReplacement'],
      ['old', 'removed', 'deletesNodes'],
    ]);
    expect(change.pools[2].fields).toEqual([]);
  });

  it('gives each pool its own worst impact and lists its fields worst first', () => {
    const change = classify(
      [
        { name: 'general' },
        { name: 'batch', preset: 'batch' },
        { name: 'critical', preset: 'critical' },
      ],
      [
        {
          name: 'general',
          weight: 10,
          taints: [{ key: 'x', effect: 'NoSchedule' }],
        },
        { name: 'batch', preset: 'batch', instanceTypes: ['c5.xlarge'] },
        { name: 'critical', preset: 'critical', limits: { cpu: 300 } },
      ],
    );
    expect(change.pools.map(p => [p.name, p.impact])).toEqual([
      ['general', 'replacesNodes'],
      ['batch', 'mayReplaceNodes'],
      ['critical', 'noReplacement'],
    ]);
    expect(change.pools[0].fields.map(f => f.impact)).toEqual([
      'replacesNodes',
      'noReplacement',
    ]);
  });

  it('a renamed cluster changes the node role (hashed) and the discovery selectors', () => {
    const change = classifyNodePoolsChange(
      resolved([{ name: 'general' }], 'a'),
      resolved([{ name: 'general' }], 'b'),
    );
    const pool = change.pools[0];
    expect(field(pool, 'spec.role')).toMatchObject({
      before: 'KarpenterNodeRole-a',
      after: 'KarpenterNodeRole-b',
      impact: 'replacesNodes',
    });
  });
});
