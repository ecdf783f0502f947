import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ScanRequest } from '../../contracts/compliance';
import { createScanner } from '../modules/compliance/scanner';
import { analyse } from '../modules/sentiment/analyser';
import { packScanner, scanRequest } from '../modules/compliance/compliance.service';
import { compileStoredPacks, UnknownPackError } from '../modules/compliance/compliance.registry';
import { TokenScope } from '../../contracts/accounts';
import { Platform, RoomInput } from '../../contracts/team';
import { Email, Password } from '../../contracts/accounts';
import { ConfigError, loadConfig } from '../platform/config';
import { systemActor } from '../platform/context';
import { migrateToLatest, withTransaction } from '../platform/db';
import { DomainError, messageOf } from '../platform/errors';
import { buildApp } from '../platform/http';
import { startBackground } from '../platform/background';
import { openRuntime, type Runtime } from '../platform/runtime';
import { countUsers } from '../modules/accounts/accounts.repository';
import { createApiToken, insertUserAccount } from '../modules/accounts/accounts.service';
import { recordAudit } from '../modules/audit/audit.repository';
import { seedCompanyDefaults } from '../modules/setup/company.defaults';
import { setupDemo } from '../modules/setup/setup.service';
import { findTeamByName } from '../modules/team/team.repository';
import { createRoom, createTeam } from '../modules/team/team.service';

/** Exit codes: 0 done, 1 failed, 2 bad usage or input, 3 not found, 4 conflict (already exists / already done). */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, conflict: 4 } as const;

class UsageError extends Error {}

const HELP = `Usage: showrunner <command> [options]

Commands:
  start [--demo]                 serve the console and API (PORT, HOST, DATA_DIR, DATABASE_URL)
  migrate                        apply pending database migrations
  demo                           load the demo company into an empty database
  create-owner --email E [--name N]   create an owner account; the password is read from stdin
  create-team --name N [--description D]
  create-room --team T --platform P --account A [--name N] [--time-zone Z] [--secret S]
                                 T is a team id or name; prints the room id
  create-token --room R --scope ingest,read [--name N]
                                 prints the API token once
  backup --to FILE               consistent online snapshot of the SQLite database
  scan [--pack ID[,ID…]] [--stored] [--terms-file F [--allow-file F]]
                                 compliance scan: JSON lines {"text", "context"?, "category"?} on stdin,
                                 one {"findings": […]} line out per input; a line may carry its own
                                 "terms"/"allow" ad-hoc dictionary (every evasion family on);
                                 --stored scans with the packs as edited in the database (DATA_DIR,
                                 DATABASE_URL) instead of the shipped ones
  sentiment                      audience sentiment: JSON lines {"text"} on stdin, one
                                 {"label", "score", "aspects": […]} line out per input

Every command takes --json for machine-readable output.
Exit codes: 0 ok, 1 failed, 2 bad usage or input, 3 not found, 4 conflict.`;

const actor = { ...systemActor, label: 'cli' };

function out(json: boolean, value: Record<string, unknown>, text: string) {
  process.stdout.write(json ? JSON.stringify(value) + '\n' : text + '\n');
}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v.trim();
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('the password is read from stdin: echo "$PASSWORD" | showrunner create-owner --email …');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

