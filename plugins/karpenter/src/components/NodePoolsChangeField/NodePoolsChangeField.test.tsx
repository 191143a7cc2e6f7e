import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { ClusterValues } from '@karpenter-backstage/plugin-karpenter-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
// The create template itself, not a copy: the field must edit NodePools with its item schema.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import createTemplate from '../../../../../templates/karpenter-eks/template.yaml';
import { karpenterApiRef, KarpenterClient } from '../../api';
import {
  NodePoolsChangeField,
  NodePoolsChangeFieldProps,
} from './NodePoolsChangeField';
import { KARPENTER_NODEPOOLS_CHANGE_FIELD } from './types';
import { validateNodePoolsChange } from './validation';

// Frontend tests render the whole scaffolder form: slow under load.
jest.setTimeout(30_000);

type JsonObject = TemplateParameterSchema['steps'][number]['schema'];

const BACKEND = 'http://karpenter.test';
const VALUES_URL = `${BACKEND}/api/karpenter/v1/entities/default/resource/prod-eu/values`;
const CLUSTER = 'resource:default/prod-eu';

const server = setupServer();
registerMswTestHooks(server);

/**
 * The NodePool item schema of the create template, so the editor is tested with the real one
 * (Jest's YAML transform parses the file; the asset type says string).
 */
const nodePoolItems = (() => {
  const template = createTemplate as unknown as {
    spec: {
      parameters: Array<{ properties?: { nodePools?: { items: JsonObject } } }>;
    };
  };
  const step = template.spec.parameters.find(p => p.properties?.nodePools);
  return step!.properties!.nodePools!.items;
})();

/** The `change` parameter as the change template declares it. */
function changeParameter(uiOptions: Record<string, string> = {}) {
  return {
    title: 'NodePools',
    type: 'object',
    'ui:field': KARPENTER_NODEPOOLS_CHANGE_FIELD,
    'ui:options': { clusterField: 'cluster', ...uiOptions },
    required: ['source', 'nodePools'],
    properties: {
      source: {
        type: 'object',
        properties: Object.fromEntries(
          [
            'entityRef',
            'clusterName',
            'valuesUrl',
            'catalogInfoUrl',
            'repoUrl',
            'targetBranch',
          ].map(k => [k, { type: 'string' }]),
        ),
      },
      nodePools: {
        title: 'NodePools',
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: nodePoolItems,
      },
    },
  };
}

const clusterProperties = {
  cluster: { title: 'Cluster', type: 'string' },
  nodePool: { title: 'NodePool', type: 'string' },
};

/** Both parameters on one page, or the cluster on a page before the NodePools. */
function manifest(
  options: { twoSteps?: boolean; uiOptions?: Record<string, string> } = {},
): TemplateParameterSchema {
  const change = changeParameter(options.uiOptions);
  const steps = options.twoSteps
    ? [
        {
          title: 'Cluster',
          schema: { type: 'object', properties: clusterProperties },
        },
        {
          title: 'NodePools',
          schema: {
            type: 'object',
            required: ['change'],
            properties: { change },
          },
        },
      ]
    : [
        {
          title: 'Change',
          schema: {
            type: 'object',
            required: ['change'],
            properties: { ...clusterProperties, change },
          },
        },
      ];
  return { title: 'Change Karpenter NodePools', steps };
}

const values: ClusterValues = {
  entityRef: CLUSTER,
  clusterName: 'prod-eu',
  valuesUrl: 'https://github.com/acme/prod-eu/blob/main/karpenter-values.yaml',
  catalogInfoUrl: 'https://github.com/acme/prod-eu/blob/main/catalog-info.yaml',
  repoUrl: 'github.com?owner=acme&repo=prod-eu',
  targetBranch: 'main',
  values: {
    clusterName: 'prod-eu',
    awsRegion: 'eu-west-1',
    nodePools: [
      { name: 'general', preset: 'general' },
      { name: 'batch', preset: 'batch', limits: { cpu: '200' } },
    ],
  },
};

const { values: _values, ...source } = values;

/** Answers the values route; returns the number of requests so far. */
function answer(body: object, status = 200) {
  const requests: string[] = [];
  server.use(
    http.get(VALUES_URL, ({ request }) => {
      requests.push(request.url);
      return HttpResponse.json(body, { status });
    }),
  );
  return requests;
}

function backendError(status: number, name: string, message: string) {
  return {
    error: { name, message },
    request: { method: 'GET', url: '/x' },
    response: { statusCode: status },
  };
}

const onChangeCalls = jest.fn();
/** The field as the scaffolder gets it, recording what it hands to onChange. */
function RecordingField(props: NodePoolsChangeFieldProps) {
  return (
    <NodePoolsChangeField
      {...props}
      onChange={(value, ...rest) => {
        onChangeCalls(value);
        props.onChange(value, ...rest);
      }}
    />
  );
}

