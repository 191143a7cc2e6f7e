import { checkCronSchedule } from './cron';
import {
  checkBudgetDuration,
  checkDuration,
  checkDurationOrNever,
} from './duration';
import {
  checkKarpenterLabelKey,
  checkLabelValue,
  checkTaintKey,
} from './labels';
import { checkPositiveQuantity } from './quantity';
import {
  checkAwsTagKey,
  checkAwsTagValue,
  checkInstanceTagKey,
  checkSelectorTagValue,
} from './awsTags';
import {
  checkAwsRegion,
  checkClusterName,
  checkDns1123Label,
  checkHelmChartVersion,
  checkModuleSource,
  checkS3BucketName,
  checkS3Key,
} from './names';
import {
  checkAmiAlias,
  checkInstanceFamily,
  checkInstanceType,
  checkVolumeSize,
} from './ec2';

/* eslint-disable jest/expect-expect */
const ok = (check: (v: any) => string | undefined, values: unknown[]) =>
  values.forEach(v => expect([v, check(v)]).toEqual([v, undefined]));
const bad = (check: (v: any) => string | undefined, values: unknown[]) =>
  values.forEach(v => expect([v, typeof check(v)]).toEqual([v, 'string']));

describe('template value rules', () => {
  it('checks EKS cluster names (pattern, 46 characters for the node role name)', () => {
    ok(checkClusterName, [
      'demo',
      'eks-cluster-dev',
      'A_b-1',
      'x',
      'a'.repeat(46),
    ]);
    bad(checkClusterName, ['', '-a', 'a-', 'a.b', 'a b', 'a'.repeat(47), 'é']);
  });

  it('checks AWS regions', () => {
    ok(checkAwsRegion, [
      'us-east-1',
      'eu-central-2',
      'us-gov-west-1',
      'ap-southeast-4',
      'cn-north-1',
      'us-iso-east-1',
      'eu-isoe-west-1',
      'eusc-de-east-1',
    ]);
    bad(checkAwsRegion, [
      'us-east',
      'US-EAST-1',
      'useast1',
      'us-east-1a',
      '',
      'eusc-east-1',
    ]);
  });

  it('checks DNS-1123 labels, chart versions, module sources and S3 names', () => {
    ok(checkDns1123Label(), ['general', 'a', 'gpu-1']);
    bad(checkDns1123Label(), [
      'General',
      '-a',
      'a_b',
      'a.b',
      '',
      'a'.repeat(64),
    ]);
    ok(checkHelmChartVersion, ['1.14.1', '1.0.0', '1.10.12']);
    bad(checkHelmChartVersion, [
      '0.37.0',
      '2.0.0',
      '1.14',
      'v1.14.1',
      '1.01.0',
    ]);
    ok(checkModuleSource, [
      'git::https://github.com/org/repo.git//terraform-module/karpenter?ref=v0.1.0',
      '../../modules/karpenter',
      'app.terraform.io/org/karpenter/aws',
    ]);
    bad(checkModuleSource, ['', 'a"b', 'x${y}', 'a b', 'a\nb', 'a\\b', 'é']);
    ok(checkS3BucketName, ['my-state', 'a.b.c']);
    bad(checkS3BucketName, ['ab', 'My-State', 'a..b', '192.168.1.1', '-ab']);
    ok(checkS3Key, ['karpenter/demo/terraform.tfstate', 'state']);
    bad(checkS3Key, ['/abs', 'a//b', 'a b', '', 'x/']);
  });

  it('applies Karpenter v1 restricted label domains and well-known labels', () => {
    ok(checkKarpenterLabelKey, [
      'team',
      'example.com/team',
      'karpenter.sh/capacity-type',
      'karpenter.k8s.aws/instance-family',
      'kubernetes.io/arch',
      'topology.kubernetes.io/zone',
      'node.kubernetes.io/instance-type',
      'node.kubernetes.io/custom',
      'kops.k8s.io/instancegroup',
      'node-restriction.kubernetes.io/team',
      'topology.k8s.aws/zone-id',
    ]);
    const restricted: Array<[string, string]> = [
      ['karpenter.sh/nodepool', 'label "karpenter.sh/nodepool" is restricted'],
      [
        'kubernetes.io/hostname',
        'label "kubernetes.io/hostname" is restricted',
      ],
      ['karpenter.sh/custom', 'label domain "karpenter.sh" is restricted'],
      [
        'karpenter.k8s.aws/custom',
        'label domain "karpenter.k8s.aws" is restricted',
      ],
      ['kubernetes.io/custom', 'label domain "kubernetes.io" is restricted'],
      ['sub.k8s.io/x', 'label domain "k8s.io" is restricted'],
    ];
    for (const [key, start] of restricted) {
      expect(checkKarpenterLabelKey(key)).toMatch(
        new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
      );
    }
    bad(checkKarpenterLabelKey, [
      '',
      '/x',
      'a/b/c',
      'Example.com/x',
      '-x',
      'x'.repeat(64),
      'a b',
    ]);
  });

  it('checks label values and taint keys', () => {
    ok(checkLabelValue, ['', 'batch', 'a.b_c-d', 'x'.repeat(63)]);
    bad(checkLabelValue, ['-a', 'a b', 'x'.repeat(64), 'a/b', 'a"b']);
    ok(checkTaintKey, ['workload', 'nvidia.com/gpu']);
    bad(checkTaintKey, ['', 'a b', 'a/b/c']);
  });

  it('checks positive quantities', () => {
    ok(checkPositiveQuantity, [
      1000,
      1,
      '1000',
      '500m',
      '1000Gi',
      '1.5',
      '1e3',
      '+2',
      '.5',
    ]);
    bad(checkPositiveQuantity, [
      0,
      -1,
      1.5,
      '0',
      '0Gi',
      '-1',
      '',
      'abc',
      '1GB',
      '0.0',
      '1e99',
      Number.NaN,
      Infinity,
    ]);
  });

  it('checks durations', () => {
    ok(checkDurationOrNever, ['720h', '1m', '30s', '1h30m', 'Never']);
    bad(checkDurationOrNever, [
      '',
      '1d',
      'never',
      '1.5h',
      '-1h',
      '9999999999h',
      '87600001h',
    ]);
    ok(checkDuration, ['48h', '10m']);
    bad(checkDuration, ['Never', '']);
    ok(checkBudgetDuration, ['8h', '30m', '1h30m']);
    bad(checkBudgetDuration, ['30s', '1h30m0s', '8h30s', 'Never', '', '1m1h']);
  });

  it('checks cron schedules like the budget schedule field', () => {
    ok(checkCronSchedule, [
      '0 9 * * mon-fri',
      '@daily',
      '*/15 * * * *',
      '0 0 1 jan,jul *',
      '0 22 * * 1-5',
      '5,10 0-6/2 ? * SUN',
      '0  9 * * *', // robfig/cron splits on any run of whitespace
      '*/61 * * * *', // robfig/cron allows a step longer than the field
      '? ? ? ? ?',
    ]);
    bad(checkCronSchedule, [
      '',
      '0 9 * *',
      '0 9 * * * *',
      '60 * * * *',
      '* 24 * * *',
      '* * 0 * *',
      '* * * 13 *',
      '* * * * 7',
      '5-1 * * * *',
      '@reboot',
      'TZ=UTC 0 9 * * *',
      '*/0 * * * *',
      '@dailyish', // the CRD's pattern admits it, robfig/cron does not
      '@every 1h',
      '0 9 L * *',
      '0 9 * * mon#2',
      '0 9 * * +mon',
      '0 9 * * monday',
    ]);
  });

  it('checks AWS tags (charset, length, reserved prefixes, NFC)', () => {
    ok(checkAwsTagKey, [
      'Team',
      'karpenter.sh/discovery',
      'Kosten stelle',
      'ünï',
      'a:b=c+d@e',
    ]);
    bad(checkAwsTagKey, [
      '',
      'aws:x',
      'AWS:x',
      'a"b',
      'a\nb',
      'a$b',
      'x'.repeat(129),
      'e\u0301',
    ]);
    ok(checkAwsTagValue, ['', 'v', 'ä', 'x'.repeat(256)]);
    bad(checkAwsTagValue, ['a{b', 'a\u2028b', 'x'.repeat(257), '\ud800']);
    bad(checkInstanceTagKey, [
      'kubernetes.io/cluster/demo',
      'karpenter.sh/nodepool',
      'eks:eks-cluster-name',
    ]);
    ok(checkSelectorTagValue, ['*', 'demo']);
    bad(checkSelectorTagValue, ['']);
  });

  it('checks EC2 names, AMI aliases and volume sizes', () => {
    ok(checkInstanceType, [
      'c5.xlarge',
      'm7i-flex.large',
      'u-6tb1.metal',
      'c6gn.16xlarge',
      'metal-24xl.x',
    ]);
    bad(checkInstanceType, ['c5', 'C5.xlarge', 'c5.', '.xlarge', 'c5 .xlarge']);
    ok(checkInstanceFamily, ['m5', 'c6i', 'm7i-flex']);
    bad(checkInstanceFamily, ['M5', '5m', 'm5.large']);
    ok(checkAmiAlias, [
      'al2023@latest',
      'al2023@v20240625',
      'bottlerocket@v1.10.0',
      'al2@latest',
    ]);
    bad(checkAmiAlias, [
      'al2023',
      'windows2022@latest',
      'al2023@20240625',
      'ubuntu@latest',
      'al2023@v1.',
    ]);
    ok(checkVolumeSize, ['20Gi', '16384Gi']);
    bad(checkVolumeSize, ['0Gi', '16385Gi', '20G', '20']);
  });
});
