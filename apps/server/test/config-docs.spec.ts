/**
 * Every setting the server reads is in the README's configuration table, and every row of the table is
 * a setting the server reads: a new environment variable cannot ship undocumented, and the table cannot
 * keep a setting that no longer exists.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS } from '../src/config/settings';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The names declared in the settings schema (apps/server/src/config/settings.ts). */
function settingsRead(): Set<string> {
  return new Set(Object.keys(SETTINGS));
}

/** The names in the first column of the README's "## Configuration" table. */
function settingsDocumented(): Set<string> {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## ', 3));
  const names = new Set<string>();
  for (const line of table.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1];
    for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(m[1]);
  }
  return names;
}

describe('the README documents the configuration', () => {
  it('declares each setting with a one-line meaning', () => {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      expect([name, setting.meaning.length > 0, setting.meaning.includes('\n')]).toEqual([
        name,
        true,
        false,
      ]);
    }
  });

  it('finds the settings on both sides (the parsers themselves work)', () => {
    expect(settingsRead().has('DATABASE_URL')).toBe(true);
    expect(settingsDocumented().has('DATABASE_URL')).toBe(true);
  });

  it('lists every setting the server reads', () => {
    const documented = settingsDocumented();
    expect([...settingsRead()].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('lists nothing the server does not read', () => {
    const read = settingsRead();
    expect([...settingsDocumented()].filter((name) => !read.has(name)).sort()).toEqual([]);
  });

  it('the server reads the environment only through the configuration loader', () => {
    const hits = execFileSync(
      'grep',
      ['-rlE', 'process\\.env(\\.|\\[)', path.join(root, 'apps/server/src')],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .filter(Boolean);
    const outside = hits
      .map((f) => path.relative(root, f))
      .filter((f) => !f.startsWith('apps/server/src/config/') && f !== 'apps/server/src/main.ts');
    expect(outside).toEqual([]);
  });
});
