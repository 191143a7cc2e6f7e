import {
  DNS1123_LABEL_PATTERN,
  RECORDED_REASONS,
} from '@karpenter-backstage/plugin-karpenter-common';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { spec } from './openapi/generated/router';
import { BUCKET_MS } from './queryParams';

const GENERATOR = path.resolve(__dirname, '../../scripts/generate-openapi.mjs');

describe('the OpenAPI spec', () => {
  it('has its generated router module, client types and docs/api.md up to date with openapi.yaml', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [GENERATOR, '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      output = `${(error as { stderr?: string }).stderr ?? error}`;
    }
    expect(output).toBe('');
  });

  const query = (p: keyof typeof spec.paths, name: string) => {
    const params: readonly any[] = (spec.paths[p].get as any).parameters;
    return params
      .map(x =>
        x.$ref
          ? (spec.components.parameters as any)[x.$ref.split('/').pop()]
          : x,
      )
      .find(x => x.name === name);
  };

  it('enumerates the buckets and reasons the handlers and the recorder know', () => {
    expect(
      query('/v1/clusters/{cluster}/interruptions', 'bucket').schema.enum,
    ).toEqual(Object.keys(BUCKET_MS));
    expect(spec.components.schemas.RecordedReason.enum).toEqual([
      ...RECORDED_REASONS,
    ]);
  });

  it('accepts as nodePool exactly the comma lists of DNS-1123 labels of at most 63 characters', () => {
    const pattern = new RegExp(
      query('/v1/clusters/{cluster}/nodeclaims', 'nodePool').schema.pattern,
      'u',
    );
    const label = new RegExp(DNS1123_LABEL_PATTERN);
    const isList = (text: string) =>
      text
        .split(',')
        .map(n => n.trim())
        .every(n => n.length > 0 && n.length <= 63 && label.test(n));
    const samples = [
      'general',
      'general,batch',
      'general, batch',
      ' general ',
      'a',
      'a'.repeat(63),
      'a'.repeat(64),
      `${'a'.repeat(63)},b`,
      'General',
      'bad_name',
      '-general',
      'general-',
      'gen-eral',
      'general,',
      ',general',
      'general,,batch',
      'general;batch',
      '0',
    ];
    for (const s of samples) {
      expect([s, pattern.test(s)]).toEqual([s, isList(s)]);
    }
  });

  it('describes every route the router serves', () => {
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/health',
      '/v1/clusters',
      '/v1/clusters/{cluster}/cost',
      '/v1/clusters/{cluster}/interruptions',
      '/v1/clusters/{cluster}/nodeclaims',
      '/v1/clusters/{cluster}/nodeclasses',
      '/v1/clusters/{cluster}/nodepools',
      '/v1/clusters/{cluster}/queue',
      '/v1/entities/{namespace}/{kind}/{name}/summary',
      '/v1/entities/{namespace}/{kind}/{name}/values',
    ]);
  });
});
