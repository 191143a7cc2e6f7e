import { prettyTaint, toleratesTaint, untoleratedTaints } from './taints';

const batch = { key: 'workload-type', value: 'batch', effect: 'NoSchedule' };

// k8s.io/api core/v1 toleration.go ToleratesTaint; kubernetes-sigs/karpenter v1.14.1
// pkg/scheduling/taints.go Tolerates, pkg/utils/pretty Taint
describe('taints and tolerations (toleration.go, taints.go)', () => {
  it('matches key, value and effect; Exists ignores the value; an empty key needs Exists', () => {
    expect(
      toleratesTaint({ key: 'workload-type', value: 'batch' }, batch),
    ).toBe(true);
    expect(toleratesTaint({ key: 'workload-type', value: 'web' }, batch)).toBe(
      false,
    );
    expect(
      toleratesTaint({ key: 'workload-type', operator: 'Exists' }, batch),
    ).toBe(true);
    expect(
      toleratesTaint(
        { key: 'workload-type', operator: 'Exists', effect: 'NoExecute' },
        batch,
      ),
    ).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, batch)).toBe(true);
    expect(toleratesTaint({ value: 'batch' }, batch)).toBe(false);
  });

  it('lists the untolerated taints and prints them as Karpenter does', () => {
    const critical = { key: 'critical', effect: 'NoSchedule' };
    expect(
      untoleratedTaints(
        [batch, critical],
        [{ key: 'critical', operator: 'Exists' }],
      ),
    ).toEqual([batch]);
    expect(prettyTaint(batch)).toBe('workload-type=batch:NoSchedule');
    expect(prettyTaint(critical)).toBe('critical:NoSchedule');
  });
});
