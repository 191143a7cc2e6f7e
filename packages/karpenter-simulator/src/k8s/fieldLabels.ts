/**
 * The field labels the API server lets a `fieldSelector` use, per resource, and the value each
 * selects. Core kinds accept only their own labels (kubernetes pkg/apis/core/v1/conversion.go
 * `addConversionFuncs`, `AddFieldLabelConversionsForEvent`, `…ForNamespace`; pkg/apis/events/v1/
 * conversion.go for events.k8s.io) and refuse any other with 400 BadRequest
 * `field label not supported: <label>`; the selectable values are those of the registries'
 * `ToSelectableFields` / `GetAttrs` (pkg/registry/core/{pod,event,node,namespace}/strategy.go).
 * The Karpenter custom resources keep the simulator's generic field paths.
 */
import {
  Matcher,
  parseFieldSelector,
  SelectorError,
} from '@karpenter-backstage/plugin-karpenter-node';
import { member } from '../model/json';
import type { ResourceDef } from './resources';
import type { KubeObject } from './types';

type Field = (obj: KubeObject) => string;

const text = (value: unknown) =>
  value === undefined || value === null ? '' : String(value);

/** The value at a dotted path, as a string ('' when absent). */
const at =
  (path: string): Field =>
  obj =>
    text(path.split('.').reduce<unknown>((v, k) => member(v, k), obj));

/** A boolean field, `false` when absent (`strconv.FormatBool` of the Go zero value). */
const flag =
  (path: string): Field =>
  obj =>
    at(path)(obj) === 'true' ? 'true' : 'false';

const objectMeta = (namespaced: boolean): Record<string, Field> => ({
  'metadata.name': at('metadata.name'),
  ...(namespaced ? { 'metadata.namespace': at('metadata.namespace') } : {}),
});

const INVOLVED = [
  'kind',
  'namespace',
  'name',
  'uid',
  'apiVersion',
  'resourceVersion',
  'fieldPath',
];

/**
 * core/v1 Events. `source` is `source.component`, or `reportingComponent` when that is empty
 * (events written through events.k8s.io/v1, like the kube-scheduler's; kubernetes#92874).
 */
const EVENT_FIELDS: Record<string, Field> = {
  ...Object.fromEntries(
    INVOLVED.map(f => [`involvedObject.${f}`, at(`involvedObject.${f}`)]),
  ),
  reason: at('reason'),
  reportingComponent: at('reportingComponent'),
  source: obj => at('source.component')(obj) || at('reportingComponent')(obj),
  type: at('type'),
  ...objectMeta(true),
};

/** events.k8s.io/v1 Events: its names mapped onto the core Event's fields. */
const EVENTS_V1_FIELDS: Record<string, Field> = {
  ...Object.fromEntries(
    INVOLVED.map(f => [`regarding.${f}`, EVENT_FIELDS[`involvedObject.${f}`]]),
  ),
  reason: EVENT_FIELDS.reason,
  reportingController: EVENT_FIELDS.reportingComponent,
  source: EVENT_FIELDS.source,
  type: EVENT_FIELDS.type,
  ...objectMeta(true),
};

const POD_FIELDS: Record<string, Field> = {
  ...objectMeta(true),
  'spec.nodeName': at('spec.nodeName'),
  // backwards compatibility with old v1 clients
  'spec.host': at('spec.nodeName'),
  'spec.restartPolicy': at('spec.restartPolicy'),
  'spec.schedulerName': at('spec.schedulerName'),
  'spec.serviceAccountName': at('spec.serviceAccountName'),
  'spec.hostNetwork': flag('spec.hostNetwork'),
  'status.phase': at('status.phase'),
  'status.podIP': obj =>
    at('status.podIPs.0.ip')(obj) || at('status.podIP')(obj),
  // accepted by the conversion, not among the selectable fields: never matches a value
  'status.podIPs': () => '',
  'status.nominatedNodeName': at('status.nominatedNodeName'),
};

const FIELD_LABELS: Record<string, Record<string, Field>> = {
  '/events': EVENT_FIELDS,
  'events.k8s.io/events': EVENTS_V1_FIELDS,
  '/pods': POD_FIELDS,
  '/nodes': {
    ...objectMeta(false),
    'spec.unschedulable': flag('spec.unschedulable'),
  },
  '/namespaces': { ...objectMeta(false), 'status.phase': at('status.phase') },
};

/** An object as its field labels see it: `{involvedObject: {kind}, source, …}`. */
function selectable(
  fields: Record<string, Field>,
  obj: KubeObject,
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [label, field] of Object.entries(fields)) {
    const parts = label.split('.');
    let into = view;
    for (const part of parts.slice(0, -1)) {
      const next = (into[part] ??= {}) as Record<string, unknown>;
      into = next;
    }
    into[parts[parts.length - 1]] = field(obj);
  }
  return view;
}

/**
 * Compiles a `fieldSelector` for a resource: a syntax error or (for the core kinds) a label the
 * kind does not have throws a {@link SelectorError} (the API server's 400 BadRequest).
 */
export function fieldSelector(
  def: ResourceDef,
  selector: string | null,
): Matcher {
  const match = parseFieldSelector(selector);
  const fields = FIELD_LABELS[`${def.group}/${def.plural}`];
  if (!selector || !fields) return match;
  for (const term of selector.split(',')) {
    const label = term.split(/!=|==|=/)[0].trim();
    if (!(label in fields))
      throw new SelectorError(`field label not supported: ${label}`);
  }
  return obj => match(selectable(fields, obj as KubeObject));
}
