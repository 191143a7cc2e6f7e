import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  FieldExtensionComponentProps,
  ScaffolderRJSFFieldProps,
} from '@backstage/plugin-scaffolder-react';
import type { NodePoolInput } from '@karpenter-backstage/karpenter-template';
import type { ClusterValues } from '@karpenter-backstage/plugin-karpenter-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ComponentType, useEffect, useRef, useState } from 'react';
import { karpenterApiRef } from '../../api';
import {
  entityKey,
  KarpenterNodePoolsChangeSource,
  KarpenterNodePoolsChangeUiOptions,
  KarpenterNodePoolsChangeValue,
  parseClusterRef,
  siblingValues,
  stringParameter,
} from './types';

/** Props of the field extension. @public */
export type NodePoolsChangeFieldProps = FieldExtensionComponentProps<
  KarpenterNodePoolsChangeValue,
  KarpenterNodePoolsChangeUiOptions
>;

/**
 * Props of RJSF's own field for the `nodePools` sub-schema (data typed `unknown`: RJSF's id
 * schema type of an array of objects is not satisfiable).
 */
type PoolsFieldProps = ScaffolderRJSFFieldProps<unknown>;

type LoadState =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'error'; key: string; error: Error };

/** The field value for a backend answer: where the values came from and their NodePools. */
function valueOf(answer: ClusterValues): KarpenterNodePoolsChangeValue {
  const source: KarpenterNodePoolsChangeSource = {
    entityRef: answer.entityRef,
    clusterName: answer.clusterName,
    valuesUrl: answer.valuesUrl,
    catalogInfoUrl: answer.catalogInfoUrl,
    ...(answer.repoUrl ? { repoUrl: answer.repoUrl } : {}),
    ...(answer.targetBranch ? { targetBranch: answer.targetBranch } : {}),
  };
  const nodePools = answer.values.nodePools;
  return {
    source,
    nodePools: Array.isArray(nodePools) ? (nodePools as NodePoolInput[]) : [],
  };
}

/** `github.com?owner=acme&repo=prod-eu` → `github.com/acme/prod-eu`. */
function repoLabel(repoUrl: string): string {
  const [host, query = ''] = repoUrl.split('?', 2);
  const params = new URLSearchParams(query);
  const path = [params.get('organization'), params.get('owner')]
    .concat(params.get('repo'))
    .filter(Boolean)
    .join('/');
  return path ? `${host}/${path}` : repoUrl;
}

function LoadError(props: {
  cluster: string;
  error: Error;
  onRetry: () => void;
}) {
  const { cluster, error, onRetry } = props;
  const status = ResponseError.is(error) ? error.statusCode : undefined;
  const detail =
    ResponseError.is(error) && error.cause.message
      ? error.cause.message
      : error.message;
  let text: string;
  if (status === 404) {
    text = `No karpenter-values.yaml was found for ${cluster}. Its repository was created before the Karpenter template wrote that file, or by hand: add a karpenter-values.yaml next to its catalog-info.yaml (the input of the Karpenter template), then try again.`;
  } else if (status === 400) {
    text = `The NodePools of ${cluster} cannot be changed here: it is not a Karpenter cluster entity, has no location to read from, or its karpenter-values.yaml is invalid.`;
  } else if (status === 403) {
    text = `You may not read the values of ${cluster}.`;
  } else {
    text = `The NodePools of ${cluster} could not be loaded.`;
  }
  return (
    <Alert
      severity="error"
      data-testid="nodepools-change-error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      {text}
      {detail && (
        <Typography variant="body2" component="div">
          {detail}
        </Typography>
      )}
    </Alert>
  );
}

/**
 * Scaffolder field of the "Change Karpenter NodePools" template: loads the values of the cluster
 * picked in the sibling parameter (`ui:options.clusterField`, default `cluster`) from its
 * repository's `karpenter-values.yaml`, then edits its NodePools with RJSF's own field for the
 * `nodePools` sub-schema, so add, remove and edit use the create template's schema and presets.
 * Values already loaded for the picked cluster (the user went back a step) are kept.
 *
 * @internal
 */
