import { Config } from '@backstage/config';
import { RenderOptions } from './render';
import { checkDefaultModuleSource } from './render/options';

/** Reads `karpenter.scaffolder.defaultModuleSource`; a bad value stops the backend at startup. */
export function readRenderOptions(config: Config): RenderOptions {
  const key = 'karpenter.scaffolder.defaultModuleSource';
  const value = config.getOptionalString(key);
  return value === undefined
    ? {}
    : { defaultModuleSource: checkDefaultModuleSource(value, key) };
}
