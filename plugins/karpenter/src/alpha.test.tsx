import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import karpenterPlugin, {
  karpenterEntityCard,
  karpenterEntityContent,
} from './alpha';

const resource = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'c', annotations },
});

describe('karpenter plugin for the new frontend system', () => {
  it('has pluginId karpenter and provides the API, the card and the tab', () => {
    expect(karpenterPlugin.pluginId).toBe('karpenter');
    for (const id of [
      'api:karpenter',
      'entity-card:karpenter/overview',
      'entity-content:karpenter/karpenter',
    ] as const) {
      expect(karpenterPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('mounts the tab at /karpenter titled "Karpenter"', () => {
    const tester = createExtensionTester(karpenterEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/karpenter');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Karpenter');
  });

  it('filters the card and the tab with isKarpenterAvailable', () => {
    for (const filter of [
      createExtensionTester(karpenterEntityCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
      createExtensionTester(karpenterEntityContent).get(
        EntityContentBlueprint.dataRefs.filterFunction,
      ),
    ]) {
      expect(filter?.(resource({ 'karpenter.sh/cluster': 'demo' }))).toBe(true);
      expect(filter?.(resource())).toBe(false);
    }
  });
});