export function NodePoolsChangeField(props: NodePoolsChangeFieldProps) {
  const { formContext, formData, onChange, registry, schema, uiSchema } = props;
  const api = useApi(karpenterApiRef);
  const options = uiSchema?.['ui:options'] ?? {};
  const siblings = siblingValues(formContext);
  const cluster = stringParameter(siblings[options.clusterField ?? 'cluster']);
  const focus = options.focusField
    ? stringParameter(siblings[options.focusField])
    : undefined;
  const clusterKey = entityKey(cluster);
  const loadedKey = entityKey(formData?.source?.entityRef);
  const loaded = clusterKey !== undefined && loadedKey === clusterKey;

  const [load, setLoad] = useState<LoadState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  // the effect reads the latest value and onChange without re-running on every edit
  const latest = useRef({ cluster, loadedKey, onChange });
  useEffect(() => {
    latest.current = { cluster, loadedKey, onChange };
  });

  useEffect(() => {
    if (!clusterKey || latest.current.loadedKey === clusterKey) {
      // no cluster yet, or its values are loaded (and maybe edited): keep them
      return undefined;
    }
    const ref = parseClusterRef(latest.current.cluster);
    if (!ref) return undefined;
    let cancelled = false;
    if (latest.current.loadedKey) {
      // values of the cluster picked before must not be submitted for this one
      latest.current.onChange(undefined);
    }
    setLoad({ status: 'loading', key: clusterKey });
    api.getEntityValues(ref).then(
      answer => {
        if (cancelled) return;
        latest.current.onChange(valueOf(answer));
        setLoad({ status: 'idle' });
      },
      (error: Error) => {
        if (!cancelled) setLoad({ status: 'error', key: clusterKey, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, clusterKey, attempt]);

  if (!cluster) {
    return (
      <Alert severity="info" data-testid="nodepools-change-no-cluster">
        Pick a cluster first.
      </Alert>
    );
  }
  if (!clusterKey) {
    return (
      <Alert severity="error" data-testid="nodepools-change-error">
        {cluster} is not an entity ref (e.g. resource:default/prod-eu).
      </Alert>
    );
  }
  if (!loaded) {
    if (load.status === 'error' && load.key === clusterKey) {
      return (
        <LoadError
          cluster={cluster}
          error={load.error}
          onRetry={() => setAttempt(n => n + 1)}
        />
      );
    }
    return (
      <Box data-testid="nodepools-change-loading">
        <Typography variant="body2">
          Loading the NodePools of {cluster} from its karpenter-values.yaml…
        </Typography>
        <Progress />
      </Box>
    );
  }

  const source = formData?.source ?? {};
  const nodePools = formData?.nodePools ?? [];
  const poolsSchema = schema.properties?.nodePools;
  const focusMissing =
    focus !== undefined && !nodePools.some(pool => pool?.name === focus);
  const PoolsField = registry.fields
    .SchemaField as unknown as ComponentType<PoolsFieldProps>;
  const separator = props.idSeparator ?? '_';

  return (
    <Box data-testid="nodepools-change">
      <Typography
        variant="body2"
        paragraph
        data-testid="nodepools-change-source"
      >
        NodePools of cluster <strong>{source.clusterName}</strong> from{' '}
        {source.valuesUrl ? (
          <Link to={source.valuesUrl}>karpenter-values.yaml</Link>
        ) : (
          'karpenter-values.yaml'
        )}
        {source.repoUrl && ` in ${repoLabel(source.repoUrl)}`}
        {source.targetBranch && ` (branch ${source.targetBranch})`}.
      </Typography>
      {focus && (
        <Alert
          severity={focusMissing ? 'warning' : 'info'}
          data-testid="nodepools-change-focus"
        >
          Changing NodePool <strong>{focus}</strong>
          {focusMissing &&
            `: the values of ${source.clusterName} have no NodePool of that name. Add it below or change another one.`}
        </Alert>
      )}
      {poolsSchema && typeof poolsSchema === 'object' ? (
        <PoolsField
          name="nodePools"
          schema={poolsSchema}
          uiSchema={uiSchema?.nodePools ?? {}}
          idSchema={{
            $id:
              props.idSchema?.nodePools?.$id ??
              `${props.idSchema.$id}${separator}nodePools`,
          }}
          errorSchema={props.errorSchema?.nodePools}
          formData={nodePools}
          onChange={pools =>
            onChange({
              ...formData,
              source,
              nodePools: Array.isArray(pools) ? (pools as NodePoolInput[]) : [],
            })
          }
          onBlur={props.onBlur}
          onFocus={props.onFocus}
          registry={registry as unknown as PoolsFieldProps['registry']}
          required
          disabled={props.disabled}
          readonly={props.readonly}
          idPrefix={props.idPrefix}
          idSeparator={props.idSeparator}
          rawErrors={[]}
        />
      ) : (
        <Alert severity="error">
          The template&apos;s parameter has no nodePools property to edit.
        </Alert>
      )}
    </Box>
  );
}
