import {
  addRequirements,
  incompatibility,
  requirement,
  requirementsString,
  requirementString,
} from './requirements';

// kubernetes-sigs/karpenter v1.14.1 pkg/scheduling/requirement.go String / Intersection,
// requirements.go Compatible / Intersects / String
describe("Karpenter's requirements, as its scheduling errors print them", () => {
  it('prints requirement.go String: sorted values, Gt/Lt as bounds, at most 5 values, minValues', () => {
    expect(requirementString(requirement('k', 'In', ['b', 'a']))).toBe(
      'k In [a b]',
    );
    expect(requirementString(requirement('k', 'NotIn', ['x']))).toBe(
      'k NotIn [x]',
    );
    expect(requirementString(requirement('k', 'Exists'))).toBe('k Exists');
    expect(requirementString(requirement('k', 'DoesNotExist'))).toBe(
      'k DoesNotExist',
    );
    expect(requirementString(requirement('k', 'Gt', ['6']))).toBe(
      'k Exists >=7',
    );
    expect(
      requirementString(
        requirement('k', 'In', ['1', '2', '3', '4', '5', '6', '7'], 2),
      ),
    ).toBe('k In [1 2 3 4 5 and 2 others] minValues 2');
  });

  it('intersects a key given twice (requirements.go Add) and sorts the set (String)', () => {
    const reqs = addRequirements(
      new Map(),
      requirement('b', 'Gt', ['2']),
      requirement('b', 'Lt', ['9']),
      requirement('a', 'In', ['x', 'y']),
      requirement('a', 'NotIn', ['y']),
      requirement('kubernetes.io/hostname', 'In', ['h']),
    );
    expect(requirementsString(reqs)).toBe('a In [x], b Exists >=3 <=8');
  });

  it('reports what a pod asks for that a template cannot give (Compatible, badKeyError)', () => {
    const template = addRequirements(
      new Map(),
      requirement('karpenter.sh/nodepool', 'In', ['general']),
    );
    const pod = (key: string, value: string) =>
      addRequirements(new Map(), requirement(key, 'In', [value]));
    expect(incompatibility(template, pod('karpenter.sh/nodepool', 'web'))).toBe(
      'key karpenter.sh/nodepool, karpenter.sh/nodepool In [web] not in karpenter.sh/nodepool In [general]',
    );
    expect(incompatibility(template, pod('team', 'data'))).toBe(
      'label "team" does not have known values',
    );
    // well-known labels may be undefined in the template (AllowUndefinedWellKnownLabels)
    expect(
      incompatibility(
        template,
        pod('topology.kubernetes.io/zone', 'eu-west-1a'),
      ),
    ).toBeUndefined();
    expect(
      incompatibility(template, pod('karpenter.sh/nodepool', 'general')),
    ).toBeUndefined();
  });
});
