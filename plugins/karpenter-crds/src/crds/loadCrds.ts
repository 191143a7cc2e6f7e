import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';

/** A Karpenter CRD version's schema, as the real CRD file declares it. @public */
export interface KarpenterCrd {
  group: string;
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  version: string;
  /** The CRD version's `schema.openAPIV3Schema`. */
  schema: Record<string, unknown>;
}

/** The CRD files shipped in this package (copied from aws/karpenter-provider-aws, see crds/SOURCE.txt). @public */
export const KARPENTER_CRD_FILES = [
  'karpenter.sh_nodepools.yaml',
  'karpenter.sh_nodeclaims.yaml',
  'karpenter.k8s.aws_ec2nodeclasses.yaml',
] as const;

/** The folder holding the CRD YAML files, in the source tree and in the published package. @public */
export function crdDirectory(): string {
  return resolvePackagePath('@karpenter-backstage/karpenter-crds', 'crds');
}

let cached: KarpenterCrd[] | undefined;

/** Reads the real Karpenter v1 CRDs (served version `v1`). @public */
export function loadKarpenterCrds(): KarpenterCrd[] {
  if (!cached) {
    cached = KARPENTER_CRD_FILES.map(file => {
      const doc = parse(
        fs.readFileSync(path.join(crdDirectory(), file), 'utf8'),
      );
      const version = doc.spec.versions.find(
        (v: { name: string; served: boolean }) => v.served && v.name === 'v1',
      );
      return {
        group: doc.spec.group,
        kind: doc.spec.names.kind,
        plural: doc.spec.names.plural,
        scope: doc.spec.scope,
        version: version.name,
        schema: version.schema.openAPIV3Schema,
      };
    });
  }
  return cached;
}
