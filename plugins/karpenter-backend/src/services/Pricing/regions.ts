/**
 * The region of the Price List API endpoint for a cluster's region: the API has endpoints in
 * us-east-1, eu-central-1, ap-south-1 and cn-northwest-1 only, and serves every region's prices
 * from each. The mapping is Karpenter's (aws/karpenter-provider-aws
 * pkg/providers/pricing/pricing.go, `NewAPI`).
 *
 * @internal
 */
export function pricingApiRegion(region: string): string {
  if (region.startsWith('ap-')) return 'ap-south-1';
  if (region.startsWith('cn-')) return 'cn-northwest-1';
  if (region.startsWith('eu-')) return 'eu-central-1';
  return 'us-east-1';
}

/**
 * The region of an availability zone (`eu-west-1a` → `eu-west-1`, a Local Zone
 * `us-west-2-lax-1a` → `us-west-2`, `us-gov-west-1a` → `us-gov-west-1`); undefined for a name
 * that is not a zone.
 *
 * @internal
 */
export function regionOfZone(zone: string | undefined): string | undefined {
  return zone?.match(
    /^([a-z]{2}(?:-gov)?-[a-z]+-\d+)(?:[a-z]|-[a-z0-9-]+)$/,
  )?.[1];
}
