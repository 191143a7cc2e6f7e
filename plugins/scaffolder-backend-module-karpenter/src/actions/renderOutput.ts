import { z } from 'zod/v3';
import { clusterEntityRef } from './entityRef';

/** The output every render action has: the files it wrote. */
export const filesOutputShape = (zImpl: typeof z) => ({
  files: zImpl
    .array(zImpl.string())
    .describe('Files written, relative to the workspace'),
});

/** The outputs of a render action for one cluster: the files, the cluster and its entity. */
export const clusterOutputShape = (zImpl: typeof z) => ({
  ...filesOutputShape(zImpl),
  clusterName: zImpl.string().describe('Name of the EKS cluster'),
  entityRef: zImpl
    .string()
    .describe('Catalog entity of the cluster (Resource)'),
});

/** Sets the outputs of {@link clusterOutputShape}. */
export function outputClusterFiles(
  ctx: {
    output(
      name: 'files' | 'clusterName' | 'entityRef',
      value: string | string[],
    ): void;
  },
  files: string[],
  clusterName: string,
): void {
  ctx.output('files', files);
  ctx.output('clusterName', clusterName);
  ctx.output('entityRef', clusterEntityRef(clusterName));
}
