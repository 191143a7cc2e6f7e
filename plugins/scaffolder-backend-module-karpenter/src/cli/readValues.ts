import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { KarpenterInputError } from '../render';

/** Reads the values file: JSON for `.json`, YAML (1.2, unique keys) otherwise. */
export async function readValuesFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new KarpenterInputError('Cannot read the values file', [
      { field: file, message: (error as Error).message },
    ]);
  }
  try {
    return file.toLowerCase().endsWith('.json')
      ? JSON.parse(text)
      : parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new KarpenterInputError('Cannot parse the values file', [
      { field: file, message: (error as Error).message.split('\n')[0] },
    ]);
  }
}
