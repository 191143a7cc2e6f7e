import { randomUUID } from 'node:crypto';
import { iso } from '../model/conditions';
import { EventRecorder } from './eventRecorder';
import {
  INTERRUPTION_EVENTS,
  InterruptionReason,
  interruptionEvents,
  Target,
  terminatingOnInterruption,
} from './events';

/**
 * What the interruption controller does per message kind (`aws/karpenter-provider-aws`
 * `pkg/controllers/interruption/controller.go` + `utils.go`, `actionForMessage`): spot
 * interruption, capacity-reservation interruption, stopping/terminated state changes and AWS
 * Health scheduled changes cordon and drain (delete the NodeClaim); a rebalance recommendation
 * only notifies. Each reason's EventBridge message as the provider's parsers read it
 * (`pkg/controllers/interruption/messages/*`: version "0", source, detail-type, detail).
 */
export const INTERRUPTION_KINDS: Record<
  InterruptionReason,
  {
    source: 'aws.ec2' | 'aws.health';
    detailType: string;
    terminates: boolean;
    /** Only spot instances get it. */
    spotOnly: boolean;
    detail: (instanceId: string, region: string, at: number) => object;
  }
> = {
  SpotInterrupted: {
    source: 'aws.ec2',
    detailType: 'EC2 Spot Instance Interruption Warning',
    terminates: true,
    spotOnly: true,
    detail: id => ({ 'instance-id': id, 'instance-action': 'terminate' }),
  },
  SpotRebalanceRecommendation: {
    source: 'aws.ec2',
    detailType: 'EC2 Instance Rebalance Recommendation',
    terminates: false,
    spotOnly: true,
    detail: id => ({ 'instance-id': id }),
  },
  CapacityReservationInstanceInterrupted: {
    source: 'aws.ec2',
    detailType: 'EC2 Capacity Reservation Instance Interruption Warning',
    terminates: true,
    spotOnly: false,
    detail: id => ({ 'instance-id': id, 'instance-action': 'terminate' }),
  },
  InstanceStopping: {
    source: 'aws.ec2',
    detailType: 'EC2 Instance State-change Notification',
    terminates: true,
    spotOnly: false,
    detail: id => ({ 'instance-id': id, state: 'stopping' }),
  },
  InstanceTerminating: {
    source: 'aws.ec2',
    detailType: 'EC2 Instance State-change Notification',
    terminates: true,
    spotOnly: false,
    detail: id => ({ 'instance-id': id, state: 'shutting-down' }),
  },
  // AWS Health scheduled change (service EC2, category scheduledChange) → InstanceUnhealthy
  InstanceUnhealthy: {
    source: 'aws.health',
    detailType: 'AWS Health Event',
    terminates: true,
    spotOnly: false,
    detail: (id, _region, at) => ({
      eventArn: `arn:aws:health:${_region}::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_${at}`,
      eventTypeCode: 'AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED',
      service: 'EC2',
      eventTypeCategory: 'scheduledChange',
      startTime: new Date(at + 14 * 86_400_000).toUTCString(),
      endTime: new Date(at + 14 * 86_400_000 + 3_600_000).toUTCString(),
      eventDescription: [
        {
          language: 'en_US',
          latestDescription: `EC2 has detected degradation of the underlying hardware hosting your Amazon EC2 instance ${id}. Your instance will be retired.`,
        },
      ],
      affectedEntities: [{ entityValue: id }],
    }),
  },
};

/** Whether a reason is one the interruption controller emits. */
export function isInterruptionReason(r: string): r is InterruptionReason {
  return Object.prototype.hasOwnProperty.call(INTERRUPTION_EVENTS, r);
}

/** The EventBridge envelope the interruption queue receives. */
export function interruptionMessage(
  reason: InterruptionReason,
  instanceId: string,
  region: string,
  at: number,
): string {
  const kind = INTERRUPTION_KINDS[reason];
  return JSON.stringify({
    version: '0',
    id: randomUUID(),
    'detail-type': kind.detailType,
    source: kind.source,
    account: '000000000000',
    time: iso(at),
    region,
    resources:
      kind.source === 'aws.health'
        ? []
        : [`arn:aws:ec2:${region}:000000000000:instance/${instanceId}`],
    detail: kind.detail(instanceId, region, at),
  });
}

/** What the interruption controller needs from the simulated cluster. */
export interface InterruptionHost {
  region: string;
  recorder: EventRecorder;
  sendMessage(body: string): void;
  /** The NodeClaim (and its Node while it exists) with uids, or undefined when it is gone. */
  target(claim: string): Target | undefined;
  /** Whether the NodeClaim already has a deletionTimestamp. */
  deleting(claim: string): boolean;
  instanceId(claim: string): string;
  /** Deletes the NodeClaim (termination follows) and lets the provisioner replace it. */
  deleteAndReplace(claim: string): void;
  now(): number;
}

/**
 * Sends the reason's message to the queue and handles it as the controller does
 * (`handleNodeClaim`): the reason's events on the NodeClaim and its Node, then, for a terminating
 * kind, the NodeClaim's delete and `TerminatingOnInterruption` on both — unless it was already
 * being deleted (`deleteNodeClaim` returns early, nothing is published).
 */
export function interruptNodeClaim(
  host: InterruptionHost,
  claim: string,
  reason: InterruptionReason,
) {
  const at = host.now();
  host.sendMessage(
    interruptionMessage(reason, host.instanceId(claim), host.region, at),
  );
  const target = host.target(claim);
  if (!target) return; // no NodeClaim for the instance: the controller does nothing
  for (const e of interruptionEvents(reason, target))
    host.recorder.publish(e, at);
  if (!INTERRUPTION_KINDS[reason].terminates || host.deleting(claim)) return;
  host.deleteAndReplace(claim);
  for (const e of terminatingOnInterruption(target))
    host.recorder.publish(e, at);
}
