#!/usr/bin/env node
// Fails when a prose field of the contract has no 简体中文 translation, or a translation has
// no prose left to translate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED } from '../tools.mjs';
import { loadTranslations, prosePointers, translationProblems } from '../generate/translations.mjs';

const doc = JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8'));
const problems = translationProblems(doc, loadTranslations('zh-CN'), 'zh-CN');
if (problems.length > 0) {
  console.error(`spec/translations/zh-CN.yaml is out of step with spec/openapi.yaml:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`zh-CN: all ${prosePointers(doc).size} prose fields are translated.`);
}
