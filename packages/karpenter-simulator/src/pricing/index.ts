/**
 * The AWS pricing APIs Karpenter reads prices from, simulated on loopback with their wire
 * protocols (aws/karpenter-provider-aws `pkg/providers/pricing/pricing.go`): on-demand prices
 * from the Price List API's GetProducts (`PricingServer.ts`), spot prices from EC2
 * DescribeSpotPriceHistory (`Ec2Server.ts`), both from the scenario's price table
 * (`priceTable.ts`).
 */
import { Ec2Server } from './Ec2Server';
import type { PricingServerOptions } from './loopbackServer';
import { PricingServer } from './PricingServer';

export type { PriceTable } from './priceTable';
export { ScenarioPriceTable } from './priceTable';
export { checkPricingFault, isPricingFault } from './faults';

/** The two pricing endpoints, listening. */
export interface PricingEndpoints {
  pricingEndpoint: string;
  ec2Endpoint: string;
  close(): Promise<void>;
}

/** Starts the Price List and EC2 endpoints (port 0: any free port). */
export async function startPricingServers(
  options: PricingServerOptions,
  ports: { pricing?: number; ec2?: number } = {},
): Promise<PricingEndpoints> {
  const pricing = new PricingServer(options);
  const ec2 = new Ec2Server(options);
  const pricingEndpoint = await pricing.listen(ports.pricing ?? 0);
  const ec2Endpoint = await ec2.listen(ports.ec2 ?? 0).catch(async error => {
    await pricing.close();
    throw error;
  });
  return {
    pricingEndpoint,
    ec2Endpoint,
    close: async () => {
      await Promise.all([pricing.close(), ec2.close()]);
    },
  };
}
