import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `showrunner sentiment` touches no database, so it runs once, in the unit project.
describe('showrunner sentiment', () => {
  const run = (input: string) => spawnSync(process.execPath, ['bin/showrunner.mjs', 'sentiment'], { input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 60_000 });

  it('writes one JSON line per input line, in order', () => {
    const out = run(['{"text":"质量差，发货慢"}', '', '{"text":"3号链接多少钱？"}', '{"text":"已拍 yyds 😍"}'].join('\n') + '\n');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ label: 'negative', score: expect.any(Number), aspects: ['quality', 'logistics'] });
    expect(lines[0].score).toBeLessThan(0);
    expect(lines[1]).toEqual({ label: 'neutral', score: 0, aspects: [] });
    expect(lines[2].label).toBe('positive');
  });

  it('answers a bad line with an error line, goes on, and exits with 2', () => {
    const out = run(['{"text":"好看"}', 'not json', '{"words":"x"}', '{"text":"太贵了"}'].join('\n'));
    expect(out.status).toBe(2);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.label ?? 'error')).toEqual(['positive', 'error', 'error', 'negative']);
    expect(lines[2].error).toContain('"text"');
  });
});
