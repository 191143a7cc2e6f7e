import { formatQuantity, requestsString } from './resources';
import type { SimPod } from '../k8s/types';

const pod = (...requests: Array<Record<string, string>>): SimPod => ({
  metadata: { name: 'p', namespace: 'default' },
  spec: {
    containers: requests.map((r, i) => ({
      name: `c${i}`,
      resources: { requests: r },
    })),
  },
  status: {},
});

describe('quantities as Karpenter prints them', () => {
  it('canonicalizes like Quantity.String (k8s.io/apimachinery quantity.go CanonicalizeBytes)', () => {
    expect(formatQuantity(0.5, 'DecimalSI')).toBe('500m');
    expect(formatQuantity(1.5, 'DecimalSI')).toBe('1500m');
    expect(formatQuantity(2000, 'DecimalSI')).toBe('2k');
    expect(formatQuantity(500, 'DecimalSI')).toBe('500');
    expect(formatQuantity(512 * 1024 ** 2, 'BinarySI')).toBe('512Mi');
    expect(formatQuantity(1536 * 1024 ** 2, 'BinarySI')).toBe('1536Mi');
    expect(formatQuantity(1000, 'BinarySI')).toBe('1k');
    expect(formatQuantity(1, 'DecimalExponent')).toBe('1');
  });

  it('prints a pod’s requests as resources.String(RequestsForPods(pod)): sorted JSON, pods added', () => {
    expect(requestsString(pod({ memory: '1Gi', cpu: '0.5' }))).toBe(
      '{"cpu":"500m","memory":"1Gi","pods":"1"}',
    );
    expect(
      requestsString(pod({ cpu: '500m' }, { cpu: '1500m', memory: '1Gi' })),
    ).toBe('{"cpu":"2","memory":"1Gi","pods":"1"}');
    expect(requestsString(pod())).toBe('{"pods":"1"}');
  });
});
