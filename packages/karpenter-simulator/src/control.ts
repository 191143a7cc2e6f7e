import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Simulator } from './Simulator';

/**
 * A small control API for a simulator running as a process (browser tests, demos):
 * `POST /interrupt {cluster, nodePool?, nodeClaim?, count?, reason?}` (reason: an interruption Event
 * reason, default SpotInterrupted; 400 for another), `POST /consolidate {cluster, nodePool, decision?}`
 * (decision `delete`, the default, or `replace`; answers the NodeClaim, or null when a budget
 * blocks it or nothing cheaper fits; 400 for another decision), `POST /advance {ms}`,
 * `POST /step {TimelineStep}` (answers `{ok: true}`, and `pods`: the new pods' names for
 * `addPods` {cluster, nodePool?, workload?, count?, tolerateTaints?, requests?} and `hitCpuLimit`
 * {cluster, nodePool, count?, workload?}; 400 for a step it cannot run),
 * `POST /faults {Fault}` (answers its id; pricing faults too: `{pricingError, service?}`; 400 for an
 * unknown pricingError or service), `DELETE /faults/:id`, `DELETE /faults`, `GET /requests`,
 * `POST /eks-tokens {cluster, lifetimeSeconds?}` (require EKS tokens valid that long; none: off).
 * @public
 */
export async function startControlServer(
  sim: Simulator,
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const body = chunks.length
        ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
        : {};
      if (req.method === 'POST' && req.url === '/interrupt')
        return send(200, { interrupted: sim.interrupt(body) });
      if (req.method === 'POST' && req.url === '/consolidate') {
        const decision = body.decision ?? 'delete';
        if (decision !== 'delete' && decision !== 'replace')
          return send(400, {
            error: `decision: "delete" or "replace", not ${JSON.stringify(
              decision,
            )}`,
          });
        return send(200, {
          consolidated:
            sim.runtime(body.cluster).consolidate(body.nodePool, decision) ??
            null,
        });
      }
      if (req.method === 'POST' && req.url === '/advance') {
        await sim.advance(Number(body.ms ?? 0));
        return send(200, { now: sim.now() });
      }
      if (req.method === 'POST' && req.url === '/step') {
        const pods = sim.runStep(body);
        return send(200, pods ? { ok: true, pods } : { ok: true });
      }
      if (req.method === 'POST' && req.url === '/faults')
        return send(200, { id: sim.injectFault(body) });
      if (req.method === 'DELETE' && req.url === '/faults') {
        sim.clearFaults();
        return send(200, { ok: true });
      }
      if (req.method === 'DELETE' && req.url?.startsWith('/faults/')) {
        sim.removeFault(decodeURIComponent(req.url.slice('/faults/'.length)));
        return send(200, { ok: true });
      }
      if (req.method === 'POST' && req.url === '/eks-tokens') {
        const seconds = body.lifetimeSeconds;
        if (
          seconds !== undefined &&
          (typeof seconds !== 'number' || !(seconds > 0))
        )
          return send(400, {
            error: 'lifetimeSeconds: must be a positive number of seconds',
          });
        sim.setEksTokens(String(body.cluster), seconds);
        return send(200, { ok: true });
      }
      if (req.method === 'GET' && req.url === '/requests')
        return send(200, sim.requests);
      return send(404, { error: 'unknown control route' });
    } catch (error) {
      return send(400, { error: String((error as Error).message) });
    }
  });
  await new Promise<void>(resolve =>
    server.listen(port, '127.0.0.1', () => resolve()),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
