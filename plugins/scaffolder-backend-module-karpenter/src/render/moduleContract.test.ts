import fs from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktn/hcl2json';
import { validateKarpenterClusterInput } from '@karpenter-backstage/karpenter-template';
import { versionsTf } from './terraform';
import { TERRAFORM_REQUIREMENTS } from './terraformVersions';

/**
 * The generated Terraform root instantiates terraform-module/karpenter: every value the input
 * model accepts must pass the module's variable validations, and the generated versions.tf must
 * require what the module requires. These tests read the module's own files, so the two cannot
 * drift apart unnoticed.
 */

const MODULE_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'terraform-module',
  'karpenter',
);

async function moduleFile(file: string): Promise<Record<string, any>> {
  return parseHcl(file, fs.readFileSync(path.join(MODULE_DIR, file), 'utf8'));
}

type Check = (value: string) => boolean;

/**
 * Evaluates a variable's `validation` conditions for a string value. Understands the forms the
 * module uses — `can(regex("<RE2>", var.x))` and `length(var.x) <op> n`, joined by `&&` — and
 * throws on anything else, so a new kind of condition cannot be skipped silently.
 */
function moduleValidation(variables: Record<string, any>, name: string): Check {
  const variable = variables[name]?.[0];
  if (!variable?.validation?.length) {
    throw new Error(`variable ${name} has no validation`);
  }
  const conditions: Check[][] = variable.validation.map((v: any) => {
    const body = String(v.condition).match(/^\$\{([\s\S]*)\}$/)?.[1];
    if (!body)
      throw new Error(`unsupported condition of ${name}: ${v.condition}`);
    return body.split('&&').map((term): Check => {
      const t = term.trim();
      const regex = t.match(
        new RegExp(
          `^can\\(regex\\("((?:[^"\\\\]|\\\\.)*)", var\\.${name}\\)\\)$`,
        ),
      );
      if (regex) {
        // HCL string escapes are JSON's for these patterns; RE2 and JS agree on the syntax used
        const re = new RegExp(JSON.parse(`"${regex[1]}"`));
        return value => re.test(value);
      }
      const length = t.match(
        new RegExp(`^length\\(var\\.${name}\\) (<=|>=|<|>|==) (\\d+)$`),
      );
      if (length) {
        const n = Number(length[2]);
        const op = length[1];
        return value =>
          ({
            '<=': value.length <= n,
            '>=': value.length >= n,
            '<': value.length < n,
            '>': value.length > n,
            '==': value.length === n,
          }[op]!);
      }
      throw new Error(`unsupported condition of ${name}: ${t}`);
    });
  });
  return value => conditions.every(terms => terms.every(check => check(value)));
}

/** Whether the input model accepts `value` for `field` (other fields valid). */
function modelAccepts(field: string, value: string): boolean {
  const result = validateKarpenterClusterInput({
    clusterName: 'demo',
    awsRegion: 'us-east-1',
    [field]: value,
  });
  if (!result.ok) {
    expect(result.errors.map(e => e.field)).toEqual(
      result.errors.map(() => field),
    );
  }
  return result.ok;
}

interface FieldContract {
  variable: string;
  values: string[];
  /**
   * Values the model rejects although the module accepts them, on purpose (the model feeds more
   * than the module: catalog entity names, tags and label values). The other way round — the model
   * accepting what the module rejects — is never allowed: `terraform plan` would fail.
   */
  stricterModel?: string[];
}

