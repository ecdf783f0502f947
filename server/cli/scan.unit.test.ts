import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `showrunner scan` touches no database, so it runs once, in the unit project.
describe('showrunner scan', () => {
  const run = (input: string, args: string[] = []) =>
    spawnSync(process.execPath, ['bin/showrunner.mjs', 'scan', ...args], { input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 60_000 });

  it('writes one JSON line per input line, with the dictionary spelling and original offsets', () => {
    const out = run(['{"text":"史上最低价","context":"script"}', '{"text":"jia wei xin 私聊","terms":["加微信"]}', '{"oops":1}'].join('\n'));
    expect(out.status).toBe(2);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].findings.some((f: { term: string }) => f.term === '史上最低')).toBe(true);
    expect(lines[1].findings).toEqual([{ term: '加微信', rule: 'ad-hoc', category: 'ad-hoc', severity: 'warn', start: 0, end: 11, evasion: ['noise', 'pinyin'] }]);
    expect(lines[2].error).toBeTruthy();
  });

  it('scans a stream against --terms-file and --allow-file, and selects packs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
    fs.writeFileSync(path.join(dir, 'terms.txt'), '最近\n特价\n');
    fs.writeFileSync(path.join(dir, 'allow.txt'), '最近的\n');
    const out = run('{"text":"最近的特价，最近上新"}\n', ['--terms-file', path.join(dir, 'terms.txt'), '--allow-file', path.join(dir, 'allow.txt')]);
    expect(out.status).toBe(0);
    const [line] = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(line.findings.map((f: { term: string; start: number }) => `${f.term}@${f.start}`)).toEqual(['特价@3', '最近@6']);
    const packOnly = run('{"text":"全网最低，加我微信"}\n', ['--pack', 'live.diversion']);
    expect(JSON.parse(packOnly.stdout).findings.every((f: { rule: string }) => f.rule.startsWith('live.diversion'))).toBe(true);
    expect(run('{}\n', ['--pack', 'nope']).status).toBe(2);
    fs.rmSync(dir, { recursive: true });
  });
});
