import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from '@cdktn/hcl2json';

/** The module's folder in this repository. @public */
export function moduleDirectory(): string {
  return path.resolve(
    resolvePackagePath('@karpenter-backstage/terraform-checks'),
    '..',
    '..',
    'terraform-module',
    'karpenter',
  );
}

/** Every `.tf` / `.tftest.hcl` file under a folder, relative paths. @public */
export function terraformFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.tf') || entry.name.endsWith('.tftest.hcl'))
        out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** hcl2json's JSON of one HCL text. @public */
export type ParsedHcl = Record<string, any>;

/** Parses HCL text with hcl2json (the Terraform parser compiled to WASM). @public */
export async function parseHcl(
  fileName: string,
  text: string,
): Promise<ParsedHcl> {
  return parse(fileName, text);
}

/** Parses the root module's `.tf` files (not examples/tests) into one merged view. @public */
export async function loadModule(
  dir = moduleDirectory(),
  overrides: Record<string, string> = {},
): Promise<ParsedHcl> {
  const merged: ParsedHcl = {};
  for (const file of fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.tf'))
    .sort()) {
    const text =
      overrides[file] ?? fs.readFileSync(path.join(dir, file), 'utf8');
    const parsed = await parseHcl(file, text);
    for (const [block, value] of Object.entries(parsed)) {
      merged[block] = Array.isArray(value)
        ? [...(merged[block] ?? []), ...value]
        : { ...(merged[block] ?? {}), ...(value as object) };
    }
  }
  return merged;
}
