import Typography from '@material-ui/core/Typography';

/**
 * The note shown when a refresh failed while the last answer stays on screen.
 *
 * @internal
 */
export function RefreshFailed(props: { error?: Error; testId?: string }) {
  if (!props.error) return null;
  return (
    <Typography
      variant="caption"
      color="error"
      component="p"
      data-testid={props.testId}
    >
      Refresh failed: {props.error.message} (showing the last answer)
    </Typography>
  );
}