async function start(demo: boolean) {
  const config = loadConfig();
  const rt = await openRuntime(config);
  if (demo && (await countUsers(rt.deps.db)) === 0) await setupDemo(rt.deps);
  const app = await buildApp(rt.deps);
  const background = startBackground(rt.deps, app.log);
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await background.stop();
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  app.log.info(`Showrunner console at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${where})`);
}

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    allowPositionals: false,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      team: { type: 'string' },
      platform: { type: 'string' },
      account: { type: 'string' },
      secret: { type: 'string' },
      'time-zone': { type: 'string' },
      room: { type: 'string' },
      scope: { type: 'string' },
      to: { type: 'string' },
      pack: { type: 'string' },
      'terms-file': { type: 'string' },
      'allow-file': { type: 'string' },
      stored: { type: 'boolean', default: false },
    },
  });
  const json = values.json === true;

  switch (command) {
    case 'start':
      await start(values.demo === true);
      return -1; // keeps running
    case 'migrate': {
      const rt = await openRuntime(loadConfig(), { migrate: false });
      const applied = await migrateToLatest(rt.deps.db);
      await rt.close();
      out(json, { applied }, applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return EXIT.ok;
    }
    case 'demo':
      return withRuntime(async (rt) => {
        const { user } = await setupDemo(rt.deps);
        out(json, { ownerEmail: user.email }, `Demo company loaded. Sign in as ${user.email} with password showrunner-demo.`);
        return EXIT.ok;
      });
    case 'create-owner': {
      const email = Email.safeParse(need(values, 'email'));
      if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]?.message}`);
      const password = Password.safeParse(await readStdin());
      if (!password.success) throw new UsageError('password: at least 8 characters');
      return withRuntime(async (rt) => {
        const user = await withTransaction(rt.deps.db, async (trx) => {
          const first = (await countUsers(trx)) === 0;
          const row = await insertUserAccount(trx, { email: email.data, displayName: (values.name as string | undefined) ?? email.data.split('@')[0]!, password: password.data, role: 'owner' });
          if (first) {
            await seedCompanyDefaults(trx);
            await trx.insertInto('settings').values({ key: 'setup', value: JSON.stringify({ how: 'cli' }), updated_at: new Date().toISOString() }).execute();
          }
          await recordAudit(trx, actor, { action: 'create', entityType: 'user', entityId: row.id, summary: { zh: `通过命令行创建所有者 ${row.email}`, en: `Created owner ${row.email} from the command line` } });
          return row;
        });
        out(json, { id: user.id, email: user.email }, user.id);
        return EXIT.ok;
      });
    }
    case 'create-team':
      return withRuntime(async (rt) => {
        const team = await createTeam(rt.deps, actor, { name: need(values, 'name'), description: (values.description as string | undefined) ?? '' });
        out(json, { id: team.id, name: team.name }, team.id);
        return EXIT.ok;
      });
    case 'create-room': {
      const platform = Platform.safeParse(need(values, 'platform'));
      if (!platform.success) throw new UsageError(`--platform must be one of ${Platform.options.join(', ')}`);
      const teamRef = need(values, 'team');
      const account = need(values, 'account');
      return withRuntime(async (rt) => {
        const byName = await findTeamByName(rt.deps.db, teamRef);
        const input = RoomInput.parse({
          teamId: byName?.id ?? teamRef,
          platform: platform.data,
          accountId: account,
          displayName: (values.name as string | undefined) ?? account,
          timeZone: (values['time-zone'] as string | undefined) ?? 'Asia/Shanghai',
          ...(values.secret ? { secret: values.secret as string } : {}),
        });
        const room = await createRoom(rt.deps, actor, input);
        out(json, { id: room.id, teamId: room.teamId, platform: room.platform, accountId: room.accountId }, room.id);
        return EXIT.ok;
      });
    }
    case 'create-token': {
      const scopes = need(values, 'scope').split(',').map((s) => s.trim()).filter(Boolean);
      const parsed = scopes.map((s) => TokenScope.safeParse(s));
      if (!scopes.length || parsed.some((p) => !p.success)) throw new UsageError(`--scope takes ${TokenScope.options.join(',')}`);
      const room = need(values, 'room');
      return withRuntime(async (rt) => {
        const { token, apiToken } = await createApiToken(rt.deps, actor, { roomId: room, scopes: parsed.map((p) => p.data!), name: (values.name as string | undefined) ?? `cli ${new Date().toISOString().slice(0, 10)}` });
        out(json, { token, id: apiToken.id, roomId: apiToken.roomId, scopes: apiToken.scopes }, token);
        return EXIT.ok;
      });
    }
    case 'backup': {
      const to = path.resolve(need(values, 'to'));
      const config = loadConfig();
      if (config.database.kind === 'postgres') {
        process.stderr.write(
          'This installation uses PostgreSQL. Back it up with PostgreSQL\'s own tools, for example:\n' +
            '  pg_dump --format=custom --file=showrunner.dump "$DATABASE_URL"\n' +
            'and keep the data key (DATA_DIR/secret.key or SHOWRUNNER_DATA_KEY) with it: encrypted personal data cannot be read without it.\n',
        );
        return EXIT.usage;
      }
      if (fs.existsSync(to)) throw new UsageError(`${to} already exists; choose a new file`);
      return withRuntime(async (rt) => {
        await rt.handle.sqlite!.backup(to);
        const bytes = fs.statSync(to).size;
        out(json, { file: to, bytes }, `Backed up to ${to} (${bytes} bytes). Keep ${path.join(config.dataDir, 'secret.key')} with it.`);
        return EXIT.ok;
      });
    }
    case 'scan':
      return scanStdin(values);
    case 'sentiment':
      return sentimentStdin();
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP + '\n');
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function readList(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

/**
 * `showrunner scan`: JSON lines in, one JSON line out per input, in order. A line that is not a valid request gets an
 * {"error": …} line and the command ends with exit code 2 after the whole stream.
 */
async function scanStdin(values: Record<string, unknown>): Promise<number> {
  const packIds = typeof values.pack === 'string' ? values.pack.split(',').map((p) => p.trim()).filter(Boolean) : undefined;
  let packs;
  try {
    // --stored: the packs as the console edited them, read once; without it the shipped packs, no database needed.
    packs = values.stored === true ? await withRuntime((rt) => compileStoredPacks(rt.deps.db, packIds)) : packScanner(packIds);
  } catch (err) {
    // A bad --pack is the caller's mistake; a database that cannot be opened is a failure of its own.
    if (values.stored === true && !(err instanceof UnknownPackError)) throw err;
    throw new UsageError((err as Error).message);
  }
  const termsFile = values['terms-file'] as string | undefined;
  const allowFile = values['allow-file'] as string | undefined;
  if (allowFile && !termsFile) throw new UsageError('--allow-file goes with --terms-file');
  const stream = termsFile ? { terms: readList(termsFile), allow: allowFile ? readList(allowFile) : [] } : undefined;
  const streamScanner = stream ? createScanner(stream) : undefined;
  let bad = 0;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let out: unknown;
    try {
      const req = ScanRequest.parse(JSON.parse(line));
      const findings = streamScanner && !req.terms ? streamScanner.scan(req.text, req.context).map((f) => ({ term: f.term, rule: f.rule, category: f.category, severity: f.severity, start: f.start, end: f.end, evasion: [...f.evasion] })) : scanRequest(req, packs);
      out = { findings };
    } catch (err) {
      bad++;
      out = { error: err instanceof Error && err.name === 'ZodError' ? 'expected {"text": string, "context"?, "category"?, "terms"?, "allow"?}' : (err as Error).message };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  return bad ? EXIT.usage : EXIT.ok;
}

/**
 * `showrunner sentiment`: JSON lines {"text"} in, one {"label", "score", "aspects"} line out per input, in order. A line
 * that is not {"text": string} gets an {"error": …} line and the command ends with exit code 2 after the whole stream.
 */
async function sentimentStdin(): Promise<number> {
  let bad = 0;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let out: unknown;
    try {
      const req = JSON.parse(line) as { text?: unknown } | null;
      if (!req || typeof req !== 'object' || typeof req.text !== 'string') throw new UsageError('expected {"text": string}');
      const { label, score, aspects } = analyse(req.text);
      out = { label, score, aspects };
    } catch (err) {
      bad++;
      out = { error: err instanceof SyntaxError ? `not JSON: ${err.message}` : (err as Error).message };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  return bad ? EXIT.usage : EXIT.ok;
}

function codeFor(err: unknown): number {
  if (err instanceof UsageError || err instanceof ConfigError || (err instanceof Error && err.name === 'ZodError')) return EXIT.usage;
  if (err instanceof DomainError) {
    if (err.code === 'validation') return EXIT.usage;
    const status = err.code.endsWith('not-found') ? 404 : 0;
    if (status === 404) return EXIT.notFound;
    if (err.code.endsWith('taken') || err.code === 'setup/already-done' || err.code === 'common/conflict') return EXIT.conflict;
    return EXIT.failed;
  }
  if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return EXIT.usage;
  return EXIT.failed;
}

function describe(err: unknown): string {
  if (err instanceof DomainError) {
    const detail = err.fields?.map((f) => `${f.path}: ${f.message}`).join('; ');
    return `${messageOf(err.code, 'en-US')} / ${messageOf(err.code, 'zh-CN')} (${err.code})${detail ? ` — ${detail}` : ''}`;
  }
  if (err instanceof Error && err.name === 'ZodError') return `invalid input: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export async function main(argv = process.argv.slice(2)) {
  const json = argv.includes('--json');
  try {
    const code = await run(argv);
    if (code >= 0) process.exit(code);
  } catch (err) {
    const code = codeFor(err);
    if (json) process.stdout.write(JSON.stringify({ error: { code: err instanceof DomainError ? err.code : 'cli/error', message: describe(err) } }) + '\n');
    else process.stderr.write(`showrunner: ${describe(err)}\n${code === EXIT.usage && !(err instanceof DomainError) ? '\n' + HELP + '\n' : ''}`);
    process.exit(code);
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) void main();
