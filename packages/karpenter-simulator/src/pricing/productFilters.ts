import { isJsonObject } from '../model/json';
import type { Product } from './products';

/** A GetProducts filter as the API takes it: `{Type, Field, Value}`. */
export interface ProductFilter {
  type: 'TERM_MATCH' | 'EQUALS' | 'CONTAINS' | 'ANY_OF' | 'NONE_OF';
  field: string;
  value: string;
}

const TYPES: readonly ProductFilter['type'][] = [
  'TERM_MATCH',
  'EQUALS',
  'CONTAINS',
  'ANY_OF',
  'NONE_OF',
];

/** The request's `Filters`, or the InvalidParameterException message for a malformed one. */
export function parseFilters(value: unknown): ProductFilter[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return 'Filters: must be a list';
  const filters: ProductFilter[] = [];
  for (const f of value) {
    const type = isJsonObject(f) ? f.Type ?? 'TERM_MATCH' : undefined;
    const field = isJsonObject(f) ? f.Field : undefined;
    const filterValue = isJsonObject(f) ? f.Value : undefined;
    if (typeof type !== 'string' || !TYPES.some(t => t === type))
      return `Filters: Type must be one of ${TYPES.join(', ')}`;
    if (typeof field !== 'string' || typeof filterValue !== 'string')
      return 'Filters: each filter needs a Field and a Value';
    filters.push({
      type: type as ProductFilter['type'],
      field,
      value: filterValue,
    });
  }
  return filters;
}

/**
 * A product's value of a filter field: an attribute (field names are case-insensitive, so
 * Karpenter's `serviceCode` matches the attribute `servicecode`), `productFamily` or `sku`.
 */
function fieldOf(product: Product, field: string): string | undefined {
  const wanted = field.toLowerCase();
  if (wanted === 'productfamily') return product.productFamily;
  if (wanted === 'sku') return product.sku;
  const key = Object.keys(product.attributes).find(
    k => k.toLowerCase() === wanted,
  );
  return key === undefined ? undefined : product.attributes[key];
}

/** Whether a product passes every filter (a product without the field passes none but NONE_OF). */
export function matches(product: Product, filters: ProductFilter[]): boolean {
  return filters.every(f => {
    const actual = fieldOf(product, f.field);
    const list = () => f.value.split(',').map(v => v.trim());
    switch (f.type) {
      case 'TERM_MATCH':
      case 'EQUALS':
        return actual === f.value;
      case 'CONTAINS':
        return actual !== undefined && actual.includes(f.value);
      case 'ANY_OF':
        return actual !== undefined && list().includes(actual);
      case 'NONE_OF':
        return actual === undefined || !list().includes(actual);
      default:
        return false;
    }
  });
}
