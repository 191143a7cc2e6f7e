#!/usr/bin/env node
/*
 * The local portal's stand-in for the demo cluster's repository: serves the files of
 * examples/demo-repository/ over plain HTTP on loopback, at http://127.0.0.1:17181/demo/<file>,
 * as a git host serves raw files. The demo cluster entity (examples/entities.yaml) names it as its
 * source location and app-config.yaml allows the backend to read it (backend.reading.allow), so
 * the "Change Karpenter NodePools" template can start from its karpenter-values.yaml.
 * Started by scripts/run-portal.sh. Port: KARPENTER_DEMO_REPOSITORY_PORT (default 17181).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../examples/demo-repository',
);
const port = Number(process.env.KARPENTER_DEMO_REPOSITORY_PORT ?? 17181);
const files = new Set(fs.readdirSync(root));

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const name = pathname.startsWith('/demo/')
    ? pathname.slice('/demo/'.length)
    : '';
  if (req.method !== 'GET' || !files.has(name)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8' });
  res.end(fs.readFileSync(path.join(root, name)));
});
server.listen(port, '127.0.0.1', () => {
  console.log(
    `[demo-repository] serving ${root} on http://127.0.0.1:${port}/demo/`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
