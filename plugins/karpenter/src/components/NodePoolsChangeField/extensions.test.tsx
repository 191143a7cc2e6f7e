import { getComponentData } from '@backstage/core-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import karpenterPlugin, {
  karpenterNodePoolsChangeFormField,
} from '../../alpha';
import { KarpenterNodePoolsChangeFieldExtension } from '../../plugin';
import { NodePoolsChangeField } from './NodePoolsChangeField';
import { validateNodePoolsChange } from './validation';

// Loading the plugin (both frontend systems) takes a while under load.
jest.setTimeout(20_000);

describe('the KarpenterNodePoolsChange field extension', () => {
  it('is a lazily loaded form field of the plugin in the new frontend system', async () => {
    expect(
      karpenterPlugin.getExtension(
        'scaffolder-form-field:karpenter/karpenter-nodepools-change',
      ),
    ).toBeDefined();
    const loader = createExtensionTester(karpenterNodePoolsChangeFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    expect(await loader()).toMatchObject({
      name: 'KarpenterNodePoolsChange',
      component: NodePoolsChangeField,
      validation: validateNodePoolsChange,
    });
  });

  it('is a scaffolder field extension in the legacy frontend system', () => {
    expect(
      getComponentData(
        <KarpenterNodePoolsChangeFieldExtension />,
        'scaffolder.extensions.field.v1',
      ),
    ).toMatchObject({
      name: 'KarpenterNodePoolsChange',
      component: NodePoolsChangeField,
      validation: validateNodePoolsChange,
    });
  });
});
