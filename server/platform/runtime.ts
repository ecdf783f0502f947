import type { DestinationStream } from 'pino';
import type { Config } from './config';
import { Cipher, loadDataKey } from './crypto';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db';
import type { Deps } from './context';
import { seedCompliancePacks } from '../modules/compliance/packs.defaults';

export interface Runtime {
  deps: Deps;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations and loads the data key: what every command needs first. */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const handle = openDatabase(config.database);
  try {
    if (options.migrate !== false) {
      await migrateToLatest(handle.db);
      // Databases created before the rule packs were stored get the shipped ones once (a no-op when any pack exists).
      await handle.db.transaction().execute((trx) => seedCompliancePacks(trx));
    }
    const cipher = new Cipher(loadDataKey(config.dataDir, config.dataKey));
    return { deps: { db: handle.db, cipher, config }, handle, close: () => handle.close() };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

export type { DestinationStream };
