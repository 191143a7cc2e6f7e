// The health model reads quantities with the one implementation (values/quantity.ts).
export { parseQuantity } from '../values/quantity';
