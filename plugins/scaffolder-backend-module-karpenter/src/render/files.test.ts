import fs from 'node:fs/promises';
import path from 'node:path';
import { listFiles, makeTempDir } from '../__testUtils__/mockActionContext';
import { writeRenderedFiles } from './files';

describe('writeRenderedFiles', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('writes every file below the root and replaces earlier renders', async () => {
    const root = path.join(tmp.dir, 'ws');
    await fs.mkdir(path.join(root, 'terraform'), { recursive: true });
    await fs.writeFile(path.join(root, 'terraform/main.tf'), 'old');
    await expect(
      writeRenderedFiles(root, [
        { path: 'terraform/main.tf', content: 'new' },
        { path: 'manifests/a.yaml', content: 'a: 1\n' },
      ]),
    ).resolves.toEqual(['terraform/main.tf', 'manifests/a.yaml']);
    expect(await listFiles(root)).toEqual([
      'manifests/a.yaml',
      'terraform/main.tf',
    ]);
    expect(
      await fs.readFile(path.join(root, 'terraform/main.tf'), 'utf8'),
    ).toBe('new');
  });

  it('refuses to replace a folder, writing nothing', async () => {
    const root = path.join(tmp.dir, 'ws');
    await fs.mkdir(path.join(root, 'docs/index.md'), { recursive: true });
    const attempt = writeRenderedFiles(root, [
      { path: 'README.md', content: 'x' },
      { path: 'docs/index.md', content: 'x' },
    ]);
    await expect(attempt).rejects.toThrow(
      'Cannot write docs/index.md: a folder or special file is in the way',
    );
    await expect(attempt).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses paths outside the root before writing anything', async () => {
    const root = path.join(tmp.dir, 'ws');
    await fs.mkdir(root);
    await expect(
      writeRenderedFiles(root, [
        { path: 'ok.txt', content: 'x' },
        { path: '../escape.txt', content: 'x' },
      ]),
    ).rejects.toThrow(/outside its parent/);
    expect(await listFiles(tmp.dir)).toEqual([]);
  });

  it('refuses to follow a symlink out of the root', async () => {
    const root = path.join(tmp.dir, 'ws');
    const outside = path.join(tmp.dir, 'outside');
    await fs.mkdir(root);
    await fs.mkdir(outside);
    await fs.symlink(outside, path.join(root, 'manifests'));
    await expect(
      writeRenderedFiles(root, [{ path: 'manifests/a.yaml', content: 'x' }]),
    ).rejects.toThrow(/outside its parent/);
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it('leaves no partial files when a write fails', async () => {
    const root = path.join(tmp.dir, 'ws');
    await fs.mkdir(path.join(root, 'terraform'), { recursive: true });
    await fs.writeFile(path.join(root, 'terraform/main.tf'), 'old');
    // a folder where a file must go makes the second write fail
    await fs.mkdir(path.join(root, 'manifests/a.yaml'), { recursive: true });
    await expect(
      writeRenderedFiles(root, [
        { path: 'terraform/main.tf', content: 'new' },
        { path: 'manifests/a.yaml/', content: 'x' },
        { path: 'manifests/b.yaml', content: 'x' },
      ]),
    ).rejects.toThrow();
    expect(await listFiles(root)).toEqual(['terraform/main.tf']);
    expect(
      await fs.readFile(path.join(root, 'terraform/main.tf'), 'utf8'),
    ).toBe('old');
  });
});
