import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once, frozen; a bad value stops start-up with a message naming the variable.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v) || /^sqlite:/.test(v) || v.endsWith('.db') || v.endsWith('.sqlite'), {
      error: 'must be postgres://… or sqlite:<file> (or a path ending in .db)',
    })
    .optional(),
  /** 32 bytes, base64. When absent the key lives in DATA_DIR/secret.key (created on first start, mode 0600). */
  SHOWRUNNER_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { error: 'must be 32 bytes encoded in base64' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Send cookies with the Secure flag (set to true behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /** Directory of the built console; served by the same process when present. */
  WEB_DIST: z.string().default('./dist/web'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly dataKey: string | undefined;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly cookieSecure: boolean;
  readonly webDist: string;
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let database: Config['database'];
  if (e.DATABASE_URL && /^postgres(ql)?:\/\//.test(e.DATABASE_URL)) database = { kind: 'postgres', url: e.DATABASE_URL };
  else if (e.DATABASE_URL) database = { kind: 'sqlite', file: path.resolve(e.DATABASE_URL.replace(/^sqlite:/, '')) };
  else database = { kind: 'sqlite', file: path.join(dataDir, 'showrunner.db') };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze(database),
    dataKey: e.SHOWRUNNER_DATA_KEY,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'true',
    webDist: path.resolve(e.WEB_DIST),
  });
}

let loaded: Config | undefined;
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}

/** Values the browser may see. Nothing else from the configuration leaves the server. */
export function publicConfig(config: Config) {
  return { databaseKind: config.database.kind };
}
