import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, inviteAndJoin, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
});
afterAll(() => ctx.close());

const csv = (text: string) => ({ filename: 'products.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const count = async () => (await owner.get('/api/v1/products')).json().items.length as number;

describe('products', () => {
  it('creates, edits (keeping omitted fields) and deletes a product', async () => {
    const res = await owner.post('/api/v1/products', { sku: 'A-1', name: '保湿面膜', category: 'beauty', listPriceFen: 9900, livePriceFen: 5990, stock: 100, sellingPoints: ['补水'], imageUrls: ['https://img.example.com/a.jpg'] });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const patched = await owner.patch(`/api/v1/products/${id}`, { livePriceFen: 4990 });
    expect(patched.json()).toMatchObject({ livePriceFen: 4990, sellingPoints: ['补水'], imageUrls: ['https://img.example.com/a.jpg'] });
    expect((await owner.post('/api/v1/products', { sku: 'A-1', name: 'x', category: 'food', listPriceFen: 1, livePriceFen: 1, stock: 0 })).json().error.code).toBe('product/sku-taken');
    const bad = await owner.post('/api/v1/products', { sku: 'A-2', name: 'x', category: 'toys', listPriceFen: -1, livePriceFen: 1.5, stock: 0, imageUrls: ['javascript:alert(1)'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'imageUrls.0', 'listPriceFen', 'livePriceFen']);
    expect((await owner.delete(`/api/v1/products/${id}`)).statusCode).toBe(204);
  });

  it('previews a CSV import with per-row errors, and applies nothing while any row is bad', async () => {
    const file = csv(
      ['sku,name,category,list_price,live_price,stock,selling_points', 'B-1,坚果礼盒,食品,129,99.9,50,每日坚果;独立包装', 'B-2,,toys,abc,10,x,', 'B-1,重复,food,1,1,1,'].join('\n'),
    );
    const preview = await owner.post('/api/v1/products/import/preview', file);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'error'], [4, 'error']]);
    expect(p.rows[0].product).toMatchObject({ sku: 'B-1', category: 'food', listPriceFen: 12900, livePriceFen: 9990, sellingPoints: ['每日坚果', '独立包装'] });
    const row3 = p.errors.filter((e: { row: number }) => e.row === 3).map((e: { column: string }) => e.column).sort();
    expect(row3).toEqual(['category', 'list_price', 'name', 'stock']);
    expect(p.errors.some((e: { row: number; column: string }) => e.row === 4 && e.column === 'sku')).toBe(true);
    const before = await count();
    const apply = await owner.post('/api/v1/products/import', file);
    expect(apply.statusCode).toBe(400);
    expect(apply.json().error.code).toBe('product/import-invalid');
    expect(apply.json().error.details.errors.length).toBe(p.errors.length);
    expect(await count()).toBe(before);
  });

  it('imports an XLSX file whole, updating existing SKUs', async () => {
    await owner.post('/api/v1/products', { sku: 'C-1', name: '旧名字', category: 'apparel', listPriceFen: 100, livePriceFen: 100, stock: 1 });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('商品');
    sheet.addRow(['SKU', '商品名称', '类目', '原价', '直播价', '库存', '图片']);
    sheet.addRow(['C-1', '针织开衫', '服饰', 299, 199, 80, 'https://img.example.com/c1.jpg https://img.example.com/c1b.jpg']);
    sheet.addRow(['C-2', '阔腿裤', 'apparel', '159.00', '¥129', 40, '']);
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await owner.post('/api/v1/products/import', { filename: 'goods.xlsx', contentBase64 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ creates: 1, updates: 1, errors: [] });
    const items = (await owner.get('/api/v1/products?category=apparel')).json().items;
    expect(items.find((i: { sku: string }) => i.sku === 'C-1')).toMatchObject({ name: '针织开衫', listPriceFen: 29900, livePriceFen: 19900, stock: 80, imageUrls: ['https://img.example.com/c1.jpg', 'https://img.example.com/c1b.jpg'] });
    expect(items.find((i: { sku: string }) => i.sku === 'C-2')).toMatchObject({ listPriceFen: 15900, livePriceFen: 12900 });
  });

  it('refuses unreadable files and wrong extensions clearly', async () => {
    expect((await owner.post('/api/v1/products/import/preview', { filename: 'x.pdf', contentBase64: 'AAAA' })).statusCode).toBe(400);
    const res = await owner.post('/api/v1/products/import/preview', { filename: 'x.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') });
    expect(res.statusCode).toBe(200);
    expect(res.json().errors[0].row).toBe(0);
  });

  it('lets members read but not write products', async () => {
    const member = await inviteAndJoin(owner, 'm-products@example.com', 'member');
    expect((await member.get('/api/v1/products')).statusCode).toBe(200);
    expect((await member.post('/api/v1/products', { sku: 'Z', name: 'z', category: 'other', listPriceFen: 1, livePriceFen: 1, stock: 1 })).statusCode).toBe(403);
  });
});
