import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';
import { Scenario } from './types';

/** The folder with the shipped scenarios. */
export function scenarioDirectory(): string {
  return resolvePackagePath(
    '@karpenter-backstage/karpenter-simulator',
    'scenarios',
  );
}

/** The names of the shipped scenarios. @public */
export function shippedScenarios(): string[] {
  return fs
    .readdirSync(scenarioDirectory())
    .filter(f => f.endsWith('.yaml'))
    .map(f => f.replace(/\.yaml$/, ''))
    .sort();
}

/** A shipped scenario by name, a YAML file path, or an object. @public */
export function loadScenario(input: string | Scenario): Scenario {
  if (typeof input !== 'string') return input;
  const file =
    input.endsWith('.yaml') || input.includes('/')
      ? input
      : path.join(scenarioDirectory(), `${input}.yaml`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Unknown scenario '${input}' (shipped: ${shippedScenarios().join(', ')})`,
    );
  }
  const scenario = parse(fs.readFileSync(file, 'utf8')) as Scenario;
  if (!scenario?.clusters?.length)
    throw new Error(`Scenario ${file} has no clusters`);
  return scenario;
}
