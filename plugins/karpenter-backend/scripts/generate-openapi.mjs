#!/usr/bin/env node
/*
 * Generates everything that is derived from the one description of the HTTP API,
 * plugins/karpenter-backend/src/schema/openapi.yaml with its schemas in src/schema/schemas/*.yaml
 * (merged into `components.schemas`, in the order of SCHEMA_FILES):
 *
 * - plugins/karpenter-backend/src/schema/openapi/generated/router.ts: the spec as a TypeScript
 *   `as const` object and `createOpenApiRouter` (what `@backstage/repo-tools` would generate;
 *   repo-tools needs Java, so this small script stands in for it);
 * - plugins/karpenter-common/src/schema/openapi.generated.ts: the TypeScript types of paths,
 *   operations and schemas (openapi-typescript), used by the typed router and the frontend client;
 * - docs/api.md: the API reference.
 *
 * Usage (from the repository root or anywhere):
 *   node plugins/karpenter-backend/scripts/generate-openapi.mjs          # write the files
 *   node plugins/karpenter-backend/scripts/generate-openapi.mjs --check  # exit 1 if out of date
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';

const require = createRequire(import.meta.url);
const prettier = require('prettier');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const SPEC = path.join(
  root,
  'plugins/karpenter-backend/src/schema/openapi.yaml',
);
const ROUTER = path.join(
  root,
  'plugins/karpenter-backend/src/schema/openapi/generated/router.ts',
);
const TYPES = path.join(
  root,
  'plugins/karpenter-common/src/schema/openapi.generated.ts',
);
const DOCS = path.join(root, 'docs/api.md');
const SCHEMA_FILES = [
  'common.yaml',
  'cost.yaml',
  'nodes.yaml',
  'interruptions.yaml',
  'pendingPods.yaml',
  'summary.yaml',
  'values.yaml',
];
const BASE = '/api/karpenter';

const HEADER = `// This file is generated from plugins/karpenter-backend/src/schema/openapi.yaml (+ schemas/) by
// plugins/karpenter-backend/scripts/generate-openapi.mjs. Do not edit it by hand; edit the
// YAML and run \`node plugins/karpenter-backend/scripts/generate-openapi.mjs\`.
`;

function format(text, file, parser) {
  const config = prettier.resolveConfig.sync(file) ?? {};
  return prettier.format(text, { ...config, parser });
}

function routerModule(spec, file) {
  const text = `${HEADER}
/* eslint-disable */
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { EndpointMap } from '../endpoints';

/** The OpenAPI spec of the Karpenter backend. @internal */
export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** A router validating requests against {@link spec}, typed by {@link EndpointMap}. @internal */
export const createOpenApiRouter = async (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >['1'],
) => createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, options);
`;
  return format(text, file, 'typescript');
}

/** openapi.yaml with the schemas of schemas/*.yaml as its components.schemas. */
function loadSpec() {
  const spec = YAML.parse(fs.readFileSync(SPEC, 'utf8'));
  const schemas = {};
  const dir = path.join(path.dirname(SPEC), 'schemas');
  const present = fs.readdirSync(dir).filter(f => f.endsWith('.yaml'));
  const unlisted = present.filter(f => !SCHEMA_FILES.includes(f));
  if (unlisted.length) {
    throw new Error(`List ${unlisted.join(', ')} in SCHEMA_FILES`);
  }
  for (const file of SCHEMA_FILES) {
    const part = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const [name, schema] of Object.entries(part)) {
      if (name in schemas) throw new Error(`Schema ${name} is defined twice`);
      schemas[name] = schema;
    }
  }
  spec.components = { ...spec.components, schemas };
  return spec;
}

/**
 * Makes openapi-typescript's doc comments valid TSDoc (the API reports reject undefined tags):
 * `@description` becomes plain text, and the `@enum {type}` lines go (the union type says it).
 */
function tsdocSafe(ts) {
  return ts
    .replace(/^(\s*\*) @description /gm, '$1 ')
    .replace(/^\s*\* @enum \{[^}]*\}\n/gm, '')
    .replace(/\/\*\* @enum \{[^}]*\} \*\/\n/g, '')
    .replace(/\/\*\* @description (.*) \*\//g, '/** $1 */');
}

/**
 * The release tag of the public API (what the API reports check) on the three declarations
 * karpenter-common exports as `KarpenterApiPaths`, `KarpenterApiOperations` and
 * `KarpenterApiComponents`.
 */
function releaseTagged(ts) {
  return tsdocSafe(ts).replace(
    /^export interface (paths|components|operations) \{/gm,
    (line, name) =>
      `/** The ${name} of the Karpenter HTTP API, from its OpenAPI spec. @public */\n${line}`,
  );
}

async function typesModule(spec, file) {
  const ast = await openapiTS(structuredClone(spec), {
    silent: true,
    alphabetize: false,
  });
  const text = `${HEADER}
/* eslint-disable */
${releaseTagged(astToString(ast))}`;
  return format(text, file, 'typescript');
}

// ---------------------------------------------------------------------------------------------
// Markdown reference
// ---------------------------------------------------------------------------------------------

function resolve(spec, ref) {
  const parts = ref.replace(/^#\//, '').split('/');
  return parts.reduce((node, p) => node[p], spec);
}

const refName = ref => ref.split('/').pop();
const anchor = name => name.toLowerCase();
const cell = text =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = text => `\`${String(text).replace(/`/g, "'")}\``;

