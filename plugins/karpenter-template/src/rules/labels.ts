import { ValueCheck } from './check';
import { checkDns1123Subdomain } from './names';

/**
 * Label domains Karpenter v1 reserves (kubelet-prohibited or owned by Karpenter and its AWS
 * provider): a label or requirement key in one of them must be a well-known label.
 */
export const RESTRICTED_LABEL_DOMAINS = [
  'kubernetes.io',
  'k8s.io',
  'karpenter.sh',
  'karpenter.k8s.aws',
] as const;

/** Sub-domains of the restricted domains that may be used freely. */
export const LABEL_DOMAIN_EXCEPTIONS = [
  'kops.k8s.io',
  'node.kubernetes.io',
  'node-restriction.kubernetes.io',
] as const;

/**
 * The `karpenter.k8s.aws/*` labels the EC2NodeClass-aware NodePool CRD (v1.14) allows, as listed
 * in its `x-kubernetes-validations` rule for requirement keys.
 *
 * @public
 */
export const AWS_WELL_KNOWN_LABELS = [
  'karpenter.k8s.aws/instance-tenancy',
  'karpenter.k8s.aws/capacity-reservation-type',
  'karpenter.k8s.aws/capacity-reservation-id',
  'karpenter.k8s.aws/capacity-reservation-interruptible',
  'karpenter.k8s.aws/ec2nodeclass',
  'karpenter.k8s.aws/instance-encryption-in-transit-supported',
  'karpenter.k8s.aws/nitro-sandbox',
  'karpenter.k8s.aws/instance-category',
  'karpenter.k8s.aws/instance-hypervisor',
  'karpenter.k8s.aws/instance-family',
  'karpenter.k8s.aws/instance-generation',
  'karpenter.k8s.aws/instance-local-nvme',
  'karpenter.k8s.aws/instance-size',
  'karpenter.k8s.aws/instance-cpu',
  'karpenter.k8s.aws/instance-cpu-manufacturer',
  'karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz',
  'karpenter.k8s.aws/instance-memory',
  'karpenter.k8s.aws/instance-ebs-bandwidth',
  'karpenter.k8s.aws/instance-network-bandwidth',
  'karpenter.k8s.aws/instance-gpu-name',
  'karpenter.k8s.aws/instance-gpu-manufacturer',
  'karpenter.k8s.aws/instance-gpu-count',
  'karpenter.k8s.aws/instance-gpu-memory',
  'karpenter.k8s.aws/instance-accelerator-name',
  'karpenter.k8s.aws/instance-accelerator-manufacturer',
  'karpenter.k8s.aws/instance-accelerator-count',
  'karpenter.k8s.aws/instance-capability-flex',
  'karpenter.k8s.aws/placement-group-id',
  'karpenter.k8s.aws/placement-group-partition',
] as const;

/**
 * Labels inside the restricted domains that Karpenter knows and allows (core well-known labels,
 * the AWS provider's labels and `topology.k8s.aws/zone-id`).
 *
 * @public
 */
export const WELL_KNOWN_LABELS: readonly string[] = [
  'karpenter.sh/capacity-type',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'node.kubernetes.io/windows-build',
  'topology.k8s.aws/zone-id',
  ...AWS_WELL_KNOWN_LABELS,
];

/** Labels no NodePool may set or require (the CRD rejects them). */
export const RESTRICTED_LABELS = [
  'karpenter.sh/nodepool',
  'kubernetes.io/hostname',
] as const;

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kubernetes qualified name (`[prefix/]name`), as used by label and taint keys. */
export const checkQualifiedName: ValueCheck<string> = key => {
  if (key.length > 316) {
    return 'must be at most 316 characters';
  }
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (checkDns1123Subdomain()(prefix)) {
      return 'must be a qualified name: the prefix before "/" must be a lowercase DNS subdomain';
    }
  }
  if (name.length === 0 || name.length > 63 || !NAME_PART.test(name)) {
    return 'must be a qualified name: an optional DNS subdomain prefix and "/", then 1 to 63 letters, digits, "-", "_" or "." starting and ending with a letter or digit';
  }
  return undefined;
};

/** Kubernetes label value (also used for requirement values). */
export const checkLabelValue: ValueCheck<string> = value =>
  value.length <= 63 && LABEL_VALUE.test(value)
    ? undefined
    : 'must be a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';

function labelDomain(key: string): string {
  const slash = key.indexOf('/');
  return slash >= 0 ? key.slice(0, slash) : '';
}

/**
 * A NodePool label key or requirement key: qualified-name syntax plus Karpenter v1's restricted
 * label rules (well-known labels allowed, other keys in restricted domains refused).
 */
export const checkKarpenterLabelKey: ValueCheck<string> = key => {
  const syntax = checkQualifiedName(key);
  if (syntax) {
    return syntax;
  }
  if ((RESTRICTED_LABELS as readonly string[]).includes(key)) {
    return `label "${key}" is restricted`;
  }
  if (WELL_KNOWN_LABELS.includes(key)) {
    return undefined;
  }
  const domain = labelDomain(key);
  if (LABEL_DOMAIN_EXCEPTIONS.some(exception => domain.endsWith(exception))) {
    return undefined;
  }
  const restricted = RESTRICTED_LABEL_DOMAINS.find(d => domain.endsWith(d));
  if (restricted) {
    return `label domain "${restricted}" is restricted; use a well-known label (e.g. karpenter.k8s.aws/instance-family) or a custom domain`;
  }
  return undefined;
};

/** A taint key (a qualified name, like the CRD's pattern). */
export const checkTaintKey: ValueCheck<string> = checkQualifiedName;

/** A taint value: the CRD's pattern, and at most 63 characters like a label value. */
export const checkTaintValue: ValueCheck<string> = value =>
  value === '' ? undefined : checkLabelValue(value);
