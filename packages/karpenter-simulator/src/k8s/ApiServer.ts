import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  apiGroupList,
  coreVersions,
  resourceList,
  versionInfo,
} from './discovery';
import { toEventsV1 } from './eventsV1';
import { openApiDocument, openApiIndex } from './openapi';
import { Change, ObjectStore } from './ObjectStore';
import { member } from '../model/json';
import { isPricingFault } from '../pricing/faults';
import { apiVersionOf, RESOURCES, ResourceDef } from './resources';
import { checkEksToken, EksTokenPolicy } from './eksTokens';
import { sendJson, sendStatus } from './status';
import type { Fault, KubeObject, RequestLogEntry, SimEvent } from './types';
import { WriteHandler } from './writes';
import {
  SelectorError,
  parseLabelSelector,
} from '@karpenter-backstage/plugin-karpenter-node';
import { fieldSelector } from './fieldLabels';

export interface ApiServerOptions {
  cluster: string;
  store: ObjectStore;
  token?: string;
  /**
   * Require EKS tokens (presigned STS URLs, as `aws eks get-token` makes) accepted for this many
   * seconds after signing; instead of `token`.
   */
  eksTokens?: EksTokenPolicy;
  /** Resources (plurals) a valid token may not read. */
  forbidden?: string[];
  faults: () => Fault[];
  consumeFault: (fault: Fault) => void;
  log: (entry: RequestLogEntry) => void;
  now: () => number;
  bookmarkIntervalMs?: number;
  writes?: WriteHandler;
}

interface Route {
  def: ResourceDef;
  namespace?: string;
  name?: string;
}

/** Paged-list snapshots kept for continue tokens (besides the 5-minute expiry). */
const MAX_LIST_SNAPSHOTS = 256;

