import { describe, expect, test } from '../../harness/test.js';
import { createCartStore } from './cart-store.js';
import { priceCart } from './cart-view.js';
import { findProduct } from './catalogue.js';

describe('step 3 · cart view with totals', () => {
  test('each line has the name and unit price from the catalogue, and its total in cents', () => {
    const view = priceCart('c1', { 'TEA-BLACK': 3 });
    expect(view.items).toEqual([
      { sku: 'TEA-BLACK', name: 'Assam black tea, 100 g', unitPriceCents: 590, quantity: 3, lineTotalCents: 1770 },
    ]);
  });

  test('subtotalCents is the sum of the line totals, count the number of units (not of lines)', () => {
    const view = priceCart('c1', { 'TEA-BLACK': 3, KETTLE: 1, 'HONEY-250': 2 });
    expect(view.subtotalCents, '3 × 590 + 4999 + 2 × 899 cents').toBe(1770 + 4999 + 1798);
    expect(view.count, 'units: 3 + 1 + 2').toBe(6);
    expect(view.cartId).toBe('c1');
  });

  test('all money is whole cents: no float sums like 17.700000000000003', () => {
    const view = priceCart('c1', { 'TEA-BLACK': 3, 'TEA-GREEN': 7, 'HONEY-250': 11 });
    for (const value of [
      view.subtotalCents,
      ...view.items.flatMap((line) => [line.unitPriceCents, line.lineTotalCents]),
    ]) {
      expect(Number.isInteger(value), `${value} is whole cents`).toBe(true);
    }
    expect(view.subtotalCents).toBe(3 * 590 + 7 * 650 + 11 * 899);
  });

  test('lines are sorted by SKU', () => {
    const view = priceCart('c1', { 'TEA-GREEN': 1, KETTLE: 1, 'FILTER-50': 1 });
    expect(view.items.map((line) => line.sku)).toEqual(['FILTER-50', 'KETTLE', 'TEA-GREEN']);
  });

  test('an empty cart has no items, a subtotal of 0 and a count of 0', () => {
    expect(priceCart('c1', {})).toEqual({ cartId: 'c1', items: [], subtotalCents: 0, count: 0 });
  });

  test('a SKU the catalogue does not know (any more) is left out', () => {
    expect(findProduct('RETIRED')).toBeUndefined();
    expect(priceCart('c1', { RETIRED: 2, KETTLE: 1 }).items.map((line) => line.sku)).toEqual(['KETTLE']);
  });

  test('view reads the cart from Redis and prices it', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 2);
    await carts.add('c1', 'MUG-WHITE', 1);
    expect(await carts.view('c1')).toEqual(priceCart('c1', { 'TEA-GREEN': 2, 'MUG-WHITE': 1 }));
    expect((await carts.view('c1')).subtotalCents).toBe(2 * 650 + 1200);
  });

  test('view of an unknown cart is an empty cart, and writes nothing', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    expect(await carts.view('nobody')).toEqual({ cartId: 'nobody', items: [], subtotalCents: 0, count: 0 });
    expect(await redis.exists(carts.keyFor('nobody'))).toBe(0);
  });

  test('view ignores a line that does not hold a whole quantity (never a crash)', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await redis.hSet(carts.keyFor('c1'), { KETTLE: '1', 'TEA-GREEN': 'lots', 'MUG-WHITE': '-2' });
    expect((await carts.view('c1')).items.map((line) => line.sku)).toEqual(['KETTLE']);
  });
});
