export { DefaultPricingService } from './DefaultPricingService';
export { pricingCostSource } from './clusterCost';
export type {
  ClusterCostFunction,
  ClusterCostSource,
  ClusterSavingsFunction,
} from './clusterCost';
export { clusterRegion, priceDemands } from './demands';
export { defaultPriceClients } from './priceClients';
export { pricingApiRegion, regionOfZone } from './regions';
export { schedulePricing } from './schedulePricing';
export type {
  PriceClientFactory,
  PriceClients,
  PriceDemand,
  PricingService,
} from './types';
