import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import corpus from './scanner/corpus/corpus.json';
import { compileScanner, DEFAULT_LOOKALIKES, DEFAULT_PACKS, type ScanInput } from './scanner';
import { compileStored, currentRules, readRevision } from './compliance.registry';
import { seedCompliancePacks } from './packs.defaults';
import { createTestContext, type TestContext } from '../../test/harness';

// The shipped packs, written to the tables and loaded back, scan exactly like the packs compiled straight from code.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const families = corpus.families as Record<string, { cases: { text: string }[]; traps: string[] }>;
const texts = Object.values(families).flatMap((f) => [...f.cases.map((c) => c.text), ...f.traps]);
const inputs: ScanInput[] = texts.flatMap((text) => [
  { text },
  ...(['script', 'comment', 'transcript', 'title', 'product_copy'] as const).map((context) => ({ text, context })),
  ...(['cosmetics', 'food', 'health_food', 'general'] as const).map((category) => ({ text, category, context: 'script' as const })),
]);

describe('stored default packs', () => {
  it('scan with the shipped packs before anything is stored', async () => {
    const shipped = compileScanner(DEFAULT_PACKS);
    const stored = await compileStored(ctx.deps.db);
    expect(stored.scan({ text: '全网最低价，加我薇信' })).toEqual(shipped.scan({ text: '全网最低价，加我薇信' }));
  });

  it('are seeded once, with the look-alike table, and bump the revision', async () => {
    const before = await readRevision(ctx.deps.db);
    expect(await seedCompliancePacks(ctx.deps.db)).toBe(true);
    expect(await seedCompliancePacks(ctx.deps.db)).toBe(false);
    expect(await readRevision(ctx.deps.db)).toBe(before + 1);
    const packs = await ctx.deps.db.selectFrom('compliance_packs').select(['key', 'builtin']).orderBy('position').execute();
    expect(packs.map((p) => p.key)).toEqual(DEFAULT_PACKS.map((p) => p.id));
    expect(packs.every((p) => Number(p.builtin) === 1)).toBe(true);
    const lookalikes = await ctx.deps.db.selectFrom('compliance_lookalikes').select(['variant', 'canonical']).orderBy('id').execute();
    expect(lookalikes.map((l) => ({ from: l.variant, to: l.canonical }))).toEqual(DEFAULT_LOOKALIKES);
    const categories = await ctx.deps.db.selectFrom('compliance_categories').selectAll().execute();
    const used = new Set(DEFAULT_PACKS.flatMap((p) => [...p.rules, ...(p.patterns ?? [])].map((r) => r.category)));
    expect(new Set(categories.map((c) => c.key))).toEqual(used);
    expect(categories.every((c) => c.name_zh !== c.key && c.name_en !== c.key)).toBe(true);
  });

  it(`find exactly what the shipped packs find on the scanner corpus (${texts.length} texts, by context and category)`, async () => {
    const shipped = compileScanner(DEFAULT_PACKS);
    const { scanner } = await currentRules(ctx.deps.db);
    let findings = 0;
    for (const input of inputs) {
      const expected = shipped.scan(input);
      findings += expected.length;
      expect(scanner.scan(input), JSON.stringify(input)).toEqual(expected);
    }
    expect(findings).toBeGreaterThan(100);
  });

  it('are compiled once per revision, however many scans ask at once', async () => {
    const { bumpRevision } = await import('./compliance.registry');
    await bumpRevision(ctx.deps.db);
    const all = await Promise.all(Array.from({ length: 8 }, () => currentRules(ctx.deps.db)));
    expect(new Set(all.map((r) => r.scanner)).size).toBe(1);
    expect((await currentRules(ctx.deps.db)).scanner).toBe(all[0]!.scanner);
  });
});
