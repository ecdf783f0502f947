import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config';
import { openRuntime } from '../../platform/runtime';
import { systemActor } from '../../platform/context';
import { importTerms, updateRule } from './packs.service';
import { ruleId } from './packs.defaults';

// `showrunner scan --stored` reads the packs as edited in the database named by DATA_DIR (a SQLite file here).
describe('showrunner scan --stored', () => {
  const scan = (dataDir: string, input: string, args: string[]) =>
    spawnSync(process.execPath, ['bin/showrunner.mjs', 'scan', ...args], { input, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }, timeout: 60_000 });

  // (Without --stored the shipped packs scan, with no database: server/cli/scan.unit.test.ts.)
  it('scans with the edited packs, and --pack selects among them', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-scan-stored-'));
    try {
      const rt = await openRuntime(parseConfig({ DATA_DIR: dataDir }));
      await importTerms(rt.deps, systemActor, ruleId('host.24.abuse'), { text: '臭鸡蛋' });
      await updateRule(rt.deps, systemActor, ruleId('live.diversion.keyword'), { enabled: false });
      await rt.close();

      const input = '{"text":"你这个臭鸡蛋，加我微信"}\n';
      const rules = (out: ReturnType<typeof scan>) => (JSON.parse(out.stdout) as { findings: { rule: string; term: string }[] }).findings.map((f) => `${f.rule}:${f.term}`);
      const stored = scan(dataDir, input, ['--stored']);
      expect(stored.status).toBe(0);
      expect(rules(stored)).toEqual(['host.24.abuse:臭鸡蛋']);
      expect(rules(scan(dataDir, input, ['--stored', '--pack', 'live.diversion']))).toEqual([]);
      const unknown = scan(dataDir, input, ['--stored', '--pack', 'nope']);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr + unknown.stdout).toContain('host.conduct');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
