import fs from 'node:fs';
import { loadScenario } from './scenario/load';
import { startControlServer } from './control';
import { startSimulator } from './Simulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  if (process.argv.includes('--help')) {
    process.stdout.write(
      'karpenter-simulator --scenario demo|large|faults|<file.yaml> [--port-base N] [--no-auto-advance] [--time-acceleration N] [--seed N] [--ready-file path] [--control-port N] [--pricing-port N] [--ec2-port N]\n',
    );
    return;
  }
  const scenario = arg('scenario') ?? 'demo';
  const base = arg('port-base') ? Number(arg('port-base')) : undefined;
  const port = (name: string, offset: number): number | undefined => {
    const given = arg(name);
    if (given !== undefined) return Number(given);
    return base !== undefined ? base + offset : undefined;
  };
  // SQS on base, the clusters on base+1, base+2, ... in scenario order, the Price List API on
  // base+90 and EC2 on base+91 (unless --pricing-port / --ec2-port say otherwise).
  const names = loadScenario(scenario).clusters.map(c => c.name);
  const started = await startSimulator({
    scenario,
    autoAdvance: !process.argv.includes('--no-auto-advance'),
    timeAcceleration: arg('time-acceleration')
      ? Number(arg('time-acceleration'))
      : 1,
    seed: arg('seed') ? Number(arg('seed')) : undefined,
    ports: {
      sqs: base,
      pricing: port('pricing-port', 90),
      ec2: port('ec2-port', 91),
      clusters:
        base !== undefined
          ? Object.fromEntries(names.map((n, i) => [n, base + 1 + i]))
          : undefined,
    },
  });
  const controlPort = arg('control-port');
  const control =
    controlPort !== undefined
      ? await startControlServer(started, Number(controlPort))
      : undefined;
  const ready = {
    ready: true,
    scenario,
    clusters: started.clusters,
    sqsEndpoint: started.sqsEndpoint,
    pricingEndpoint: started.pricingEndpoint,
    ec2Endpoint: started.ec2Endpoint,
    control: control?.url,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  const readyFile = arg('ready-file');
  if (readyFile) fs.writeFileSync(readyFile, JSON.stringify(ready, null, 2));
  const stop = async () => {
    await control?.close();
    await started.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(`karpenter-simulator: ${error?.stack ?? error}\n`);
  process.exit(1);
});
