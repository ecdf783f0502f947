import type { ProductImportInput, ProductImportPreview, ProductInput, ProductUpdateInput, ProductView } from '../../../contracts/planning';
import type { Actor, Deps } from '../../platform/context';
import { withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import * as repo from './products.repository';
import { parseProductRows, readSheet } from './products.import';

const fields = (v: ProductView) => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
};

export async function createProduct(deps: Deps, actor: Actor, input: ProductInput, id = newId()): Promise<ProductView> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findProductBySku(trx, input.sku)) throw new DomainError('product/sku-taken', [{ path: 'sku', message: input.sku }]);
    const row = repo.productRow(input, id, nowIso());
    await trx.insertInto('products').values(row).execute();
    const view = repo.toProductView(row);
    await recordAudit(trx, actor, { action: 'create', entityType: 'product', entityId: id, summary: { zh: `新增商品 ${input.sku} ${input.name}`, en: `Added product ${input.sku} ${input.name}` }, after: fields(view) });
    return view;
  });
}

export async function updateProduct(deps: Deps, actor: Actor, id: string, input: ProductUpdateInput): Promise<ProductView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await repo.findProductRow(trx, id);
    if (!row) throw new DomainError('product/not-found');
    const before = repo.toProductView(row);
    const merged: ProductInput = { ...fields(before), ...input };
    if (merged.sku !== before.sku && (await repo.findProductBySku(trx, merged.sku))) throw new DomainError('product/sku-taken', [{ path: 'sku', message: merged.sku }]);
    const next = repo.productRow(merged, id, nowIso(), row.created_at);
    await trx.updateTable('products').set(next).where('id', '=', id).execute();
    const view = repo.toProductView(next);
    await recordAudit(trx, actor, { action: 'update', entityType: 'product', entityId: id, summary: { zh: `修改商品 ${view.sku}`, en: `Updated product ${view.sku}` }, ...changedFields(fields(before), fields(view)) });
    return view;
  });
}

export async function deleteProduct(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await repo.findProductRow(trx, id);
    if (!row) throw new DomainError('product/not-found');
    if (await trx.selectFrom('session_slots').select('id').where('product_id', '=', id).executeTakeFirst()) throw new DomainError('product/in-use');
    await trx.deleteFrom('products').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'product', entityId: id, summary: { zh: `删除商品 ${row.sku}`, en: `Deleted product ${row.sku}` }, before: fields(repo.toProductView(row)) });
  });
}

async function preview(db: Executor, input: ProductImportInput): Promise<ProductImportPreview> {
  let raw: Record<string, unknown>[];
  try {
    raw = await readSheet(input.filename, Buffer.from(input.contentBase64, 'base64'));
  } catch {
    return { rows: [], errors: [{ row: 0, column: null, message: 'the file cannot be read as CSV/XLSX / 无法读取该文件' }], creates: 0, updates: 0 };
  }
  const { rows, missingColumns } = parseProductRows(raw);
  const errors = rows.flatMap((r) => r.errors);
  for (const c of missingColumns) errors.unshift({ row: 1, column: c, message: `missing column ${c} / 缺少列 ${c}` });
  if (raw.length === 0) errors.push({ row: 0, column: null, message: 'the file has no rows / 文件中没有数据行' });
  const existing = new Set((await db.selectFrom('products').select('sku').execute()).map((r) => r.sku));
  let creates = 0;
  let updates = 0;
  const out = rows.map((r) => {
    const action = !r.product ? ('error' as const) : existing.has(r.product.sku) ? ('update' as const) : ('create' as const);
    if (action === 'create') creates++;
    if (action === 'update') updates++;
    return { row: r.row, product: r.product, action };
  });
  return { rows: out, errors, creates, updates };
}

export function previewImport(deps: Deps, input: ProductImportInput): Promise<ProductImportPreview> {
  return preview(deps.db, input);
}

/** Applies an import whole or not at all: any row error and nothing is written. Existing SKUs are updated. */
export async function applyImport(deps: Deps, actor: Actor, input: ProductImportInput): Promise<ProductImportPreview> {
  return withTransaction(deps.db, async (trx) => {
    const result = await preview(trx, input);
    if (result.errors.length) throw new DomainError('product/import-invalid', undefined, { errors: result.errors });
    const at = nowIso();
    for (const r of result.rows) {
      const p = r.product!;
      const existing = await repo.findProductBySku(trx, p.sku);
      if (existing) await trx.updateTable('products').set(repo.productRow(p, existing.id, at, existing.created_at)).where('id', '=', existing.id).execute();
      else await trx.insertInto('products').values(repo.productRow(p, newId(), at)).execute();
    }
    await recordAudit(trx, actor, { action: 'create', entityType: 'product', entityId: null, summary: { zh: `导入 ${input.filename}：新增 ${result.creates}，更新 ${result.updates}`, en: `Imported ${input.filename}: ${result.creates} new, ${result.updates} updated` }, after: { filename: input.filename, creates: result.creates, updates: result.updates } });
    return result;
  });
}
