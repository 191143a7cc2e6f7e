import { parse } from '@cdktn/hcl2json';
import { format } from '@cdktn/hcl-tools';

/** Results for recent texts: the constant files (versions.tf, outputs.tf) are checked once. */
const recent = new Map<string, Promise<string>>();
const RECENT_LIMIT = 32;

async function formatAndCheck(fileName: string, text: string): Promise<string> {
  const formatted = await format(text);
  // parse the formatted text: it must be valid HCL (hcl2json reports syntax errors)
  await parse(fileName, formatted);
  return formatted;
}

/**
 * Formats HCL canonically (`terraform fmt` rules, via hclwrite in @cdktn/hcl-tools) and proves
 * the result parses (@cdktn/hcl2json). Returns the formatted text.
 */
export async function formatAndParseHcl(
  fileName: string,
  text: string,
): Promise<string> {
  const key = `${fileName}\u0000${text}`;
  let result = recent.get(key);
  if (!result) {
    result = formatAndCheck(fileName, text);
    recent.set(key, result);
    result.catch(() => recent.delete(key));
    if (recent.size > RECENT_LIMIT) {
      recent.delete(recent.keys().next().value!);
    }
  }
  return result;
}
