/** Parsed command line of `karpenter-render`. */
export interface CliArgs {
  values?: string;
  out?: string;
  moduleSource?: string;
  dryRun: boolean;
  help: boolean;
}

export const USAGE = `Usage: karpenter-render --values <file.yaml|file.json> --out <dir> [options]

Renders the Karpenter repository files the portal's template renders: terraform/*.tf,
manifests/*.yaml (EC2NodeClass + NodePool per pool, kustomization.yaml) and karpenter-values.yaml
(the values, with the module source used). In a generated repository,
  karpenter-render --values karpenter-values.yaml --out .
reproduces the rendered files byte for byte.

Options:
  --values <file>         values file (YAML or JSON) in the template's input model
  --out <dir>             directory to write into (created if missing)
  --module-source <src>   module source used when the values name none (required then)
  --dry-run               validate and render, list the files, write nothing
  -h, --help              show this help

Exit codes: 0 rendered; 2 invalid input or usage (every field error is listed, nothing is
written); 1 any other failure.`;

/** Thrown for a command line that cannot be understood (exit code 2). */
export class UsageError extends Error {}

const WITH_VALUE: Record<string, keyof CliArgs> = {
  '--values': 'values',
  '--out': 'out',
  '--module-source': 'moduleSource',
};

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { dryRun: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '-h' || name === '--help') {
      args.help = true;
    } else if (name === '--dry-run') {
      args.dryRun = true;
    } else if (WITH_VALUE[name]) {
      const value = eq > 0 && name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') {
        throw new UsageError(`${name} needs a value`);
      }
      (args as any)[WITH_VALUE[name]] = value;
    } else {
      throw new UsageError(`unknown argument: ${arg}`);
    }
  }
  if (!args.help) {
    if (!args.values) {
      throw new UsageError('--values is required');
    }
    if (!args.out && !args.dryRun) {
      throw new UsageError('--out is required (or use --dry-run)');
    }
  }
  return args;
}
