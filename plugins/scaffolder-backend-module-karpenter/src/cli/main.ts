import { isError } from '@backstage/errors';
import path from 'node:path';
import { validateKarpenterTemplateInput } from '@karpenter-backstage/karpenter-template';
import {
  KarpenterInputError,
  renderKarpenterRepository,
  renderValuesFile,
  valueOrThrow,
  writeRenderedFiles,
} from '../render';
import { checkDefaultModuleSource } from '../render/options';
import { parseArgs, USAGE, UsageError } from './args';
import { readValuesFile } from './readValues';

/** Where the CLI prints. @public */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  cwd: string;
}

const defaultIo = (): CliIo => ({
  stdout: line => process.stdout.write(`${line}\n`),
  stderr: line => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});

/**
 * `karpenter-render`: the same validation and renderer as the two scaffolder actions, writing into
 * a directory. Returns the exit code: 0 success, 2 invalid input or usage, 1 other failures.
 *
 * @public
 */
export async function runKarpenterRender(
  argv: string[],
  io: CliIo = defaultIo(),
): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout(USAGE);
      return 0;
    }
    const valuesFile = path.resolve(io.cwd, args.values!);
    const values = await readValuesFile(valuesFile);
    const input = valueOrThrow(
      validateKarpenterTemplateInput(values),
      `Invalid values in ${args.values}`,
    );
    const defaultModuleSource =
      args.moduleSource !== undefined
        ? checkDefaultModuleSource(args.moduleSource, '--module-source')
        : undefined;
    const options = {
      ...(defaultModuleSource ? { defaultModuleSource } : {}),
      defaultModuleSourceSetting: '--module-source',
    };
    const files = [
      ...(await renderKarpenterRepository(input, options)),
      renderValuesFile(values, options),
    ];
    if (args.dryRun) {
      files.forEach(file => io.stdout(`would write ${file.path}`));
      return 0;
    }
    const outDir = path.resolve(io.cwd, args.out!);
    const written = await writeRenderedFiles(outDir, files);
    written.forEach(file => io.stdout(`wrote ${path.join(args.out!, file)}`));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`karpenter-render: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof KarpenterInputError) {
      io.stderr(`karpenter-render: ${error.message.split('\n')[0]}`);
      error.fieldErrors.forEach(e => io.stderr(`  ${e.field}: ${e.message}`));
      io.stderr('Nothing was written.');
      return 2;
    }
    io.stderr(
      `karpenter-render: ${isError(error) ? error.message : String(error)}`,
    );
    return 1;
  }
}
