import { parse as parseHcl } from '@cdktn/hcl2json';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';

/** Reads a rendered Terraform root back: HCL JSON of main.tf plus the module block. */
export async function readTerraform(dir: string) {
  const main = await parseHcl(
    'main.tf',
    await fs.readFile(path.join(dir, 'terraform/main.tf'), 'utf8'),
  );
  return { main, module: main.module.karpenter[0] as Record<string, any> };
}

/** Reads a rendered manifest and validates it against the Karpenter v1 CRDs. */
export async function readManifest(dir: string, file: string) {
  const object = parseYaml(
    await fs.readFile(path.join(dir, 'manifests', file), 'utf8'),
  );
  return { object, validation: validateKarpenterObject(object) };
}
