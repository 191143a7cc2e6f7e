import { IncomingMessage, ServerResponse } from 'node:http';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import { ObjectStore } from './ObjectStore';
import { apiVersionOf, ResourceDef } from './resources';
import { sendJson, sendStatus } from './status';

const MAX_BODY = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: any, patch: any): any {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
    return patch;
  const out =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...target }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * Create / replace / merge-patch / delete for the CRDs users apply (NodePools, EC2NodeClasses),
 * validated against the real CRD schemas: a bad object gets 422 `Invalid` naming the field.
 */
export class WriteHandler {
  constructor(
    private readonly store: ObjectStore,
    private readonly onChange: (kind: string, name: string) => void,
  ) {}

  private invalid(
    res: ServerResponse,
    def: ResourceDef,
    name: string,
    causes: Array<{ field: string; message: string }>,
  ) {
    const group = def.group;
    const summary = causes.map(c => `${c.field}: ${c.message}`).join(', ');
    return sendStatus(
      res,
      422,
      'Invalid',
      `${def.kind}.${group} "${name}" is invalid: ${summary}`,
      {
        name,
        group,
        kind: def.kind,
        causes: causes.map(c => ({
          reason: 'FieldValueInvalid',
          message: c.message,
          field: c.field,
        })),
      },
    );
  }

  private validate(
    res: ServerResponse,
    def: ResourceDef,
    obj: any,
    old?: any,
  ): boolean {
    const name = obj?.metadata?.name ?? '';
    if (obj?.apiVersion !== apiVersionOf(def) || obj?.kind !== def.kind) {
      this.invalid(res, def, name, [
        { field: 'kind', message: `must be ${apiVersionOf(def)} ${def.kind}` },
      ]);
      return false;
    }
    if (
      !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(
        name,
      ) ||
      name.length > 253
    ) {
      this.invalid(res, def, name, [
        {
          field: 'metadata.name',
          message:
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'",
        },
      ]);
      return false;
    }
    const { status: _status, ...withoutStatus } = obj;
    // on update, the stored object lets the CEL transition rules (immutable fields) run
    const { status: _oldStatus, ...oldWithoutStatus } = old ?? {};
    const result = validateKarpenterObject(
      withoutStatus,
      old ? oldWithoutStatus : undefined,
    );
    if (!result.valid) {
      this.invalid(res, def, name, result.violations);
      return false;
    }
    return true;
  }

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    def: ResourceDef,
    name: string | undefined,
    url: URL,
  ) {
    const plural = def.plural;
    const dryRun = url.searchParams.get('dryRun') === 'All';
    if (req.method === 'DELETE') {
      if (!name)
        return sendStatus(
          res,
          405,
          'MethodNotAllowed',
          'collection delete is not supported',
        );
      const existing = this.store.get(plural, name);
      if (!existing)
        return sendStatus(
          res,
          404,
          'NotFound',
          `${plural}.${def.group} "${name}" not found`,
          { name, group: def.group, kind: plural },
        );
      if (!dryRun) {
        this.store.delete(plural, name);
        this.onChange(def.kind, name);
      }
      return sendJson(
        res,
        200,
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: {
            name,
            group: def.group,
            kind: plural,
            uid: existing.metadata.uid,
          },
        }),
      );
    }
    let body: any;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      return sendStatus(
        res,
        400,
        'BadRequest',
        `the body of the request could not be decoded: ${
          (error as Error).message
        }`,
      );
    }
    let next: any;
    let previous: any;
    if (req.method === 'POST') {
      if (name)
        return sendStatus(
          res,
          405,
          'MethodNotAllowed',
          'POST to a named resource',
        );
      if (body?.metadata?.name && this.store.get(plural, body.metadata.name)) {
        return sendStatus(
          res,
          409,
          'AlreadyExists',
          `${plural}.${def.group} "${body.metadata.name}" already exists`,
          { name: body.metadata.name, group: def.group, kind: plural },
        );
      }
      next = body;
    } else {
      if (!name)
        return sendStatus(
          res,
          405,
          'MethodNotAllowed',
          'PUT/PATCH need a name',
        );
      const existing = this.store.get(plural, name);
      if (!existing)
        return sendStatus(
          res,
          404,
          'NotFound',
          `${plural}.${def.group} "${name}" not found`,
          { name, group: def.group, kind: plural },
        );
      previous = existing;
      if (req.method === 'PUT') {
        next = { ...body, status: existing.status };
      } else if (req.method === 'PATCH') {
        const type = String(req.headers['content-type'] ?? '');
        if (type.includes('json-patch+json'))
          return sendStatus(
            res,
            415,
            'UnsupportedMediaType',
            'json-patch is not supported; use merge-patch',
          );
        next = mergePatch(structuredClone(existing), body);
      } else {
        return sendStatus(
          res,
          405,
          'MethodNotAllowed',
          `method ${req.method} not allowed`,
        );
      }
      if (next?.metadata?.name !== name) {
        return this.invalid(res, def, name, [
          { field: 'metadata.name', message: 'field is immutable' },
        ]);
      }
    }
    if (!this.validate(res, def, next, previous)) return undefined;
    if (dryRun)
      return sendJson(
        res,
        req.method === 'POST' ? 201 : 200,
        JSON.stringify(next),
      );
    const {
      managedFields: _m,
      resourceVersion: _rv,
      ...metadata
    } = next.metadata;
    const saved = this.store.put(plural, { ...next, metadata });
    this.onChange(def.kind, saved.metadata.name);
    return sendJson(
      res,
      req.method === 'POST' ? 201 : 200,
      JSON.stringify(this.store.get(plural, saved.metadata.name)),
    );
  }
}
