import { ValueCheck } from './check';

/**
 * Characters AWS allows in tag keys and values: letters, digits, space separators and
 * `_ . : / = + - @`. Line and paragraph separators are excluded so every value stays one line.
 */
const TAG_CHARS = /^[\p{L}\p{Zs}\p{N}_.:/=+\-@]*$/u;

function checkNormalized(value: string): string | undefined {
  return value.normalize('NFC') === value
    ? undefined
    : 'must be in Unicode normalization form C (NFC)';
}

/** A tag key to select resources by (AWS-created `aws:` keys included). */
export const checkSelectorTagKey: ValueCheck<string> = key => {
  if (key.length === 0 || [...key].length > 128) {
    return 'tag keys must be 1 to 128 characters';
  }
  if (!TAG_CHARS.test(key)) {
    return 'tag keys may contain letters, digits, spaces and _ . : / = + - @ only';
  }
  return checkNormalized(key);
};

/** An AWS tag key to set on resources. */
export const checkAwsTagKey: ValueCheck<string> = key =>
  key.toLowerCase().startsWith('aws:')
    ? 'tag keys must not start with "aws:" (reserved by AWS)'
    : checkSelectorTagKey(key);

/** An AWS tag value. */
export const checkAwsTagValue: ValueCheck<string> = value => {
  if ([...value].length > 256) {
    return 'tag values must be at most 256 characters';
  }
  if (!TAG_CHARS.test(value)) {
    return 'tag values may contain letters, digits, spaces and _ . : / = + - @ only';
  }
  return checkNormalized(value);
};

/** Tag keys the EC2NodeClass CRD refuses in `spec.tags` (set by EKS or Karpenter itself). */
export const checkInstanceTagKey: ValueCheck<string> = key => {
  const base = checkAwsTagKey(key);
  if (base) {
    return base;
  }
  if (
    key === 'eks:eks-cluster-name' ||
    key.startsWith('kubernetes.io/cluster') ||
    key === 'karpenter.sh/nodepool' ||
    key === 'karpenter.sh/nodeclaim' ||
    key === 'karpenter.k8s.aws/ec2nodeclass'
  ) {
    return `tag "${key}" is set by EKS or Karpenter and must not be overridden`;
  }
  return undefined;
};

/** A selector-term tag value: a non-empty tag value, or `*` for any value. */
export const checkSelectorTagValue: ValueCheck<string> = value => {
  if (value === '*') {
    return undefined;
  }
  if (value.length === 0) {
    return 'must not be empty (use "*" to match any value)';
  }
  return checkAwsTagValue(value);
};
