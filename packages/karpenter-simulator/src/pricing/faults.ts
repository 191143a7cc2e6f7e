import type { Fault } from '../k8s/types';

/** The two simulated AWS pricing APIs. */
export type PricingService = 'pricing' | 'ec2';

/** The pricing errors a fault injects. */
export type PricingError = NonNullable<Fault['pricingError']>;

const PRICING_ERRORS: readonly PricingError[] = [
  'AccessDenied',
  'Throttling',
  'Unavailable',
];
const SERVICES: readonly PricingService[] = ['pricing', 'ec2'];

/** Whether a fault is for the pricing APIs (and so for no Kubernetes API server). */
export function isPricingFault(fault: Fault): boolean {
  return fault.pricingError !== undefined || fault.service !== undefined;
}

/** Throws for a pricing fault with an unknown error or service (the control API's 400). */
export function checkPricingFault(fault: Fault) {
  if (
    fault.pricingError !== undefined &&
    !PRICING_ERRORS.includes(fault.pricingError)
  )
    throw new Error(
      `pricingError: unknown '${
        fault.pricingError
      }' (known: ${PRICING_ERRORS.join(', ')})`,
    );
  if (fault.service !== undefined && !SERVICES.includes(fault.service))
    throw new Error(
      `service: unknown '${fault.service}' (known: ${SERVICES.join(', ')})`,
    );
}

/**
 * The first fault in effect for a request to one pricing API: a pricing fault naming that
 * service or none. A `once` fault is consumed by the request it applies to.
 */
export function pricingFaultFor(
  faults: readonly Fault[],
  service: PricingService,
  consume: (fault: Fault) => void,
): Fault | undefined {
  const fault = faults.find(
    f =>
      isPricingFault(f) && (f.service === undefined || f.service === service),
  );
  if (fault?.once) consume(fault);
  return fault;
}
