import { ClusterError } from '@karpenter-backstage/plugin-karpenter-common';
import Alert from '@material-ui/lab/Alert';

/** Inline error of one cluster; the other clusters are still shown. @internal */
export function ClusterErrorPanel(props: {
  cluster: string;
  error: ClusterError;
}) {
  return (
    <Alert severity="error" data-testid={`cluster-error-${props.cluster}`}>
      Cluster <strong>{props.cluster}</strong> could not be read (
      {props.error.code}): {props.error.message}
    </Alert>
  );
}