const CONTRACT: Record<string, FieldContract> = {
  clusterName: {
    variable: 'eks_cluster_name',
    values: [
      'demo',
      'eks-cluster-dev',
      'A_b-1',
      'x',
      '1abc',
      'a'.repeat(46),
      '',
      '-a',
      '_a',
      'a b',
      'a.b',
      'a'.repeat(47),
      'é',
      'a-',
      'a_',
    ],
    // the model also names the catalog entity and label values: they end with a letter or digit
    stricterModel: ['a-', 'a_'],
  },
  awsRegion: {
    variable: 'aws_region',
    values: [
      'us-east-1',
      'eu-west-1',
      'eu-central-2',
      'ap-southeast-2',
      'us-east-10',
      'cn-north-1',
      'cn-northwest-1',
      'us-gov-west-1',
      'us-iso-east-1',
      'us-isob-east-1',
      'eu-isoe-west-1',
      'us-isof-south-1',
      'eusc-de-east-1',
      '',
      'Europe',
      'eu-west',
      'EU-WEST-1',
      'useast1',
      'us-east-1a',
      'eusc-east-1',
      'mars-1',
      ' us-east-1',
      'us-east-1\n',
    ],
  },
  environment: {
    variable: 'environment',
    values: [
      'dev',
      'prod',
      'a',
      'a'.repeat(32),
      '',
      'a'.repeat(33),
      'a b',
      'a.b',
      'Dev',
      'dev_1',
      '-dev',
    ],
    // the model also uses it as a catalog tag (lowercase, "-"-separated)
    stricterModel: ['Dev', 'dev_1', '-dev'],
  },
  namespace: {
    variable: 'namespace',
    values: [
      'karpenter',
      'kube-system',
      'a1',
      'a'.repeat(63),
      '',
      'Karpenter',
      '-a',
      'a-',
      'a_b',
      'a.b',
      'a'.repeat(64),
    ],
  },
  serviceAccountName: {
    variable: 'service_account_name',
    values: [
      'karpenter',
      'karpenter-controller',
      'a',
      'a'.repeat(63),
      '',
      'Karpenter',
      'karpenter.controller',
      'a.b.c',
      '-a',
      'a-',
      'a_b',
      'a'.repeat(64),
      'b'.repeat(253),
    ],
  },
  helmChartVersion: {
    variable: 'helm_chart_version',
    values: [
      '1.14.1',
      '1.0.0',
      '1.10.12',
      '2.0.0',
      '0.37.0',
      'v1.14.1',
      '1.14',
      'latest',
      '1.14.1-rc.1',
      '1.01.0',
    ],
    // the model refuses leading zeros, which no release has
    stricterModel: ['1.01.0'],
  },
};

describe('the input model and terraform-module/karpenter validate alike', () => {
  let variables: Record<string, any>;
  beforeAll(async () => {
    variables = (await moduleFile('variables.tf')).variable;
  });

  it.each(Object.entries(CONTRACT))(
    '%s agrees with the module variable on a table of good and bad values',
    (field, contract) => {
      const moduleAccepts = moduleValidation(variables, contract.variable);
      const disagreements = contract.values
        .map(value => ({
          value,
          model: modelAccepts(field, value),
          module: moduleAccepts(value),
        }))
        .filter(r => r.model !== r.module);
      expect(disagreements).toEqual(
        (contract.stricterModel ?? []).map(value => ({
          value,
          model: false,
          module: true,
        })),
      );
      // the table has both accepted and rejected values
      expect(contract.values.some(v => moduleAccepts(v))).toBe(true);
      expect(contract.values.some(v => !moduleAccepts(v))).toBe(true);
    },
  );

  it('covers every validated module input the generated root passes from the model', () => {
    const validated = Object.entries(variables)
      .filter(([, v]) => v[0].validation?.length)
      .map(([name]) => name);
    const covered = Object.values(CONTRACT).map(c => c.variable);
    // eks_cluster_endpoint comes from the aws_eks_cluster data source, controller_replicas is
    // not passed by the generated root
    expect(validated.sort()).toEqual(
      [...covered, 'eks_cluster_endpoint', 'controller_replicas'].sort(),
    );
  });

  it('the condition evaluator refuses conditions it does not understand', () => {
    expect(() =>
      moduleValidation(
        {
          x: [
            {
              validation: [
                { condition: '${contains(["a"], var.x)}', error_message: '' },
              ],
            },
          ],
        },
        'x',
      ),
    ).toThrow(/unsupported condition/);
  });
});

describe("the generated versions.tf follows the module's versions.tf", () => {
  it('requires the same providers, no aliased provider, and Terraform >= 1.10 only with use_lockfile', async () => {
    const module = (await moduleFile('versions.tf')).terraform[0];
    const withoutLockfile = (await parseHcl('versions.tf', versionsTf({})))
      .terraform[0];
    expect(withoutLockfile.required_version).toBe(module.required_version);
    const withLockfile = (
      await parseHcl(
        'versions.tf',
        versionsTf({
          backend: {
            bucket: 'b',
            key: 'k',
            region: 'us-east-1',
            useLockfile: true,
            encrypt: true,
          },
        }),
      )
    ).terraform[0];
    expect(withLockfile.required_version).toBe('>= 1.10.0');
    for (const generated of [withoutLockfile, withLockfile]) {
      const moduleProviders = module.required_providers[0];
      const generatedProviders = generated.required_providers[0];
      expect(Object.keys(generatedProviders).sort()).toEqual(
        Object.keys(moduleProviders).sort(),
      );
      for (const [name, provider] of Object.entries<any>(moduleProviders)) {
        expect([name, generatedProviders[name]]).toEqual([
          name,
          { source: provider.source, version: provider.version },
        ]);
      }
      expect(moduleProviders.aws.configuration_aliases).toBeUndefined();
    }
    expect(TERRAFORM_REQUIREMENTS.providers.aws.version).toBe('>= 6.28, < 7.0');
  });
});
