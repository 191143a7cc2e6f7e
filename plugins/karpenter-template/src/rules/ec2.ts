import { ValueCheck } from './check';

/** AMI families the template supports (Linux; the NodePools require `kubernetes.io/os: linux`). @public */
export const AMI_FAMILIES = ['al2023', 'al2', 'bottlerocket'] as const;

/** Pattern of an EC2NodeClass AMI alias: `<family>@latest` or `<family>@v<version>`. @public */
export const AMI_ALIAS_PATTERN = `^(${AMI_FAMILIES.join(
  '|',
)})@(latest|v[0-9]+(\\.[0-9]+)*)$`;

export const checkAmiAlias: ValueCheck<string> = value =>
  value.length <= 30 && new RegExp(AMI_ALIAS_PATTERN).test(value)
    ? undefined
    : `must be an AMI alias "<family>@<version>" with family ${AMI_FAMILIES.join(
        ', ',
      )} and version "latest" or a pinned release such as v20240625 (bottlerocket: v1.10.0)`;

export const checkInstanceCategory: ValueCheck<string> = value =>
  /^[a-z]{1,8}$/.test(value)
    ? undefined
    : 'must be an instance category such as c, m or r (lowercase letters)';

export const checkInstanceFamily: ValueCheck<string> = value =>
  /^[a-z][a-z0-9]{0,15}(-[a-z0-9]{1,16})?$/.test(value)
    ? undefined
    : 'must be an instance family such as m5, c6i or m7i-flex';

export const checkInstanceType: ValueCheck<string> = value =>
  /^[a-z][a-z0-9]{0,15}(-[a-z0-9]{1,16})?\.[a-z0-9]{1,16}(-[a-z0-9]{1,16})?$/.test(
    value,
  )
    ? undefined
    : 'must be an EC2 instance type such as c5.xlarge or m7i-flex.large';

/** Root volume size in GiB for gp3 (1 to 16384). */
export const checkVolumeSize: ValueCheck<string> = value => {
  const match = /^([1-9][0-9]{0,4})Gi$/.exec(value);
  return match && Number(match[1]) <= 16384
    ? undefined
    : 'must be a size in Gi from 1Gi to 16384Gi, such as 50Gi';
};

/** An On-Demand Capacity Reservation id. */
export const checkCapacityReservationId: ValueCheck<string> = value =>
  /^cr-[0-9a-z]{1,32}$/.test(value)
    ? undefined
    : 'must be a capacity reservation id such as cr-0123456789abcdef0';