const onCreate = jest.fn(async () => {});

async function renderForm(
  initialState: Record<string, unknown>,
  options: { twoSteps?: boolean; uiOptions?: Record<string, string> } = {},
) {
  const discoveryApi = mockApis.discovery({ baseUrl: BACKEND });
  const fetchApi = new MockFetchApi();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [karpenterApiRef, new KarpenterClient({ discoveryApi, fetchApi })],
      ]}
    >
      <Stepper
        manifest={manifest(options)}
        extensions={[
          {
            name: KARPENTER_NODEPOOLS_CHANGE_FIELD,
            component: RecordingField,
            validation: validateNodePoolsChange,
          },
        ]}
        initialState={initialState as never}
        onCreate={onCreate}
      />
    </TestApiProvider>,
  );
}

function lastChange() {
  return onChangeCalls.mock.calls[onChangeCalls.mock.calls.length - 1]?.[0];
}

describe('NodePoolsChangeField', () => {
  beforeEach(() => {
    onChangeCalls.mockClear();
    onCreate.mockClear();
  });

  it('asks for a cluster first and loads nothing', async () => {
    const requests = answer(values);
    await renderForm({});
    expect(
      await screen.findByTestId('nodepools-change-no-cluster'),
    ).toHaveTextContent('Pick a cluster first');
    expect(requests).toHaveLength(0);
  });

  it('loads the values of the picked cluster and hands source and NodePools to onChange', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>(r => {
      release = r;
    });
    server.use(
      http.get(VALUES_URL, async () => {
        await gate;
        return HttpResponse.json(values);
      }),
    );
    await renderForm({ cluster: CLUSTER });
    expect(
      await screen.findByTestId('nodepools-change-loading'),
    ).toHaveTextContent(`Loading the NodePools of ${CLUSTER}`);
    release();

    const field = await screen.findByTestId('nodepools-change');
    const line = screen.getByTestId('nodepools-change-source');
    expect(line).toHaveTextContent(
      'NodePools of cluster prod-eu from karpenter-values.yaml',
    );
    expect(line).toHaveTextContent('in github.com/acme/prod-eu (branch main).');
    expect(
      within(line).getByRole('link', { name: /karpenter-values\.yaml/ }),
    ).toHaveAttribute('href', values.valuesUrl);
    // the create template's item editor, rendered by RJSF for the nodePools sub-schema
    expect(within(field).getByDisplayValue('general')).toHaveAttribute(
      'id',
      'root_change_nodePools_0_name',
    );
    expect(within(field).getByDisplayValue('batch')).toBeInTheDocument();
    expect(within(field).getByDisplayValue('200')).toHaveAttribute(
      'id',
      'root_change_nodePools_1_limits_cpu',
    );
    expect(onChangeCalls).toHaveBeenCalledWith({
      source,
      nodePools: values.values.nodePools,
    });
  });

  it('edits a NodePool through the RJSF editor and keeps the source', async () => {
    answer(values);
    await renderForm({ cluster: CLUSTER });
    const name = await screen.findByDisplayValue('batch');
    fireEvent.change(name, { target: { value: 'batch-large' } });
    await waitFor(() =>
      expect(lastChange()).toEqual({
        source,
        nodePools: [
          // RJSF adds empty lists for the item schema's arrays (the model reads them as not set)
          expect.objectContaining({ name: 'general', preset: 'general' }),
          expect.objectContaining({
            name: 'batch-large',
            preset: 'batch',
            limits: { cpu: '200' },
          }),
        ],
      }),
    );
    // adding a NodePool uses the item schema: its preset defaults to general
    // the NodePools list's add button comes after those of the lists inside each NodePool
    const adds = screen
      .getAllByTitle('Add Item')
      .filter(b => b.classList.contains('array-item-add'));
    fireEvent.click(adds[adds.length - 1]);
    await waitFor(() => expect(lastChange().nodePools).toHaveLength(3));
    expect(lastChange().nodePools[2]).toEqual(
      expect.objectContaining({ preset: 'general' }),
    );
  });

  it('keeps the edits when the values were already loaded for the cluster (no request)', async () => {
    const requests = answer(values);
    const getEntityValues = jest.spyOn(
      KarpenterClient.prototype,
      'getEntityValues',
    );
    await renderForm({
      cluster: CLUSTER,
      change: { source, nodePools: [{ name: 'edited', preset: 'critical' }] },
    });
    expect(await screen.findByDisplayValue('edited')).toBeInTheDocument();
    expect(screen.queryByDisplayValue('general')).not.toBeInTheDocument();
    // the load would have started in the mount's effect
    expect(getEntityValues).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
    getEntityValues.mockRestore();
    expect(onChangeCalls).not.toHaveBeenCalledWith(
      expect.objectContaining({ nodePools: values.values.nodePools }),
    );
  });

  it('keeps the edits when the user goes back a step and on again', async () => {
    const requests = answer(values);
    await renderForm({ cluster: CLUSTER }, { twoSteps: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    fireEvent.change(await screen.findByDisplayValue('general'), {
      target: { value: 'general-2' },
    });
    await waitFor(() =>
      expect(lastChange().nodePools[0].name).toBe('general-2'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByDisplayValue('general-2')).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it("loads the other cluster when the user picks another one, dropping the first one's values", async () => {
    answer(values);
    const us = { ...values, entityRef: 'resource:default/prod-us' };
    server.use(
      http.get(VALUES_URL.replace('prod-eu', 'prod-us'), () =>
        HttpResponse.json({
          ...us,
          clusterName: 'prod-us',
          values: { nodePools: [{ name: 'us-pool' }] },
        }),
      ),
    );
    await renderForm({ cluster: CLUSTER }, { twoSteps: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByDisplayValue('general')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.change(await screen.findByDisplayValue(CLUSTER), {
      target: { value: 'resource:default/prod-us' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByDisplayValue('us-pool')).toBeInTheDocument();
    expect(screen.queryByDisplayValue('general')).not.toBeInTheDocument();
    expect(onChangeCalls).toHaveBeenCalledWith(undefined);
    expect(lastChange().source.entityRef).toBe('resource:default/prod-us');
  });

  it('explains a 404: the repository has no karpenter-values.yaml; the value stays unset', async () => {
    answer(
      backendError(
        404,
        'NotFoundError',
        'https://github.com/acme/prod-eu/blob/main/karpenter-values.yaml does not exist',
      ),
      404,
    );
    await renderForm({ cluster: CLUSTER });
    const alert = await screen.findByTestId('nodepools-change-error');
    expect(alert).toHaveTextContent(
      `No karpenter-values.yaml was found for ${CLUSTER}. Its repository was created before the Karpenter template wrote that file, or by hand`,
    );
    expect(alert).toHaveTextContent('karpenter-values.yaml does not exist');
    expect(onChangeCalls).not.toHaveBeenCalled();
    // the form cannot go on without the values: RJSF's placeholder for minItems fails the schema
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (await screen.findAllByText(/must have required property/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    expect(screen.getByTestId('nodepools-change-error')).toBeInTheDocument();
  });

  it('explains a 400 with the fields the backend names, and retries', async () => {
    answer(
      backendError(
        400,
        'InputError',
        'resource:default/prod-eu is not a Karpenter cluster entity: annotation karpenter.sh/cluster is missing',
      ),
      400,
    );
    await renderForm({ cluster: CLUSTER });
    const alert = await screen.findByTestId('nodepools-change-error');
    expect(alert).toHaveTextContent(
      'cannot be changed here: it is not a Karpenter cluster entity, has no location to read from, or its karpenter-values.yaml is invalid',
    );
    expect(alert).toHaveTextContent(
      'annotation karpenter.sh/cluster is missing',
    );

    answer(values);
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByDisplayValue('general')).toBeInTheDocument();
  });

  it('says the values could not be loaded on another error', async () => {
    answer(backendError(500, 'Error', 'boom'), 500);
    await renderForm({ cluster: CLUSTER });
    const alert = await screen.findByTestId('nodepools-change-error');
    expect(alert).toHaveTextContent(
      `The NodePools of ${CLUSTER} could not be loaded.`,
    );
    expect(alert).toHaveTextContent('boom');
  });

  it('names the NodePool to change, and warns when the values have no pool of that name', async () => {
    answer(values);
    const { unmount } = await renderForm(
      { cluster: CLUSTER, nodePool: 'batch' },
      { uiOptions: { focusField: 'nodePool' } },
    );
    const focus = await screen.findByTestId('nodepools-change-focus');
    expect(focus).toHaveTextContent('Changing NodePool batch');
    expect(focus).not.toHaveTextContent('no NodePool of that name');
    unmount();

    await renderForm(
      { cluster: CLUSTER, nodePool: 'gpu' },
      { uiOptions: { focusField: 'nodePool' } },
    );
    expect(
      await screen.findByTestId('nodepools-change-focus'),
    ).toHaveTextContent(
      'Changing NodePool gpu: the values of prod-eu have no NodePool of that name.',
    );
  });

  it('validates the NodePools with the template model before the review, naming the field', async () => {
    answer(values);
    await renderForm({ cluster: CLUSTER });
    fireEvent.change(await screen.findByDisplayValue('200'), {
      target: { value: 'lots' },
    });
    await waitFor(() =>
      expect(lastChange().nodePools[1].limits.cpu).toBe('lots'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          /nodePools\[1\]\.limits\.cpu: must be a positive quantity/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    // fixed: the review step is reached
    fireEvent.change(screen.getByDisplayValue('lots'), {
      target: { value: '300' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findByRole('button', { name: 'Create' }),
    ).toBeInTheDocument();
  });
});
