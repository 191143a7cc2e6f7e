/** A small EC2 instance-type catalogue (vCPU, memory GiB, architecture, category/family/generation). */
/** Max pods like the VPC CNI's defaults for these sizes. */
function podsFor(cpu: number): number {
  if (cpu <= 2) return 29;
  if (cpu <= 8) return 58;
  return 110;
}

export interface InstanceType {
  name: string;
  cpu: number;
  memoryGi: number;
  arch: 'amd64' | 'arm64';
  category: string;
  family: string;
  generation: number;
  pods: number;
  gpu?: number;
}

const t = (
  name: string,
  cpu: number,
  memoryGi: number,
  arch: 'amd64' | 'arm64' = 'amd64',
  gpu?: number,
): InstanceType => {
  const [family] = name.split('.');
  const generation = Number(family.match(/\d+/)?.[0] ?? 5);
  return {
    name,
    cpu,
    memoryGi,
    arch,
    category: family[0],
    family,
    generation,
    pods: podsFor(cpu),
    gpu,
  };
};

export const INSTANCE_TYPES: InstanceType[] = [
  t('m5.large', 2, 8),
  t('m5.xlarge', 4, 16),
  t('m5.2xlarge', 8, 32),
  t('m6i.xlarge', 4, 16),
  t('m6i.2xlarge', 8, 32),
  t('m7i.xlarge', 4, 16),
  t('c5.xlarge', 4, 8),
  t('c5.2xlarge', 8, 16),
  t('c6i.4xlarge', 16, 32),
  t('r5.xlarge', 4, 32),
  t('r6i.2xlarge', 8, 64),
  t('m6g.xlarge', 4, 16, 'arm64'),
  t('c6g.2xlarge', 8, 16, 'arm64'),
  t('m7g.2xlarge', 8, 32, 'arm64'),
  t('g5.xlarge', 4, 16, 'amd64', 1),
];

export function instanceType(name: string): InstanceType {
  const found = INSTANCE_TYPES.find(i => i.name === name);
  if (!found)
    throw new Error(
      `unknown instance type ${name} (known: ${INSTANCE_TYPES.map(
        i => i.name,
      ).join(', ')})`,
    );
  return found;
}
