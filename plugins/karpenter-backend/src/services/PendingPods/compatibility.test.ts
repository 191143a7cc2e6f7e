import type { NodePoolInfo } from '@karpenter-backstage/plugin-karpenter-common';
import type { CachedPodScheduling } from '../ClusterCache';
import { conflictOf } from './compatibility';

function pool(
  name: string,
  extra: Partial<Pick<NodePoolInfo, 'taints' | 'requirements' | 'labels'>> = {},
): NodePoolInfo {
  return {
    name,
    taints: [],
    requirements: [],
    labels: {},
    ...extra,
  } as Partial<NodePoolInfo> as NodePoolInfo;
}

const pod = (s: Partial<CachedPodScheduling> = {}): CachedPodScheduling => ({
  requests: { cpu: 0.5, memory: 512 * 1024 ** 2 },
  ...s,
});

// kubernetes-sigs/karpenter v1.14.1 pkg/scheduling/taints.go, requirements.go,
// pkg/controllers/provisioning/scheduling/nodeclaimtemplate.go
describe('conflictOf (Karpenter scheduling semantics)', () => {
  it('refuses a pod that does not tolerate a NoSchedule taint, ignores PreferNoSchedule', () => {
    const batch = pool('batch', {
      taints: [{ key: 'workload-type', value: 'batch', effect: 'NoSchedule' }],
    });
    expect(conflictOf(pod(), batch)).toEqual({
      kind: 'taint',
      taint: 'workload-type=batch:NoSchedule',
    });
    expect(
      conflictOf(
        pod({
          tolerations: [
            { key: 'workload-type', operator: 'Equal', value: 'batch' },
          ],
        }),
        batch,
      ),
    ).toBeUndefined();
    expect(
      conflictOf(pod({ tolerations: [{ operator: 'Exists' }] }), batch),
    ).toBeUndefined();
    expect(
      conflictOf(
        pod(),
        pool('soft', {
          taints: [{ key: 'x', effect: 'PreferNoSchedule' }],
        }),
      ),
    ).toBeUndefined();
  });

  it('every NodePool carries karpenter.sh/nodepool In [its name]', () => {
    const selector = { 'karpenter.sh/nodepool': 'general' };
    expect(
      conflictOf(pod({ nodeSelector: selector }), pool('general')),
    ).toBeUndefined();
    expect(conflictOf(pod({ nodeSelector: selector }), pool('batch'))).toEqual({
      kind: 'requirement',
      key: 'karpenter.sh/nodepool',
      detail:
        'key karpenter.sh/nodepool, karpenter.sh/nodepool In [general] not in karpenter.sh/nodepool In [batch]',
    });
  });

  it('refuses labels the NodePool does not define, unless well known or negative', () => {
    expect(conflictOf(pod({ nodeSelector: { team: 'a' } }), pool('p'))).toEqual(
      {
        kind: 'requirement',
        key: 'team',
        detail: 'label "team" does not have known values',
      },
    );
    expect(
      conflictOf(
        pod({ nodeSelector: { team: 'a' } }),
        pool('p', { labels: { team: 'a' } }),
      ),
    ).toBeUndefined();
    expect(
      conflictOf(
        pod({ nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1a' } }),
        pool('p'),
      ),
    ).toBeUndefined();
    expect(
      conflictOf(
        pod({
          requiredNodeAffinity: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] },
            ],
          },
        }),
        pool('p'),
      ),
    ).toBeUndefined();
  });

  it('intersects operators and takes any affinity term that fits', () => {
    const arm = pool('arm', {
      requirements: [
        { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
        {
          key: 'karpenter.k8s.aws/instance-cpu',
          operator: 'Gt',
          values: ['3'],
        },
      ],
    });
    const affinity = (key: string, operator: string, values?: string[]) => ({
      nodeSelectorTerms: [{ matchExpressions: [{ key, operator, values }] }],
    });
    expect(
      conflictOf(
        pod({
          requiredNodeAffinity: affinity('kubernetes.io/arch', 'In', ['amd64']),
        }),
        arm,
      ),
    ).toMatchObject({ kind: 'requirement', key: 'kubernetes.io/arch' });
    expect(
      conflictOf(
        pod({
          requiredNodeAffinity: affinity('kubernetes.io/arch', 'NotIn', [
            'amd64',
          ]),
        }),
        arm,
      ),
    ).toBeUndefined();
    expect(
      conflictOf(
        pod({
          requiredNodeAffinity: affinity(
            'karpenter.k8s.aws/instance-cpu',
            'Lt',
            ['4'],
          ),
        }),
        arm,
      ),
    ).toMatchObject({ key: 'karpenter.k8s.aws/instance-cpu' });
    expect(
      conflictOf(
        pod({
          requiredNodeAffinity: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  {
                    key: 'kubernetes.io/arch',
                    operator: 'In',
                    values: ['amd64'],
                  },
                ],
              },
              {
                matchExpressions: [
                  {
                    key: 'kubernetes.io/arch',
                    operator: 'In',
                    values: ['arm64'],
                  },
                ],
              },
            ],
          },
        }),
        arm,
      ),
    ).toBeUndefined();
  });
});
