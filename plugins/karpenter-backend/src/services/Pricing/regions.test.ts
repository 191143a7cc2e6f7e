import { clusterRegion } from './demands';
import { pricingApiRegion, regionOfZone } from './regions';

describe('pricingApiRegion (aws/karpenter-provider-aws pkg/providers/pricing/pricing.go NewAPI)', () => {
  it.each([
    ['us-west-2', 'us-east-1'],
    ['us-east-1', 'us-east-1'],
    ['ca-central-1', 'us-east-1'],
    ['sa-east-1', 'us-east-1'],
    ['eu-west-1', 'eu-central-1'],
    ['eu-central-1', 'eu-central-1'],
    ['ap-southeast-2', 'ap-south-1'],
    ['cn-north-1', 'cn-northwest-1'],
  ])('%s → %s', (region, endpoint) => {
    expect(pricingApiRegion(region)).toBe(endpoint);
  });
});

describe('regionOfZone', () => {
  it.each([
    ['eu-west-1a', 'eu-west-1'],
    ['us-east-1f', 'us-east-1'],
    ['us-west-2-lax-1a', 'us-west-2'],
    ['us-gov-west-1a', 'us-gov-west-1'],
    ['ap-southeast-2c', 'ap-southeast-2'],
  ])('%s → %s', (zone, region) => {
    expect(regionOfZone(zone)).toBe(region);
  });

  it('is undefined for what is not a zone', () => {
    expect(regionOfZone(undefined)).toBeUndefined();
    expect(regionOfZone('eu-west-1')).toBeUndefined();
    expect(regionOfZone('zone-a')).toBeUndefined();
  });
});

describe('clusterRegion', () => {
  const claim = (labels: Record<string, string>) => ({
    metadata: { name: 'c', labels },
    spec: {
      nodeClassRef: {
        group: 'karpenter.k8s.aws',
        kind: 'EC2NodeClass',
        name: 'default',
      },
    },
    status: {},
  });

  it('prefers aws.region, then the queue URL, then the NodeClaims', () => {
    const claims = [claim({ 'topology.kubernetes.io/zone': 'us-east-2b' })];
    expect(clusterRegion({ aws: { region: 'eu-west-1' } }, claims)).toBe(
      'eu-west-1',
    );
    expect(
      clusterRegion(
        {
          aws: {},
          interruptionQueue: 'https://sqs.ap-south-1.amazonaws.com/1/q',
        },
        claims,
      ),
    ).toBe('ap-south-1');
    expect(clusterRegion({ aws: {} }, claims)).toBe('us-east-2');
    expect(
      clusterRegion({ aws: {} }, [
        claim({ 'topology.kubernetes.io/region': 'eu-north-1' }),
      ]),
    ).toBe('eu-north-1');
    expect(clusterRegion({ aws: {} }, [])).toBeUndefined();
  });
});
