import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import type { MeView } from '../../contracts/accounts';
import { parseConfig, type Config } from '../platform/config';
import { Cipher } from '../platform/crypto';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../platform/db';
import type { Deps } from '../platform/context';
import { buildApp, type App } from '../platform/http';

/** Which database this run of the suite uses: vitest's 'sqlite' and 'postgres' projects set TEST_DIALECT. */
export const dialect: 'sqlite' | 'postgres' = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export interface TestContext {
  app: App;
  deps: Deps;
  handle: DatabaseHandle;
  dataDir: string;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

async function adminQuery<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Test files run side by side: schema drops and migrations (which read every schema's catalog) take turns. */
const SCHEMA_LOCK = 73_010_001;
async function withSchemaLock<T>(url: string, run: () => Promise<T>): Promise<T> {
  return adminQuery(url, async (client) => {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    try {
      return await run();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    }
  });
}

/** A fresh, migrated database (a temp SQLite file, or a new PostgreSQL schema) and an app on top of it. */
export async function createTestContext(): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-test-'));
  let database: Config['database'];
  let schema: string | undefined;
  const url = process.env.TEST_DATABASE_URL;
  if (dialect === 'postgres') {
    if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres project');
    schema = `t_${randomBytes(6).toString('hex')}`;
    const name = schema;
    await adminQuery(url, (c) => c.query(`create schema ${name}`));
    database = { kind: 'postgres', url };
  } else {
    database = { kind: 'sqlite', file: path.join(dataDir, 'showrunner.db') };
  }
  const config = { ...parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', WEB_DIST: path.join(dataDir, 'no-web') }), database };
  const handle = openDatabase(database, { searchPath: schema });
  // Kysely's migrator reads the catalog of every schema; one dropped by another test file at that moment makes it fail.
  if (schema && url) await withSchemaLock(url, () => migrateToLatest(handle.db, schema));
  else await migrateToLatest(handle.db, schema);
  const deps: Deps = { db: handle.db, cipher: new Cipher(randomBytes(32)), config };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await buildApp(deps, { logStream });
  return {
    app,
    deps,
    handle,
    dataDir,
    logs,
    async close() {
      await app.close();
      await handle.close();
      if (schema && url) {
        const name = schema;
        await withSchemaLock(url, () => adminQuery(url, (c) => c.query(`drop schema ${name} cascade`)));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  me: MeView | undefined;
  constructor(
    readonly app: App,
    readonly locale: 'zh-CN' | 'en-US' = 'en-US',
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.locale,
        ...(this.cookie ? { cookie: `sr_session=${this.cookie}` } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'sr_session');
    if (set) this.cookie = set.value || undefined;
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
      const json = res.json() as Partial<MeView>;
      if (json && typeof json === 'object' && 'csrfToken' in json && json.user) {
        this.me = json as MeView;
        this.csrf = json.csrfToken;
      }
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

export const OWNER = { email: 'owner@example.com', password: 'correct horse battery', displayName: '王老板' };

/** Sets up the company with an owner and returns a client signed in as that owner. */
export async function setupOwner(app: App, locale: 'zh-CN' | 'en-US' = 'en-US'): Promise<Client> {
  const client = new Client(app, locale);
  const res = await client.post('/api/v1/setup/owner', OWNER);
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** Invites `email` with `role` (and teams) as `owner`, accepts the invite in a new client, and returns that client. */
export async function inviteAndJoin(owner: Client, email: string, role: 'owner' | 'manager' | 'member' | 'viewer', teamIds: string[] = [], password = 'another good password'): Promise<Client> {
  const invite = await owner.post('/api/v1/invites', { email, role, teamIds });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const token = (invite.json() as { path: string }).path.split('/').pop()!;
  const client = new Client(owner.app);
  const res = await client.post(`/api/v1/invites/${token}/accept`, { displayName: email.split('@')[0], password });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return client;
}
