// The breaking-change gate flags each kind of breaking change, in the right direction, and
// lets compatible ones through.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contractChanges, formatChange } from '../../scripts/checks/diff/contract-diff.mjs';
import type { Document } from '../../scripts/openapi.d.mts';
import { loadBundledDocument } from '../helpers/bundled-document.js';

const base = loadBundledDocument() as Document;
const request = (d: any) => d.components.schemas.CreateAppRequest;
const app = (d: any) => d.components.schemas.App;

const BREAKING: Array<[string, (d: any) => void, RegExp]> = [
  [
    'a tighter request pattern',
    (d) => (request(d).properties.app_key.pattern = '^[A-Za-z0-9][A-Za-z0-9-]{7,63}$'),
    /body\.app_key: pattern .* \(tighter: now rejects/,
  ],
  ['a longer request minLength', (d) => (request(d).properties.name.minLength = 4), /body\.name: minLength 3 → 4 \(tighter\)/],
  ['a shorter request maxLength', (d) => (request(d).properties.remark.maxLength = 100), /body\.remark: maxLength 255 → 100 \(tighter\)/],
  [
    'a new required request field',
    (d) => {
      request(d).properties.owner = { type: 'string', description: 'x' };
      request(d).required.push('owner');
    },
    /field owner added as required/,
  ],
  ['an optional request field made required', (d) => request(d).required.push('remark'), /field remark became required/],
  ['a removed request field', (d) => delete request(d).properties.app_secret, /body: field app_secret removed/],
  ['a removed path', (d) => delete d.paths['/v1.0/apigw/apps'], /POST \/v1\.0\/apigw\/apps: operation removed/],
  [
    'a removed response field',
    (d) => {
      delete app(d).properties.remark;
      app(d).required = app(d).required.filter((f: string) => f !== 'remark');
    },
    /201: field remark removed or renamed/,
  ],
  [
    'a renamed response field',
    (d) => {
      app(d).properties.appType = app(d).properties.app_type;
      delete app(d).properties.app_type;
    },
    /201: field app_type removed or renamed/,
  ],
  ['a changed response type', (d) => (app(d).properties.status.type = 'string'), /201\.status: type integer → string/],
  ['a new response enum value', (d) => app(d).properties.creator.enum.push('ADMIN'), /201\.creator: enum value added: "ADMIN"/],
  ['a response field no longer required', (d) => (app(d).required = app(d).required.filter((f: string) => f !== 'id')), /201: field id is no longer required/],
  [
    'a request `not` pattern refusing one more character',
    (d) => (request(d).properties.app_secret.not.pattern = '[^A-Za-z0-9_!@#$-]'),
    /body\.app_secret: pattern .* \(tighter: now rejects/,
  ],
  [
    'a renamed schema (generated type names change)',
    (d) => {
      d.components.schemas.ApigError = d.components.schemas.ErrorBody;
      delete d.components.schemas.ErrorBody;
    },
    /types +components\.schemas\.ErrorBody: schema removed or renamed/,
  ],
  ['a removed status', (d) => delete d.paths['/v1.0/apigw/apps'].post.responses['403'], /403: response removed/],
];

const COMPATIBLE: Array<[string, (d: any) => void]> = [
  ['a new optional request field', (d) => (request(d).properties.tags = { type: 'string', description: 'optional tags' })],
  ['a longer description', (d) => (request(d).properties.name.description += ' More words for reviewers.')],
  ['a looser request maxLength', (d) => (request(d).properties.remark.maxLength = 512)],
  [
    'a looser request pattern',
    (d) => {
      request(d).properties.app_key.pattern = '^[A-Za-z0-9][A-Za-z0-9_.-]{7,63}$';
      request(d).properties.app_key.not.pattern = '[^A-Za-z0-9_.-]';
    },
  ],
  ['a new response field', (d) => (app(d).properties.bind_num = { type: 'integer', description: 'APIs bound' })],
];

describe('contractChanges', () => {
  it('finds no change between a document and itself', () => {
    expect(contractChanges(base, base)).toEqual([]);
  });

  it.each(BREAKING)('flags %s as breaking', (_name, mutate, line) => {
    const next = structuredClone(base);
    mutate(next);
    const breaking = contractChanges(base, next)
      .filter((c) => c.breaking)
      .map(formatChange);
    expect(
      breaking.some((l) => line.test(l)),
      breaking.join('\n'),
    ).toBe(true);
  });

  it.each(COMPATIBLE)('lets %s through', (_name, mutate) => {
    const next = structuredClone(base);
    mutate(next);
    const changes = contractChanges(base, next);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.breaking).map(formatChange)).toEqual([]);
  });

  it('reads direction: what loosens a request tightens a response', () => {
    const next = structuredClone(base);
    app(next).properties.name.maxLength = 10; // a response bound added: clients can only gain
    request(next).properties.name.maxLength = 100; // a request bound loosened
    expect(contractChanges(base, next).filter((c) => c.breaking)).toEqual([]);
    const back = contractChanges(next, base)
      .filter((c) => c.breaking)
      .map(formatChange);
    expect(back.some((l) => /request .*body\.name: maxLength 100 → 64 \(tighter\)/.test(l))).toBe(true);
    expect(back.some((l) => /response .*201\.name: maxLength 10 → none \(looser\)/.test(l))).toBe(true);
  });
});

describe('npm run diff', () => {
  const DIFF = fileURLToPath(new URL('../../scripts/checks/diff.mjs', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'apig-diff-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, doc: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };
  const run = async (current: string) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [DIFF, '--baseline', write('baseline.json', base), '--current', current]);
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: `${e.stdout}${e.stderr}` };
    }
  };

  it('fails on a breaking change without a major version, one line per change', async () => {
    const next = structuredClone(base);
    app(next).properties.creator.enum.push('ADMIN');
    const { code, out } = await run(write('breaking.json', next));
    expect(code).toBe(1);
    expect(out).toContain('BREAKING   response POST /v1.0/apigw/apps 201.creator: enum value added: "ADMIN"');
    expect(out).toMatch(/breaking change\(s\) without a major version/);
  });

  it('allows it with a major version', async () => {
    const next = structuredClone(base);
    app(next).properties.creator.enum.push('ADMIN');
    const nextMajor = `${Number(base.info.version.split('.')[0]) + 1}.0.0`;
    next.info.version = nextMajor;
    const { code, out } = await run(write('major.json', next));
    expect(code).toBe(0);
    expect(out).toContain(`allowed: ${base.info.version} → ${nextMajor} is a major version`);
  });

  it('passes a compatible change', async () => {
    const next = structuredClone(base);
    request(next).properties.tags = { type: 'string', description: 'optional tags' };
    next.info.version = base.info.version.replace(/\.(\d+)\.\d+$/, (_: string, minor: string) => `.${Number(minor) + 1}.0`);
    const { code, out } = await run(write('compatible.json', next));
    expect(code).toBe(0);
    expect(out).toContain('compatible request  POST /v1.0/apigw/apps body: field tags added (optional)');
  });
});

describe('versions', () => {
  it('package.json, info.version and CHANGELOG.md agree', async () => {
    const { readFileSync } = await import('node:fs');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    expect(base.info.version).toBe(version);
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toContain(`## ${version} `);
  });
});
