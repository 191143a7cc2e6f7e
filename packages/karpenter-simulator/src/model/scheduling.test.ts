import { instanceType } from './instanceTypes';
import {
  customRequirementLabels,
  instanceTypeLabels,
  parseDuration,
  satisfies,
  tolerates,
} from './scheduling';

describe('scheduling helpers', () => {
  it('evaluates NodeSelectorRequirements like Karpenter', () => {
    const labels = instanceTypeLabels(instanceType('m7g.2xlarge'));
    const req = (operator: string, key: string, ...values: string[]) => ({
      key,
      operator,
      values,
    });
    expect(satisfies(labels, req('In', 'kubernetes.io/arch', 'arm64'))).toBe(
      true,
    );
    expect(satisfies(labels, req('NotIn', 'kubernetes.io/arch', 'arm64'))).toBe(
      false,
    );
    expect(
      satisfies(
        labels,
        req('Gt', 'karpenter.k8s.aws/instance-generation', '6'),
      ),
    ).toBe(true);
    expect(
      satisfies(labels, req('Lt', 'karpenter.k8s.aws/instance-cpu', '8')),
    ).toBe(false);
    expect(
      satisfies(labels, req('Exists', 'karpenter.k8s.aws/instance-gpu-count')),
    ).toBe(false);
    expect(
      satisfies(
        labels,
        req('DoesNotExist', 'karpenter.k8s.aws/instance-gpu-count'),
      ),
    ).toBe(true);
    expect(satisfies(labels, req('NotIn', 'example.com/absent', 'x'))).toBe(
      true,
    );
  });

  it('parses NodePool durations; Never is no duration', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('Never')).toBeUndefined();
    expect(parseDuration(undefined)).toBeUndefined();
  });

  it('turns custom In requirements into node labels, not well-known ones', () => {
    expect(
      customRequirementLabels([
        { key: 'team', operator: 'In', values: ['data', 'ml'] },
        { key: 'example.com/tier', operator: 'In', values: ['gold'] },
        {
          key: 'node.kubernetes.io/instance-type',
          operator: 'In',
          values: ['m5.large'],
        },
        {
          key: 'karpenter.k8s.aws/instance-family',
          operator: 'In',
          values: ['m5'],
        },
        { key: 'other', operator: 'Exists' },
      ]),
    ).toEqual({ team: 'data', 'example.com/tier': 'gold' });
  });

  it('checks tolerations against taints', () => {
    const pod = {
      spec: {
        tolerations: [
          {
            key: 'workload-type',
            operator: 'Equal',
            value: 'batch',
            effect: 'NoSchedule',
          },
        ],
      },
    };
    expect(
      tolerates(pod, {
        key: 'workload-type',
        value: 'batch',
        effect: 'NoSchedule',
      }),
    ).toBe(true);
    expect(
      tolerates(pod, { key: 'critical', value: 'true', effect: 'NoSchedule' }),
    ).toBe(false);
    expect(
      tolerates({ spec: {} }, { key: 'x', effect: 'PreferNoSchedule' }),
    ).toBe(true);
  });
});
