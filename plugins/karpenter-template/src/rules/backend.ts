import { ValueRule } from './check';

/** The S3 backend: any other setting needs a bucket (an empty object means no backend). */
export const s3BackendBucket: ValueRule<{ bucket?: string }> = backend =>
  backend.bucket === undefined && Object.keys(backend).length > 0
    ? [
        {
          path: ['bucket'],
          message: 'is required when other backend settings are given',
        },
      ]
    : [];
