import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** One rendered file: a relative POSIX path and its full content. */
export interface RenderedFile {
  path: string;
  content: string;
}

/**
 * Writes rendered files under `root` all-or-nothing as far as a file system allows: every target
 * is resolved with `resolveSafeChildPath` first (nothing escapes `root`, also via symlinks) and
 * must be absent or a regular file, each file is written to a temporary sibling, and only when
 * all are written are they renamed into place (an atomic step per file). On failure the
 * temporary files are removed.
 */
export async function writeRenderedFiles(
  root: string,
  files: RenderedFile[],
): Promise<string[]> {
  const targets = files.map(file => ({
    target: resolveSafeChildPath(root, file.path),
    content: file.content,
  }));
  for (const { target } of targets) {
    const existing = await fs.lstat(target).catch(() => undefined);
    if (existing && !existing.isFile()) {
      throw new ConflictError(
        `Cannot write ${path.relative(
          root,
          target,
        )}: a folder or special file is in the way`,
      );
    }
  }
  const suffix = `.karpenter-${randomBytes(6).toString('hex')}.tmp`;
  const written: string[] = [];
  try {
    for (const { target, content } of targets) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // re-check after creating folders: a symlinked folder must not lead outside the root
      resolveSafeChildPath(root, path.relative(root, target));
      await fs.writeFile(`${target}${suffix}`, content, {
        encoding: 'utf8',
        flag: 'wx',
      });
      written.push(target);
    }
    for (const target of written) {
      await fs.rename(`${target}${suffix}`, target);
    }
  } catch (error) {
    await Promise.all(
      written.map(target => fs.rm(`${target}${suffix}`, { force: true })),
    );
    throw error;
  }
  return files.map(file => file.path);
}
