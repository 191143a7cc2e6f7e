import { ConfigReader } from '@backstage/config';
import { readOwners } from './readOwners';

describe('readOwners', () => {
  const read = (owner: unknown) =>
    readOwners(new ConfigReader(owner === undefined ? {} : { owner }), 0);

  it('normalises one ref or a list, defaulting to group:default', () => {
    expect(read(undefined)).toBeUndefined();
    expect(read('team-a')).toEqual(['group:default/team-a']);
    expect(read(['user:alice', 'group:ops/sre'])).toEqual([
      'user:default/alice',
      'group:ops/sre',
    ]);
  });

  it('refuses what is not an entity ref', () => {
    expect(() => read('')).toThrow(/owner must be an entity ref/);
    expect(() => read([3])).toThrow(/owner must be an entity ref/);
    expect(() => read('group:default/')).toThrow(/is not an entity ref/);
  });
});
