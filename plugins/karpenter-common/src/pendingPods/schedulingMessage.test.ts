import { parseSchedulingMessage } from './schedulingMessage';

// Messages as kubernetes-sigs/karpenter v1.14.1 writes them: events.go (PodFailedToScheduleEvent,
// NominatePodEvent), scheduler.go addToNewNodeClaim (multierr of one error per NodePool, serrors
// "(NodePool=x)"), taints.go Tolerates, requirements.go badKeyError, nodeclaim.go
// InstanceTypeFilterError.
describe('parseSchedulingMessage (pkg/controllers/provisioning/scheduling/events.go)', () => {
  it('reads a nomination of a new NodeClaim and of an existing node', () => {
    expect(
      parseSchedulingMessage('Pod should schedule on: nodeclaim/general-abc12'),
    ).toEqual({ reason: 'Nominated', nodeClaim: 'general-abc12' });
    expect(
      parseSchedulingMessage(
        'Pod should schedule on: nodeclaim/general-abc12, node/ip-10-0-1-2.ec2.internal',
      ),
    ).toEqual({
      reason: 'Nominated',
      nodeClaim: 'general-abc12',
      node: 'ip-10-0-1-2.ec2.internal',
    });
  });

  it('splits the per-NodePool errors of scheduler.go and names their NodePools', () => {
    const parsed = parseSchedulingMessage(
      'Failed to schedule pod, incompatible requirements, key karpenter.sh/nodepool, karpenter.sh/nodepool In [general] not in karpenter.sh/nodepool In [critical]; ' +
        'all available instance types exceed limits for nodepool (NodePool=general); ' +
        'did not tolerate taint (taint=workload-type=batch:NoSchedule)',
    );
    expect(parsed).toEqual({
      reason: 'FailedScheduling',
      parts: [
        expect.objectContaining({
          kind: 'requirements',
          key: 'karpenter.sh/nodepool',
        }),
        expect.objectContaining({ kind: 'limit', nodePool: 'general' }),
        expect.objectContaining({
          kind: 'taint',
          taint: 'workload-type=batch:NoSchedule',
        }),
      ],
    });
  });

  it('reads node limits, instance type filters and missing labels', () => {
    const parts = (m: string) => {
      const p = parseSchedulingMessage(`Failed to schedule pod, ${m}`);
      return p?.reason === 'FailedScheduling' ? p.parts : [];
    };
    expect(
      parts('node limits have been exhausted for nodepool (NodePool=batch)'),
    ).toEqual([expect.objectContaining({ kind: 'limit', nodePool: 'batch' })]);
    expect(
      parts(
        'no instance type has enough resources, requirements=karpenter.sh/nodepool In [general], resources={"cpu":"500","memory":"512Mi","pods":"1"}',
      ),
    ).toEqual([expect.objectContaining({ kind: 'instance-type' })]);
    expect(
      parts(
        'incompatible requirements, label "team" does not have known values',
      ),
    ).toEqual([expect.objectContaining({ kind: 'requirements', key: 'team' })]);
  });

  it('reads the v1.0–v1.4 wordings too', () => {
    const p = parseSchedulingMessage(
      'Failed to schedule pod, all available instance types exceed limits for nodepool: "batch"; did not tolerate critical=true:NoSchedule',
    );
    expect(p).toEqual({
      reason: 'FailedScheduling',
      parts: [
        expect.objectContaining({ kind: 'limit', nodePool: 'batch' }),
        expect.objectContaining({
          kind: 'taint',
          taint: 'critical=true:NoSchedule',
        }),
      ],
    });
  });

  it('keeps unrecognised errors verbatim and ignores the kube-scheduler', () => {
    expect(
      parseSchedulingMessage('Failed to schedule pod, something new happened'),
    ).toEqual({
      reason: 'FailedScheduling',
      parts: [{ kind: 'other', text: 'something new happened' }],
    });
    expect(
      parseSchedulingMessage(
        '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available',
      ),
    ).toBeUndefined();
  });
});
