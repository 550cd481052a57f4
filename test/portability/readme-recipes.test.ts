// The README's "Generate a client in your language" commands run as written: each `npx`
// line from its sh block, in a scratch folder inside the project (so npx finds the installed
// tools and never downloads), with the installed package's path pointing at this checkout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';

const SCRATCH = join(ROOT, '.artifacts', 'readme-recipes');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.split('\n## Generate a client in your language\n')[1]?.split('\n## ')[0] ?? '';
const commands = (section.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '').split('\n').filter((line) => line.startsWith('npx '));

describe('README: Generate a client in your language', () => {
  it('has the npm recipes', () => {
    expect(commands.length).toBeGreaterThanOrEqual(4);
  });

  it.each(commands)('%s', (command) => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(join(SCRATCH, 'src'), { recursive: true }); // a client project, with its src/
    const args = command.replaceAll('node_modules/apig-app-contract/', '../../').split(' ').slice(1);
    execFileSync('npx', ['--no-install', ...args], { cwd: SCRATCH, stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
    const output = args[args.indexOf('-o') + 1];
    if (args.includes('-o')) expect(existsSync(join(SCRATCH, output!)), `${output} was not written`).toBe(true);
  }, 60_000);
});