function typeOf(schema) {
  if (!schema) return 'any';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return `[${name}](#${anchor(name)})`;
  }
  if (schema.enum)
    return `${schema.type ?? 'string'}: ${schema.enum
      .map(v => code(v))
      .join(', ')}`;
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  if (schema.type === 'object' && !schema.properties) {
    if (schema.additionalProperties && schema.additionalProperties !== true) {
      const inner = typeOf(schema.additionalProperties);
      return inner === 'any' ? 'object' : `map of ${inner}`;
    }
    return 'object';
  }
  if (schema.type === 'object') return 'object (see below)';
  return schema.format ? `${schema.type} (${schema.format})` : schema.type;
}

function constraints(spec, schema) {
  const s = schema?.$ref ? resolve(spec, schema.$ref) : schema ?? {};
  const out = [];
  if (s.enum) out.push(`one of ${s.enum.map(v => code(v)).join(', ')}`);
  if (s.pattern) out.push(`pattern ${code(s.pattern)}`);
  if (s.format) out.push(`format ${code(s.format)}`);
  if (s.minimum !== undefined) out.push(`minimum ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`maximum ${s.maximum}`);
  if (s.default !== undefined) out.push(`default ${code(s.default)}`);
  return out.join('; ');
}

function parameter(spec, p) {
  return p.$ref ? resolve(spec, p.$ref) : p;
}

function objectTable(spec, schema, prefix = '') {
  const rows = [];
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const desc = [
      prop.deprecated ? '**Deprecated.**' : '',
      prop.description ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    rows.push(
      `| ${code(prefix + name)} | ${cell(typeOf(prop))} | ${
        required.has(name) ? 'yes' : 'no'
      } | ${cell(desc)} |`,
    );
    if (prop.type === 'object' && prop.properties) {
      rows.push(...objectTable(spec, prop, `${prefix}${name}.`));
    }
    if (
      prop.type === 'array' &&
      prop.items?.type === 'object' &&
      prop.items.properties
    ) {
      rows.push(...objectTable(spec, prop.items, `${prefix}${name}[].`));
    }
  }
  return rows;
}

function markdown(spec) {
  const lines = [];
  lines.push(
    '<!-- Generated from plugins/karpenter-backend/src/schema/openapi.yaml (+ schemas/) by plugins/karpenter-backend/scripts/generate-openapi.mjs; do not edit by hand. -->',
    '',
    '# HTTP API reference',
    '',
    cell(spec.info.description),
    '',
    `The machine-readable spec is served by the backend at ${code(
      `${BASE}/openapi.json`,
    )} and kept in ${code(
      'plugins/karpenter-backend/src/schema/openapi.yaml',
    )}.`,
    '',
    '## Endpoints',
    '',
    '| Method | Path | Summary |',
    '| --- | --- | --- |',
  );
  const ops = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops.push({ path: p, method, op });
      lines.push(
        `| ${method.toUpperCase()} | [${code(
          BASE + p,
        )}](#${op.operationId.toLowerCase()}) | ${cell(op.summary)} |`,
      );
    }
  }
  for (const { path: p, method, op } of ops) {
    lines.push(
      '',
      `### ${op.operationId}`,
      '',
      `${code(`${method.toUpperCase()} ${BASE}${p}`)}`,
      '',
      cell(op.summary),
    );
    if (op.description) lines.push('', cell(op.description));
    const params = (op.parameters ?? []).map(x => parameter(spec, x));
    if (params.length) {
      lines.push(
        '',
        '| Parameter | In | Type | Required | Constraints | Description |',
        '| --- | --- | --- | --- | --- | --- |',
      );
      for (const x of params) {
        lines.push(
          `| ${code(x.name)} | ${x.in} | ${cell(typeOf(x.schema))} | ${
            x.required ? 'yes' : 'no'
          } | ${cell(constraints(spec, x.schema))} | ${cell(x.description)} |`,
        );
      }
    }
    lines.push('', '| Status | Description | Body |', '| --- | --- | --- |');
    for (const [status, raw] of Object.entries(op.responses)) {
      const r = raw.$ref ? resolve(spec, raw.$ref) : raw;
      const schema = r.content?.['application/json']?.schema;
      lines.push(
        `| ${status} | ${cell(r.description)} | ${cell(
          schema ? typeOf(schema) : '',
        )} |`,
      );
    }
  }
  lines.push('', '## Schemas');
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    lines.push('', `### ${name}`, '');
    if (schema.description) lines.push(cell(schema.description), '');
    if (schema.type === 'object' && schema.properties) {
      lines.push(
        '| Field | Type | Required | Description |',
        '| --- | --- | --- | --- |',
        ...objectTable(spec, schema),
      );
    } else {
      lines.push(`Type: ${typeOf(schema)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const check = process.argv.includes('--check');
  const spec = loadSpec();
  const outputs = [
    [ROUTER, routerModule(spec, ROUTER)],
    [TYPES, await typesModule(spec, TYPES)],
    [DOCS, format(markdown(spec), DOCS, 'markdown')],
  ];
  let stale = 0;
  for (const [file, text] of outputs) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    if (check) {
      stale += 1;
      console.error(
        `${path.relative(root, file)} is out of date with openapi.yaml`,
      );
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (stale) {
    console.error(
      'Run: node plugins/karpenter-backend/scripts/generate-openapi.mjs',
    );
    process.exit(1);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(2);
});
