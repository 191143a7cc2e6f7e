import { IncomingMessage, ServerResponse } from 'node:http';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import { isJsonObject, member } from '../model/json';
import { ObjectStore } from './ObjectStore';
import { apiVersionOf, ResourceDef } from './resources';
import { sendJson, sendStatus } from './status';
import type { KubeObject } from './types';

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
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch) || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    isJsonObject(target) && !Array.isArray(target) ? { ...target } : {};
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
    /** The object's `metadata.name` as given: a JSON value of whichever type. */
    name: unknown,
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

  /** 404 NotFound unless the named object exists; the object. */
  private existing(
    res: ServerResponse,
    def: ResourceDef,
    name: string,
  ): KubeObject | undefined {
    const existing = this.store.get(def.plural, name);
    if (!existing)
      sendStatus(
        res,
        404,
        'NotFound',
        `${def.plural}.${def.group} "${name}" not found`,
        { name, group: def.group, kind: def.plural },
      );
    return existing;
  }

  /**
   * Whether the object is one of the resource (apiVersion and kind, an RFC 1123 name) valid
   * against its CRD; else 422 Invalid.
   */
  private validate(
    res: ServerResponse,
    def: ResourceDef,
    obj: unknown,
    old?: KubeObject,
  ): obj is KubeObject {
    const name = member(member(obj, 'metadata'), 'name') ?? '';
    if (
      !isJsonObject(obj) ||
      obj.apiVersion !== apiVersionOf(def) ||
      obj.kind !== def.kind
    ) {
      this.invalid(res, def, name, [
        { field: 'kind', message: `must be ${apiVersionOf(def)} ${def.kind}` },
      ]);
      return false;
    }
    if (
      !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(
        String(name),
      ) ||
      (typeof name === 'string' && name.length > 253)
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
    const { status: _oldStatus, ...oldWithoutStatus }: Partial<KubeObject> =
      old ?? {};
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
      const existing = this.existing(res, def, name);
      if (!existing) return undefined;
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
    let body: unknown;
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
    let next: unknown;
    let previous: KubeObject | undefined;
    if (req.method === 'POST') {
      if (name)
        return sendStatus(
          res,
          405,
          'MethodNotAllowed',
          'POST to a named resource',
        );
      const bodyName = member(member(body, 'metadata'), 'name');
      if (bodyName && this.store.get(plural, String(bodyName))) {
        return sendStatus(
          res,
          409,
          'AlreadyExists',
          `${plural}.${def.group} "${bodyName}" already exists`,
          { name: bodyName, group: def.group, kind: plural },
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
      const existing = this.existing(res, def, name);
      if (!existing) return undefined;
      previous = existing;
      if (req.method === 'PUT') {
        next = { ...(isJsonObject(body) ? body : {}), status: existing.status };
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
      if (member(member(next, 'metadata'), 'name') !== name) {
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
