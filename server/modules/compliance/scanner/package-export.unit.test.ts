import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The package export `showrunner/scanner` as another program sees it: plain Node, no tsx, resolving the package by
// its own name through package.json "exports" (self-reference), so a broken export or a stale build fails here.
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const built = path.join(root, 'dist/scanner/index.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function runNode(script: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
}

describe('package export showrunner/scanner', () => {
  beforeAll(() => {
    const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource(path.dirname(fileURLToPath(import.meta.url)));
    if (stale) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-scanner.ts'], { cwd: root, stdio: 'inherit' });
  }, 60_000);

  it('createScanner finds terms through evasions with offsets into the original text', () => {
    const out = runNode(`
      import { createScanner } from 'showrunner/scanner';
      const scanner = createScanner({ terms: ['加微信', '最好'], allow: ['最好看'] });
      console.log(JSON.stringify([scanner.scan('主播 加 薇 信 吧', 'comment'), scanner.scan('jia wei xin'), scanner.scan('这个最好看')]));
    `);
    const [spaced, pinyin, allowed] = JSON.parse(out) as Array<Array<Record<string, unknown>>>;
    expect(spaced).toEqual([
      expect.objectContaining({ term: '加微信', rule: 'ad-hoc', category: 'ad-hoc', severity: 'warn', start: 3, end: 8, evasion: ['noise', 'lookalike'] }),
    ]);
    expect(pinyin).toEqual([expect.objectContaining({ term: '加微信', start: 0, end: 11, evasion: ['noise', 'pinyin'] })]);
    expect(allowed).toEqual([]);
  });

  it('exports the default packs and compileScanner, and evasion families can be switched off', () => {
    const out = runNode(`
      import { compileScanner, createScanner, DEFAULT_PACKS, EVASION_FAMILIES } from 'showrunner/scanner';
      const exact = createScanner({ terms: ['加微信'], evasion: {} });
      const findings = compileScanner(DEFAULT_PACKS).scan({ text: '加我vx：abc12345', context: 'comment' });
      console.log(JSON.stringify({ families: EVASION_FAMILIES, exact: exact.scan('加 微信').length, plain: exact.scan('加微信').length, rules: findings.map((f) => f.rule) }));
    `);
    const result = JSON.parse(out) as { families: string[]; exact: number; plain: number; rules: string[] };
    expect(result.families).toContain('pinyin');
    expect(result.exact).toBe(0);
    expect(result.plain).toBe(1);
    expect(result.rules).toContain('live.diversion.wechat');
  });

  it('ships type declarations next to the bundle', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, { types: string }> };
    const types = path.join(root, pkg.exports['./scanner']!.types);
    expect(fs.existsSync(types)).toBe(true);
    expect(fs.readFileSync(path.join(root, 'dist/scanner/types/index.d.ts'), 'utf8')).toContain('createScanner');
  });
});
