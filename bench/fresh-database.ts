import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseConfig, type Config } from '../server/platform/config';
import type { Deps } from '../server/platform/context';
import { Cipher } from '../server/platform/crypto';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../server/platform/db';

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  config: Config;
  handle: DatabaseHandle;
  deps: Deps;
  /** Closes the database and removes what the run made (the data folder; on PostgreSQL its schema). */
  dispose(): Promise<void>;
}

/**
 * A migrated database for one benchmark run: a SQLite file in a temporary folder, or — with DATABASE_URL=postgres://… —
 * a schema of its own, so an existing installation in the same database is never touched.
 */
export async function freshDatabase(name: string): Promise<FreshDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `showrunner-bench-${name}-`));
  const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL, WEB_DIST: path.join(dataDir, 'none') });
  const schema = config.database.kind === 'postgres' ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  if (schema) await adminQuery(`create schema ${schema}`);
  const handle = openDatabase(config.database, { searchPath: schema });
  await migrateToLatest(handle.db, schema);
  const deps: Deps = { db: handle.db, cipher: new Cipher(randomBytes(32)), config };
  return {
    config,
    handle,
    deps,
    async dispose() {
      await handle.close();
      if (schema) await adminQuery(`drop schema ${schema} cascade`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
