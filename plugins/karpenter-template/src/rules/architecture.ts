import { Architecture } from '../constants';

/**
 * The CPU architecture of an EC2 instance family or type, from its name: a family is the category
 * letters, the generation digits and attribute letters (`c7gn`, `m6id`, `im4gn`); the attribute
 * `g` marks AWS Graviton (arm64), as does the first-generation `a1`. Everything else Karpenter
 * launches is x86_64 (amd64). Names that do not follow the scheme (`u-6tb1`, `mac2-m2`) are left
 * undecided.
 */
export function instanceArchitecture(
  familyOrType: string,
): Architecture | undefined {
  const family = familyOrType.split('.')[0];
  if (family === 'a1') {
    return 'arm64';
  }
  const match = /^([a-z]+)([0-9]+)([a-z]*)(-flex)?$/.exec(family);
  if (!match) {
    return undefined;
  }
  return match[3].includes('g') ? 'arm64' : 'amd64';
}
