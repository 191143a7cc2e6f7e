export {
  ConsolidationSavings,
  consolidationSavingsText,
} from './ConsolidationSavings';