const GROUP_PATH =
  /^\/apis\/([^/]+)\/([^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/;
const CORE_PATH =
  /^\/api\/v1(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/;

function route(path: string): Route | undefined {
  let m = path.match(CORE_PATH);
  if (m) {
    const [, namespace, plural, name] = m;
    const def = RESOURCES.find(r => r.group === '' && r.plural === plural);
    if (def && (namespace === undefined || def.namespaced))
      return { def, namespace, name };
    if (!def && namespace === undefined && plural === 'namespaces')
      return undefined;
    return undefined;
  }
  m = path.match(GROUP_PATH);
  if (m) {
    const [, group, version, namespace, plural, name] = m;
    const def = RESOURCES.find(
      r => r.group === group && r.version === version && r.plural === plural,
    );
    if (def && (namespace === undefined || def.namespaced))
      return { def, namespace, name };
  }
  return undefined;
}

function encodeContinue(token: { rv: number; offset: number }) {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

const isInteger = (value: unknown): value is number => Number.isInteger(value);

function decodeContinue(
  text: string,
): { rv: number; offset: number } | undefined {
  try {
    const t: unknown = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    );
    const [rv, offset] = [member(t, 'rv'), member(t, 'offset')];
    return isInteger(rv) && isInteger(offset) ? { rv, offset } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Kubernetes API of one simulated cluster: discovery, list/get/watch with selectors, paging,
 * resourceVersion semantics, bookmarks and 410 Expired, bearer tokens, injected faults, and
 * (for NodePools and EC2NodeClasses) writes.
 */
export class ApiServer {
  private readonly server: http.Server;
  private readonly snapshots = new Map<
    string,
    { json: string[]; rv: number; at: number }
  >();
  private readonly openWatches = new Set<ServerResponse>();
  private eksTokens?: EksTokenPolicy;

  constructor(private readonly options: ApiServerOptions) {
    this.eksTokens = options.eksTokens;
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(error => {
        if (!res.headersSent)
          sendStatus(
            res,
            500,
            'InternalError',
            String(error?.message ?? error),
          );
        else res.destroy();
      });
    });
    this.server.keepAliveTimeout = 5_000;
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.openWatches) res.destroy();
    this.openWatches.clear();
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  /** Ends every open watch (a "dropped watch"). */
  dropWatches() {
    for (const res of this.openWatches) res.destroy();
    this.openWatches.clear();
  }

  /** From now on, require EKS tokens valid this long (undefined: back to the scenario's auth). */
  setEksTokenPolicy(policy: EksTokenPolicy | undefined) {
    this.eksTokens = policy;
  }

  private authenticated(header: string): boolean {
    if (this.eksTokens) {
      // tokens are signed with the wall clock, so they are checked against it (not the simulated clock)
      const token = header.startsWith('Bearer ') ? header.slice(7) : '';
      return checkEksToken(token, this.eksTokens, Date.now()).valid;
    }
    return !this.options.token || header === `Bearer ${this.options.token}`;
  }

  /**
   * Authentication is checked when a request starts, so an open watch outlives its token, as
   * with kube-apiserver. A refused request gets the Status kube-apiserver writes for an
   * unauthenticated request: code 401, reason Unauthorized, message "Unauthorized"
   * (kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go
   * via filters/authentication.go). The API conventions define 401 as "the server can be reached and
   * understood the request, but refuses to take any further action, because the client must
   * provide authorization" (kubernetes/community
   * contributors/devel/sig-architecture/api-conventions.md, HTTP Status codes): the client renews
   * its credentials and retries.
   */
  private authorize(
    req: IncomingMessage,
    res: ServerResponse,
    plural?: string,
  ): boolean {
    const { forbidden } = this.options;
    if (!this.eksTokens && !this.options.token) return true;
    if (!this.authenticated(req.headers.authorization ?? '')) {
      sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return false;
    }
    if (plural && forbidden?.includes(plural)) {
      sendStatus(
        res,
        403,
        'Forbidden',
        `${plural} is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "${plural}" at the cluster scope`,
      );
      return false;
    }
    return true;
  }

  private faultFor(plural: string): Fault | undefined {
    const fault = this.options
      .faults()
      .find(
        f =>
          !f.sqsError &&
          !isPricingFault(f) &&
          (!f.cluster || f.cluster === this.options.cluster) &&
          (!f.resource || f.resource === plural),
      );
    if (fault?.once) this.options.consumeFault(fault);
    return fault;
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const r = route(path);
    const plural = r ? r.def.storeAs ?? r.def.plural : undefined;
    const entry: RequestLogEntry = {
      cluster: this.options.cluster,
      service: 'k8s',
      method: req.method ?? 'GET',
      path,
      query: url.search.slice(1) || undefined,
      at: Date.now(),
    };
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    this.options.log(entry);
    if (!this.authorize(req, res, plural)) return undefined;

    if (!r) {
      return this.discovery(path, res);
    }
    const fault = this.faultFor(r.def.plural);
    if (fault?.delayMs)
      await new Promise(resolve => setTimeout(resolve, fault.delayMs));
    if (fault?.status) {
      return sendStatus(
        res,
        fault.status,
        fault.status === 403 ? 'Forbidden' : 'InternalError',
        `injected fault ${fault.status}`,
      );
    }
    if (fault?.malformedJson) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"kind":"List","items":[{"metadata":');
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET') {
      if (!r.def.writable || !this.options.writes) {
        return sendStatus(
          res,
          405,
          'MethodNotAllowed',
          `the server does not allow this method on the requested resource`,
        );
      }
      return this.options.writes.handle(req, res, r.def, r.name, url);
    }
    let labelMatch;
    let fieldMatch;
    try {
      labelMatch = parseLabelSelector(url.searchParams.get('labelSelector'));
      fieldMatch = fieldSelector(r.def, url.searchParams.get('fieldSelector'));
    } catch (error) {
      if (error instanceof SelectorError)
        return sendStatus(res, 400, 'BadRequest', error.message);
      throw error;
    }
    const ns = r.namespace;
    const filter = (obj: KubeObject) =>
      (!ns || obj.metadata?.namespace === ns) &&
      labelMatch(obj) &&
      fieldMatch(obj);
    if (r.name) return this.getOne(res, r, plural!);
    if (
      url.searchParams.get('watch') === 'true' ||
      url.searchParams.get('watch') === '1'
    ) {
      return this.watch(req, res, r.def, plural!, url, filter, fault);
    }
    return this.list(res, r.def, plural!, url, filter);
  }

  private discovery(path: string, res: ServerResponse) {
    let body: unknown;
    if (path === '/version') body = versionInfo();
    else if (path === '/api') body = coreVersions();
    else if (path === '/apis') body = apiGroupList();
    else if (path === '/api/v1') body = resourceList('', 'v1');
    else if (path === '/healthz' || path === '/readyz' || path === '/livez') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('ok');
    } else if (path === '/openapi/v3') {
      body = openApiIndex();
    } else {
      const m = path.match(/^\/apis\/([^/]+)\/([^/]+)$/);
      if (m) body = resourceList(m[1], m[2]);
      const o = path.match(/^\/openapi\/v3\/apis\/([^/]+)\/([^/]+)$/);
      if (o) body = openApiDocument(o[1], o[2]);
    }
    if (!body)
      return sendStatus(
        res,
        404,
        'NotFound',
        `the server could not find the requested resource`,
      );
    return sendJson(res, 200, JSON.stringify(body));
  }

  /** An object as the resource serves it: events.k8s.io/v1 converts the core Events it stores. */
  private present(def: ResourceDef, obj: KubeObject): unknown {
    return def.group === 'events.k8s.io' ? toEventsV1(obj as SimEvent) : obj;
  }

  /** The JSON of a stored object as the resource serves it. */
  private jsonOf(
    def: ResourceDef,
    item: { obj: KubeObject; json: string },
  ): string {
    return def.group === 'events.k8s.io'
      ? JSON.stringify(this.present(def, item.obj))
      : item.json;
  }

  private getOne(res: ServerResponse, r: Route, plural: string) {
    const obj = this.options.store.get(
      plural,
      r.name!,
      r.def.namespaced ? r.namespace : undefined,
    );
    if (!obj) {
      return sendStatus(
        res,
        404,
        'NotFound',
        `${r.def.plural}${r.def.group ? `.${r.def.group}` : ''} "${
          r.name
        }" not found`,
        {
          name: r.name,
          group: r.def.group,
          kind: r.def.plural,
        },
      );
    }
    return sendJson(res, 200, JSON.stringify(this.present(r.def, obj)));
  }

  private list(
    res: ServerResponse,
    def: ResourceDef,
    plural: string,
    url: URL,
    filter: (o: KubeObject) => boolean,
  ) {
    const limit = Number(url.searchParams.get('limit') ?? 0);
    const cont = url.searchParams.get('continue');
    let json: string[];
    let rv: number;
    let offset = 0;
    if (cont) {
      const token = decodeContinue(cont);
      const snapshot = token && this.snapshots.get(cont);
      if (!token || !snapshot) {
        return sendStatus(
          res,
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
      }
      json = snapshot.json;
      rv = snapshot.rv;
      // Like a real API server, a continue token stays valid (for every client holding it)
      // until it is compacted away: single-use tokens would break concurrent listers.
      offset = token.offset;
    } else {
      rv = this.options.store.resourceVersion;
      json = this.options.store
        .listJson(plural, filter)
        .map(item => this.jsonOf(def, item));
    }
    const end = limit > 0 ? Math.min(json.length, offset + limit) : json.length;
    let next: string | undefined;
    if (end < json.length) {
      next = encodeContinue({ rv, offset: end });
      this.snapshots.set(next, { json, rv, at: Date.now() });
      this.pruneSnapshots();
    }
    const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
    if (next) {
      metadata.continue = next;
      metadata.remainingItemCount = json.length - end;
    }
    const head = `{"kind":"${def.kind}List","apiVersion":"${apiVersionOf(
      def,
    )}","metadata":${JSON.stringify(metadata)},"items":[`;
    const body = `${head}${json.slice(offset, end).join(',')}]}`;
    return sendJson(res, 200, body);
  }

  private pruneSnapshots() {
    const cutoff = Date.now() - 5 * 60_000;
    for (const [key, snap] of this.snapshots)
      if (snap.at < cutoff || this.snapshots.size > MAX_LIST_SNAPSHOTS)
        this.snapshots.delete(key);
  }

  private watch(
    req: IncomingMessage,
    res: ServerResponse,
    def: ResourceDef,
    plural: string,
    url: URL,
    filter: (o: KubeObject) => boolean,
    fault: Fault | undefined,
  ) {
    const store = this.options.store;
    const rvParam = url.searchParams.get('resourceVersion');
    const bookmarks = url.searchParams.get('allowWatchBookmarks') === 'true';
    const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? 0);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    const write = (type: string, json: string) =>
      res.write(`{"type":"${type}","object":${json}}\n`);
    const send = (c: Change) => {
      if (filter(c.obj)) write(c.type, this.jsonOf(def, c));
    };
    let lastSent = store.resourceVersion;
    if (!rvParam || rvParam === '0') {
      for (const item of store.listJson(plural, filter))
        write('ADDED', this.jsonOf(def, item));
    } else {
      const changes = store.changesSince(plural, Number(rvParam));
      if (!changes) {
        write(
          'ERROR',
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: `too old resource version: ${rvParam} (${store.resourceVersion})`,
            reason: 'Expired',
            code: 410,
          }),
        );
        res.end();
        return;
      }
      changes.forEach(send);
    }
    const unsubscribe = store.subscribe(plural, change => {
      lastSent = change.rv;
      send(change);
    });
    this.openWatches.add(res);
    const timers: NodeJS.Timeout[] = [];
    if (bookmarks) {
      timers.push(
        setInterval(() => {
          const rv = Math.max(lastSent, store.resourceVersion);
          write(
            'BOOKMARK',
            `{"kind":"${def.kind}","apiVersion":"${apiVersionOf(
              def,
            )}","metadata":{"resourceVersion":"${rv}"}}`,
          );
        }, this.options.bookmarkIntervalMs ?? 5_000),
      );
    }
    if (timeoutSeconds > 0)
      timers.push(setTimeout(() => res.end(), timeoutSeconds * 1000));
    if (fault?.dropWatchAfterMs !== undefined)
      timers.push(setTimeout(() => res.destroy(), fault.dropWatchAfterMs));
    const cleanup = () => {
      unsubscribe();
      timers.forEach(t => clearTimeout(t));
      this.openWatches.delete(res);
    };
    res.on('close', cleanup);
    req.on('close', cleanup);
  }
}
