import { Entity } from '@backstage/catalog-model';
import { isKarpenterAvailable } from './isKarpenterAvailable';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x', annotations },
  spec: {},
});

describe('isKarpenterAvailable', () => {
  it('is true with a karpenter.sh/cluster annotation', () => {
    expect(
      isKarpenterAvailable(entity({ 'karpenter.sh/cluster': 'demo' })),
    ).toBe(true);
  });
  it('is true with a Kubernetes-plugin annotation', () => {
    expect(
      isKarpenterAvailable(
        entity({ 'backstage.io/kubernetes-id': 'checkout' }),
      ),
    ).toBe(true);
  });
  it('is false without them', () => {
    expect(isKarpenterAvailable(entity())).toBe(false);
    expect(
      isKarpenterAvailable(entity({ 'karpenter.sh/nodepools': 'general' })),
    ).toBe(false);
  });
});
