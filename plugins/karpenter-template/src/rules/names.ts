import { DNS1123_LABEL_PATTERN } from '@karpenter-backstage/plugin-karpenter-common';
import { ValueCheck } from './check';

/**
 * Checks for names and identifiers of the template input. Every checker returns an error message
 * (without the field name) or `undefined` when the value is valid.
 */

const DNS1123_LABEL = new RegExp(DNS1123_LABEL_PATTERN);

/**
 * Longest EKS cluster name the template accepts: the module names the node role
 * `KarpenterNodeRole-<cluster>` and IAM role names are at most 64 characters.
 *
 * @public
 */
export const MAX_CLUSTER_NAME_LENGTH = 46;

/** Pattern of an EKS cluster name, as the form uses it (length is checked separately). @public */
export const CLUSTER_NAME_PATTERN = '^[0-9A-Za-z]([A-Za-z0-9_-]*[A-Za-z0-9])?$';

/**
 * Pattern of an AWS region of any partition: `us-east-1`, `cn-north-1`, `us-gov-west-1`,
 * `us-iso-east-1` / `us-isob-east-1` / `eu-isoe-west-1` / `us-isof-south-1`, `eusc-de-east-1`.
 * The same regex as the Terraform module's `aws_region` validation (a test compares them).
 *
 * @public
 */
export const AWS_REGION_PATTERN =
  '^([a-z]{2}(-gov|-iso[a-z]?)?|eusc-[a-z]{2})-[a-z]+-[0-9]+$';

/** Pattern of a Karpenter Helm chart version accepted by the module (any 1.x.y). @public */
export const HELM_CHART_VERSION_PATTERN =
  '^1\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$';

/** Characters a Terraform module `source` may use (URL characters without `$`, `{`, `"`, `\`). */
const MODULE_SOURCE = /^[A-Za-z0-9._~:/?#@!&'()*+,;=%-]+$/;

export const checkDns1123Label =
  (maxLength = 63): ValueCheck<string> =>
  value => {
    if (value.length === 0) {
      return 'must not be empty';
    }
    if (value.length > maxLength) {
      return `must be at most ${maxLength} characters`;
    }
    if (!DNS1123_LABEL.test(value)) {
      return 'must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
    }
    return undefined;
  };

export const checkDns1123Subdomain =
  (maxLength = 253): ValueCheck<string> =>
  value => {
    if (value.length === 0) {
      return 'must not be empty';
    }
    if (value.length > maxLength) {
      return `must be at most ${maxLength} characters`;
    }
    if (!value.split('.').every(part => DNS1123_LABEL.test(part))) {
      return 'must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", each part starting and ending with a letter or digit';
    }
    return undefined;
  };

export const checkClusterName: ValueCheck<string> = value => {
  if (value.length === 0) {
    return 'must not be empty';
  }
  if (value.length > MAX_CLUSTER_NAME_LENGTH) {
    return `must be at most ${MAX_CLUSTER_NAME_LENGTH} characters (the node role name KarpenterNodeRole-<cluster> must fit in 64)`;
  }
  if (!new RegExp(CLUSTER_NAME_PATTERN).test(value)) {
    return 'must be an EKS cluster name: letters, digits, "-" and "_", starting and ending with a letter or digit';
  }
  return undefined;
};

export const checkAwsRegion: ValueCheck<string> = value =>
  new RegExp(AWS_REGION_PATTERN).test(value)
    ? undefined
    : 'must be an AWS region such as us-east-1 or eu-central-2';

export const checkHelmChartVersion: ValueCheck<string> = value =>
  new RegExp(HELM_CHART_VERSION_PATTERN).test(value)
    ? undefined
    : 'must be a Karpenter 1.x.y chart version such as 1.14.1';

export const checkModuleSource: ValueCheck<string> = value => {
  if (value.length === 0 || value.length > 512) {
    return 'must be 1 to 512 characters';
  }
  if (!MODULE_SOURCE.test(value)) {
    return 'must be a Terraform module source (a git URL with ?ref=, a registry address or a relative path) using URL characters only';
  }
  return undefined;
};

export const checkS3BucketName: ValueCheck<string> = value =>
  /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) &&
  !value.includes('..') &&
  !/^\d+\.\d+\.\d+\.\d+$/.test(value)
    ? undefined
    : 'must be an S3 bucket name: 3 to 63 lowercase letters, digits, "." and "-"';

export const checkS3Key: ValueCheck<string> = value =>
  value.length > 0 &&
  value.length <= 1024 &&
  /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(value)
    ? undefined
    : 'must be an S3 object key: letters, digits and !_.*\'()- in "/"-separated parts';

export const checkDynamoDbTableName: ValueCheck<string> = value =>
  /^[A-Za-z0-9_.-]{3,255}$/.test(value)
    ? undefined
    : 'must be a DynamoDB table name: 3 to 255 letters, digits, "_", "." and "-"';

export const checkIntegerInRange =
  (min: number, max: number, what = 'an integer'): ValueCheck<number> =>
  value =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be ${what} from ${min} to ${max}`;
