// Consumers outside npm (Go, Python, Java) come from Debian's packages. Locally a missing
// toolchain skips its suite with the install command; under CI=true it fails, so a green CI
// run means every consumer really ran.
import { spawnSync } from 'node:child_process';

export interface Toolchain {
  available: boolean;
  /** What to install, for the skip message. */
  hint: string;
}

export function toolchain(name: string, probe: [string, ...string[]], packages: string, env: NodeJS.ProcessEnv = {}): Toolchain {
  const [command, ...args] = probe;
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  const available = result.status === 0;
  const hint = `install it with: sudo apt-get install -y ${packages}`;
  if (!available) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the ${name} consumer cannot run (${command} ${args.join(' ')} failed): ${hint}`);
    console.warn(`${name} portability suite skipped: ${hint}.`);
  }
  return { available, hint };
}

/** Runs a consumer and parses the JSON it prints; throws with its output when it fails. */
export function runConsumer(command: string, args: string[], { env = {}, cwd, input }: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): any {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, cwd, input, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout);
}
