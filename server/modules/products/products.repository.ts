import type { ProductCategory, ProductInput, ProductView } from '../../../contracts/planning';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';

export type ProductRow = Database['products'];

export function toProductView(r: ProductRow): ProductView {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    category: r.category as ProductCategory,
    listPriceFen: Number(r.list_price_fen),
    livePriceFen: Number(r.live_price_fen),
    stock: Number(r.stock),
    sellingPoints: json.parse<string[]>(r.selling_points, []),
    imageUrls: json.parse<string[]>(r.image_urls, []),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function productRow(input: ProductInput, id: string, at: string, createdAt = at): ProductRow {
  return {
    id,
    sku: input.sku,
    name: input.name,
    category: input.category,
    list_price_fen: input.listPriceFen,
    live_price_fen: input.livePriceFen,
    stock: input.stock,
    selling_points: json.stringify(input.sellingPoints),
    image_urls: json.stringify(input.imageUrls),
    created_at: createdAt,
    updated_at: at,
  };
}

export async function listProducts(db: Executor, q: { category?: string; q?: string }): Promise<ProductView[]> {
  let query = db.selectFrom('products').selectAll().orderBy('sku');
  if (q.category) query = query.where('category', '=', q.category);
  let rows = await query.execute();
  const needle = q.q?.toLowerCase();
  if (needle) rows = rows.filter((r) => r.name.toLowerCase().includes(needle) || r.sku.toLowerCase().includes(needle));
  return rows.map(toProductView);
}

export function findProductRow(db: Executor, id: string) {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProductBySku(db: Executor, sku: string) {
  return db.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirst();
}
