// The bin's flags, decided in-process (mock/cli/options.mjs): what a user types, what the mock
// or proxy is started with, and the message for each mistake (./cli.process.test.ts runs the bin).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROXY_FLAG_DEPRECATION, USAGE, cliOptions } from '../../../mock/cli/options.mjs';

const dir = mkdtempSync(join(tmpdir(), 'apig-cli-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
const NO_ENV = {};

describe('the mock', () => {
  it('defaults: port 4010 on 127.0.0.1, stateful, no quota, seed or credentials', () => {
    expect(cliOptions([], NO_ENV)).toEqual({
      mode: 'serve',
      deprecated: undefined,
      port: 4010,
      host: '127.0.0.1',
      stateless: false,
      quota: undefined,
      seed: undefined,
      credentials: undefined,
      proxy: undefined,
      report: undefined,
      har: undefined,
      junit: undefined,
      strict: false,
      failOnOutside: false,
      compare: false,
      ca: undefined,
      command: [],
    });
  });

  it('PORT and HOST set the defaults; --port and --host win', () => {
    expect(cliOptions([], { PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ port: 8080, host: '0.0.0.0' });
    expect(cliOptions(['--port', '0', '--host', '::1'], { PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ port: 0, host: '::1' });
  });

  it.each(['eighty', '-1', '65536', '80.5', '', '0x50'])('refuses the port %j, naming the range', (port) => {
    expect(() => cliOptions([`--port=${port}`], NO_ENV)).toThrow(`--port/PORT must be a port number from 0 to 65535 (got ${JSON.stringify(port)})`);
    expect(() => cliOptions([], { PORT: port })).toThrow('--port/PORT must be a port number');
  });

  it('takes the port edges 0 and 65535', () => {
    expect(cliOptions(['--port', '65535'], NO_ENV).port).toBe(65535);
    expect(cliOptions(['--port', '0'], NO_ENV).port).toBe(0);
  });

  it('--stateless and --quota (0 included: every create refused)', () => {
    expect(cliOptions(['--stateless'], NO_ENV).stateless).toBe(true);
    expect(cliOptions(['--quota', '0'], NO_ENV).quota).toBe(0);
    expect(cliOptions(['--quota', '30'], NO_ENV).quota).toBe(30);
  });

  it.each(['-1', '2.5', 'many', '9007199254740993'])('refuses the quota %j', (quota) => {
    expect(() => cliOptions([`--quota=${quota}`], NO_ENV)).toThrow(`--quota must be a whole number of APPs per tenant (got ${JSON.stringify(quota)})`);
  });

  it('--seed reads the file', () => {
    const seed = [{ tenant: 'v2 p1 i1', apps: [{ name: 'seeded_app' }] }];
    expect(cliOptions(['--seed', file('seed.json', JSON.stringify(seed))], NO_ENV).seed).toEqual(seed);
  });

  it('refuses a seed that is missing, not JSON, or not a list of tenants with named APPs', () => {
    expect(() => cliOptions(['--seed', join(dir, 'none.json')], NO_ENV)).toThrow(`--seed ${join(dir, 'none.json')}: no such file`);
    expect(() => cliOptions(['--seed', file('broken.json', '[{')], NO_ENV)).toThrow(/--seed .*broken\.json: not JSON \(/);
    const good = { tenant: 'v2 p i', apps: [{ name: 'ok' }] };
    for (const bad of [
      { apps: [] },
      [{ apps: [] }],
      [{ tenant: 'v2 p i', apps: {} }],
      [{ tenant: 'v2 p i', apps: [{ remark: 'no name' }] }],
      [null],
      [good, { apps: [] }],
      [{ tenant: 'v2 p i', apps: [{ name: 'ok' }, { remark: 'no name' }] }],
      [{ tenant: 'v2 p i', apps: [null] }],
    ]) {
      expect(() => cliOptions(['--seed', file('bad.json', JSON.stringify(bad))], NO_ENV), JSON.stringify(bad)).toThrow(
        /bad\.json: expected \[\{ "tenant": "v2 <project_id> <instance_id>", "apps": \[\{ "name": "…" \}\] \}\]/,
      );
    }
  });

  it('--credentials reads and checks the file before anything listens', () => {
    const credentials = { tokens: ['t1'], aksk: [{ ak: 'AK1', sk: 'sk-one' }] };
    expect(cliOptions(['--credentials', file('creds.json', JSON.stringify(credentials))], NO_ENV).credentials).toEqual(credentials);
    expect(() => cliOptions(['--credentials', join(dir, 'none.json')], NO_ENV)).toThrow(`--credentials ${join(dir, 'none.json')}: no such file`);
    expect(() => cliOptions(['--credentials', file('broken.json', '{')], NO_ENV)).toThrow(/--credentials .*broken\.json: not JSON \(/);
    expect(() => cliOptions(['--credentials', file('empty.json', '{}')], NO_ENV)).toThrow(/--credentials .*empty\.json/);
  });

  it.each([['--report', 'r.json'], ['--har', 't.har'], ['--junit', 'd.xml'], ['--strict'], ['--compare'], ['--ca', 'ca.pem'], ['--', 'npm', 'test']])(
    'refuses %s without --proxy',
    (...flag) => {
      expect(() => cliOptions(flag, NO_ENV)).toThrow(
        '--report, --har, --junit, --strict, --fail-on-outside, --compare, --ca and -- <command> go with apig-app-mock proxy <upstream URL>',
      );
    },
  );

  it('--help asks for the usage, which names every flag', () => {
    expect(cliOptions(['--help'], NO_ENV)).toEqual({ help: true });
    expect(cliOptions(['-h'], NO_ENV)).toEqual({ help: true });
    for (const flag of [
      '--port',
      '--host',
      '--stateless',
      '--quota',
      '--seed',
      '--credentials',
      '--proxy',
      '--report',
      '--har',
      '--junit',
      '--compare',
      '--strict',
      '--ca',
      '-- <command>',
    ])
      expect(USAGE).toContain(flag);
  });

  it('refuses an unknown flag', () => {
    expect(() => cliOptions(['--sateless'], NO_ENV)).toThrow(/--sateless/);
  });
});

describe('the proxy', () => {
  it('takes its flags, and the command after --', () => {
    const pem = file('ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(
      cliOptions(
        ['proxy', 'https://gw.example', '--report', 'r.json', '--har', 't.har', '--junit', 'd.xml', '--strict', '--ca', pem, '--', 'npm', 'test', '--', '-x'],
        NO_ENV,
      ),
    ).toMatchObject({
      mode: 'proxy',
      deprecated: undefined,
      proxy: 'https://gw.example',
      report: 'r.json',
      har: 't.har',
      junit: 'd.xml',
      strict: true,
      compare: false,
      ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      command: ['npm', 'test', '--', '-x'],
    });
  });

  it('refuses the mock-only flags, naming them', () => {
    expect(() => cliOptions(['proxy', 'http://gw', '--stateless'], NO_ENV)).toThrow(
      'the proxy forwards to a gateway; --stateless is for the mock (apig-app-mock serve)',
    );
    expect(() => cliOptions(['proxy', 'http://gw', '--stateless', '--quota', '3'], NO_ENV)).toThrow(
      'the proxy forwards to a gateway; --stateless, --quota are for the mock',
    );
    expect(() => cliOptions(['proxy', 'http://gw', '--quota', '0'], NO_ENV)).toThrow('--quota is for the mock');
    const seed = file('seed.json', JSON.stringify([{ tenant: 'v2 p1 i1', apps: [{ name: 'a' }] }]));
    expect(() => cliOptions(['proxy', 'http://gw', '--seed', seed], NO_ENV)).toThrow('the proxy forwards to a gateway; --seed is for the mock');
  });

  it('--seed goes with --compare (it seeds the mock the answers are compared with)', () => {
    const seed = file('seed.json', JSON.stringify([{ tenant: 'v2 p1 i1', apps: [{ name: 'a' }] }]));
    expect(cliOptions(['proxy', 'http://gw', '--compare', '--seed', seed], NO_ENV)).toMatchObject({ compare: true, seed: [{ tenant: 'v2 p1 i1' }] });
  });

  it('refuses a --ca file that is missing or holds no PEM certificate', () => {
    expect(() => cliOptions(['proxy', 'https://gw', '--ca', join(dir, 'none.pem')], NO_ENV)).toThrow(`--ca ${join(dir, 'none.pem')}: no such file`);
    expect(() => cliOptions(['proxy', 'https://gw', '--ca', file('key.pem', '-----BEGIN PRIVATE KEY-----\n')], NO_ENV)).toThrow(
      /key\.pem: expected PEM certificates \(-----BEGIN CERTIFICATE-----\)/,
    );
    expect(() => cliOptions(['proxy', 'https://gw', '--ca', dir], NO_ENV)).toThrow(new RegExp(`--ca ${dir}: EISDIR`));
  });
});

describe('the subcommands', () => {
  it('serve is the mock, and the default', () => {
    expect(cliOptions(['serve', '--stateless'], NO_ENV)).toMatchObject({ mode: 'serve', stateless: true, proxy: undefined });
    expect(cliOptions(['--stateless'], NO_ENV)).toMatchObject({ mode: 'serve', stateless: true });
  });

  it('proxy takes the upstream URL as its one argument', () => {
    expect(cliOptions(['proxy', 'https://gw.example', '--port', '0'], NO_ENV)).toMatchObject({
      mode: 'proxy',
      proxy: 'https://gw.example',
      port: 0,
      deprecated: undefined,
    });
    expect(cliOptions(['--port', '0', 'proxy', 'https://gw.example'], NO_ENV)).toMatchObject({ mode: 'proxy', proxy: 'https://gw.example' });
    expect(() => cliOptions(['proxy'], NO_ENV)).toThrow(
      'apig-app-mock proxy takes one upstream URL, e.g. apig-app-mock proxy https://apig.cn-north-4.myhuaweicloud.com (got none)',
    );
    expect(() => cliOptions(['proxy', 'https://a', 'https://b'], NO_ENV)).toThrow('(got "https://a" "https://b")');
    expect(() => cliOptions(['proxy', 'https://a', '--proxy', 'https://b'], NO_ENV)).toThrow('apig-app-mock proxy takes its upstream URL once');
  });

  it('--proxy <URL> of 2.x is still the proxy, with a line saying it goes in 3.0.0', () => {
    expect(cliOptions(['--proxy', 'https://gw.example'], NO_ENV)).toMatchObject({
      mode: 'proxy',
      proxy: 'https://gw.example',
      deprecated: PROXY_FLAG_DEPRECATION,
    });
    expect(PROXY_FLAG_DEPRECATION).toBe('apig-app-mock: --proxy <URL> is deprecated and goes in 3.0.0; use apig-app-mock proxy <URL>');
    expect(() => cliOptions(['serve', '--proxy', 'https://gw.example'], NO_ENV)).toThrow(
      'apig-app-mock serve is the mock; --proxy <upstream URL> goes with apig-app-mock proxy <upstream URL>',
    );
  });

  it('refuses an unknown subcommand or a stray argument, naming it', () => {
    expect(() => cliOptions(['server'], NO_ENV)).toThrow(
      'unknown command "server": apig-app-mock serve | apig-app-mock proxy <upstream URL> (--help shows the flags)',
    );
    expect(() => cliOptions(['serve', 'extra'], NO_ENV)).toThrow(
      'apig-app-mock serve takes no "extra" (a command to run goes after --, with apig-app-mock proxy)',
    );
    expect(() => cliOptions(['--proxy', 'https://gw', 'npm'], NO_ENV)).toThrow('unknown command "npm"');
  });

  it('the usage names both subcommands and the alias', () => {
    expect(USAGE).toMatch(/^usage: apig-app-mock \[serve\] /);
    expect(USAGE).toContain('apig-app-mock proxy <upstream URL> [--report report.json]');
    expect(USAGE).toContain('apig-app-mock --proxy <upstream URL> … is the proxy too, until 3.0.0.');
  });
});
