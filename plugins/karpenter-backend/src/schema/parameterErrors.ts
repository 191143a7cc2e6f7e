import { InputError, isError } from '@backstage/errors';
import { ErrorRequestHandler, RequestHandler } from 'express';

/** The parts of an OpenAPI document this module reads. */
interface SpecParameter {
  readonly name: string;
  readonly in: string;
  /** A sentence for a value that fails the schema's `pattern` or `format` ("must be …"). */
  readonly 'x-error-message'?: string;
}
interface SpecLike {
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          {
            readonly operationId?: string;
            readonly parameters?: readonly (SpecParameter | { $ref: string })[];
          }
        >
      >
    >
  >;
  readonly components?: {
    readonly parameters?: Readonly<Record<string, SpecParameter>>;
  };
}

/** The parameters of a spec by location (`query`, `path`) and name. */
function parametersOf(spec: SpecLike): Map<string, SpecParameter> {
  const byKey = new Map<string, SpecParameter>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      for (const raw of op.parameters ?? []) {
        const p =
          '$ref' in raw
            ? spec.components?.parameters?.[raw.$ref.split('/').pop()!]
            : raw;
        if (p) byKey.set(`${p.in}/${p.name}`, p);
      }
    }
  }
  return byKey;
}

/*
 * express-openapi-validator reports the first failing keyword as ajv's `errorsText` with the data
 * variable `request` ("request/query/bucket must be equal to one of the allowed values");
 * @backstage/backend-openapi-utils turns it into an InputError with that message.
 */
const VALIDATOR_MESSAGE =
  /^request\/(query|params)\/([A-Za-z0-9_.-]+) (must .*)$/s;

/**
 * Rewrites the request-validation errors of the OpenAPI router into this API's error messages,
 * which start with the parameter's name: `bucket: must be equal to one of the allowed values: 5m,
 * 15m, 1h, 6h, 1d`; a pattern or format failure of a parameter with `x-error-message` says that
 * sentence instead of the regular expression or format name. Other errors pass unchanged.
 *
 * @internal
 */
export function parameterErrors(spec: SpecLike): ErrorRequestHandler {
  const parameters = parametersOf(spec);
  return (error, _req, _res, next) => {
    if (!isError(error) || error.name !== 'InputError') return next(error);
    const match = VALIDATOR_MESSAGE.exec(error.message.split(', request/')[0]);
    if (!match) return next(error);
    const [, location, name, problem] = match;
    const p = parameters.get(
      `${location === 'params' ? 'path' : location}/${name}`,
    );
    let text = problem;
    if (
      /^must match (pattern|format) /.test(problem) &&
      p?.['x-error-message']
    ) {
      text = p['x-error-message'];
    }
    return next(new InputError(`${name}: ${text}`));
  };
}

/**
 * A query parameter that is present but empty (`?bucket=`) counts as absent, as it always has
 * for this API; the spec's checks only see values.
 *
 * @internal
 */
export const emptyQueryValuesAsAbsent: RequestHandler = (req, _res, next) => {
  for (const [key, value] of Object.entries(req.query)) {
    if (value === '') delete req.query[key];
  }
  next();
};
