import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * `karpenter.clusters[].owner`: one entity ref or a list, normalised (`team-a` becomes
 * `group:default/team-a`), or undefined when not set.
 *
 * @internal
 */
export function readOwners(c: Config, index: number): string[] | undefined {
  if (!c.has('owner')) return undefined;
  const value = c.get('owner');
  const refs = Array.isArray(value) ? value : [value];
  return refs.map(ref => {
    if (typeof ref !== 'string' || !ref.trim())
      throw new InputError(
        `karpenter.clusters[${index}].owner must be an entity ref or a list of entity refs`,
      );
    try {
      return stringifyEntityRef(
        parseEntityRef(ref.trim(), {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (e) {
      throw new InputError(
        `karpenter.clusters[${index}].owner: '${ref}' is not an entity ref`,
      );
    }
  });
}
