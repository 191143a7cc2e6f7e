import { instanceArchitecture } from './architecture';

describe('instanceArchitecture', () => {
  it.each([
    ['c7g.large', 'arm64'],
    ['m6gd', 'arm64'],
    ['im4gn.xlarge', 'arm64'],
    ['is4gen.medium', 'arm64'],
    ['g5g.xlarge', 'arm64'],
    ['a1.large', 'arm64'],
    ['c5.xlarge', 'amd64'],
    ['g4dn.xlarge', 'amd64'],
    ['m7i-flex.large', 'amd64'],
    ['c6in', 'amd64'],
    ['u-6tb1.metal', undefined],
  ])('%s is %s', (name, arch) => {
    expect(instanceArchitecture(name)).toBe(arch);
  });
});
