import { CodeSnippet } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { KARPENTER_CLUSTER_ANNOTATION } from '@karpenter-backstage/plugin-karpenter-common';

const EXAMPLE = `metadata:
  annotations:
    ${KARPENTER_CLUSTER_ANNOTATION}: <cluster name from app-config>
    # optional: karpenter.sh/nodepools: general,batch`;

/** The empty state: what to add to catalog-info.yaml. @internal */
export function NotConfigured(props: { message?: string }) {
  return (
    <>
      <Typography variant="body2" paragraph>
        {props.message ?? 'Karpenter is not configured for this entity.'} Add
        the annotation to its catalog-info.yaml:
      </Typography>
      <CodeSnippet language="yaml" text={EXAMPLE} />
    </>
  );
}
