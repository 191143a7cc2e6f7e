import {
  countingKindOf,
  countingSubject,
  disruptedText,
  interruptedText,
  parseDisruptionReason,
  rebalanceText,
} from './counting';
import { RECORDED_REASONS } from './reasons';

describe('the counting model', () => {
  // aws/karpenter-provider-aws pkg/controllers/interruption/events/events.go and
  // kubernetes-sigs/karpenter pkg/controllers/disruption/events/events.go
  it('classifies every recorded reason', () => {
    const kinds = Object.fromEntries(
      RECORDED_REASONS.map(r => [r, countingKindOf(r)]),
    );
    expect(kinds).toEqual({
      SpotInterrupted: 'interruption',
      CapacityReservationInstanceInterrupted: 'interruption',
      InstanceStopping: 'interruption',
      InstanceTerminating: 'interruption',
      InstanceUnhealthy: 'interruption',
      SpotRebalanceRecommendation: 'rebalance',
      TerminatingOnInterruption: 'termination',
      DisruptionTerminating: 'disruption',
      DisruptionBlocked: 'information',
      Unconsolidatable: 'information',
      ConsolidationCandidate: 'information',
    });
  });

  it('parses the disruption reason of DisruptionTerminating messages', () => {
    expect(parseDisruptionReason('Disrupting Node: Underutilized')).toBe(
      'Underutilized',
    );
    expect(parseDisruptionReason('Disrupting NodeClaim: Drifted')).toBe(
      'Drifted',
    );
    expect(parseDisruptionReason('Disrupting Node: Empty/Delete')).toBe(
      'Empty',
    );
    expect(parseDisruptionReason('something else')).toBeUndefined();
  });

  it('counts an event for its NodeClaim, else its Node, NodePool or itself', () => {
    expect(countingSubject({ eventUid: 'u', nodeClaim: 'c', node: 'n' })).toBe(
      'c',
    );
    expect(countingSubject({ eventUid: 'u', node: 'n', nodePool: 'p' })).toBe(
      'node/n',
    );
    expect(countingSubject({ eventUid: 'u', nodePool: 'p' })).toBe(
      'nodepool/p',
    );
    expect(countingSubject({ eventUid: 'u' })).toBe('event/u');
  });

  it('says what it counts', () => {
    expect(interruptedText(2)).toBe('2 nodes interrupted');
    expect(interruptedText(1)).toBe('1 node interrupted');
    expect(rebalanceText(1)).toBe('1 rebalance warning');
    expect(disruptedText(1, { Underutilized: 1 })).toBe(
      '1 replaced by Karpenter (consolidation)',
    );
    expect(disruptedText(3, { Underutilized: 1, Empty: 1, Drifted: 1 })).toBe(
      '3 replaced by Karpenter (consolidation 2, drift 1)',
    );
    expect(disruptedText(0)).toBe('0 replaced by Karpenter');
  });
});
