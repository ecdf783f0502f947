import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config';
import { migrateToLatest, openDatabase } from '../../platform/db';
import { openRuntime } from '../../platform/runtime';
import { readRevision } from './compliance.registry';
import { DEFAULT_PACKS } from './scanner';

describe('on start', () => {
  // The start path opens its own database from the config: a SQLite file of its own (dialect-independent, so it runs once).
  it('gives a database that predates the stored packs the shipped ones, once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-packs-'));
    try {
      const config = parseConfig({ DATA_DIR: dataDir });
      const old = openDatabase(config.database);
      await migrateToLatest(old.db);
      expect(await old.db.selectFrom('compliance_packs').select('id').execute()).toEqual([]);
      await old.close();

      const first = await openRuntime(config);
      const keys = (await first.deps.db.selectFrom('compliance_packs').select('key').orderBy('position').execute()).map((r) => r.key);
      expect(keys).toEqual(DEFAULT_PACKS.map((p) => p.id));
      const revision = await readRevision(first.deps.db);
      await first.deps.db.updateTable('compliance_packs').set({ enabled: 0 }).where('key', '=', 'host.conduct').execute();
      await first.close();

      // A second start leaves the stored packs, and what was changed in them, alone.
      const second = await openRuntime(config);
      expect(await readRevision(second.deps.db)).toBe(revision);
      const conduct = await second.deps.db.selectFrom('compliance_packs').select('enabled').where('key', '=', 'host.conduct').executeTakeFirstOrThrow();
      expect(Number(conduct.enabled)).toBe(0);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
