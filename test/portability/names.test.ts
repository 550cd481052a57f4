// Generated clients name their types after the document's components. A component named
// like a language built-in shadows it (typed-openapi's client extends the global `Error`;
// Java generators rename `Error` to `ModelError`). None may collide in the languages client
// teams generate for.
import { describe, expect, it } from 'vitest';
import { loadBundledDocument } from '../helpers/bundled-document.js';

/** Built-in type names that generators keep as written (PascalCase). */
const BUILT_IN_TYPES: Record<string, readonly string[]> = {
  TypeScript: ['Error', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Array', 'Date', 'Function', 'Promise', 'Map', 'Set', 'WeakMap', 'RegExp', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'Response', 'Request', 'Headers', 'URL', 'Blob', 'File', 'Event', 'JSON', 'Math', 'Iterator', 'Awaited', 'ReturnType'],
  Java: ['Error', 'Exception', 'Object', 'String', 'Integer', 'Long', 'Short', 'Byte', 'Float', 'Double', 'Boolean', 'Character', 'Number', 'Void', 'Class', 'Enum', 'Record', 'Thread', 'System', 'Math', 'Runtime', 'Process', 'Override', 'Iterable', 'Comparable', 'List', 'Map', 'Set', 'Date', 'UUID', 'File', 'Optional', 'Module', 'Package'],
  Go: ['Error', 'Any', 'Bool', 'Byte', 'Rune', 'String', 'Int', 'Float64', 'Time', 'Context'],
  Python: ['Exception', 'BaseException', 'Object', 'Type', 'Str', 'Int', 'Float', 'Bool', 'List', 'Dict', 'Set', 'Tuple', 'Bytes', 'None', 'True', 'False', 'Any', 'Optional', 'Union', 'Enum', 'Field', 'BaseModel'],
  'C#': ['Object', 'String', 'Exception', 'Type', 'Attribute', 'Task', 'Action', 'Func', 'Guid', 'DateTime', 'TimeSpan', 'Enum', 'Array', 'Delegate', 'Decimal', 'Int32', 'Int64', 'Boolean', 'Char', 'Uri', 'Version', 'Environment', 'Console'],
};

/** Keywords, which some generators lower-case names into. */
const KEYWORDS = ['abstract', 'any', 'as', 'async', 'await', 'bool', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const', 'continue', 'def', 'default', 'del', 'delete', 'do', 'double', 'else', 'enum', 'error', 'event', 'export', 'extends', 'false', 'final', 'finally', 'float', 'for', 'from', 'func', 'function', 'global', 'go', 'if', 'implements', 'import', 'in', 'instanceof', 'int', 'interface', 'is', 'lambda', 'let', 'long', 'map', 'module', 'namespace', 'new', 'nil', 'none', 'null', 'object', 'operator', 'package', 'pass', 'private', 'protected', 'public', 'raise', 'range', 'return', 'select', 'short', 'static', 'string', 'struct', 'super', 'switch', 'this', 'throw', 'true', 'try', 'type', 'typeof', 'var', 'void', 'while', 'with', 'yield'];

const doc = loadBundledDocument();
const names = Object.entries(doc.components as Record<string, Record<string, unknown>>).flatMap(([section, entries]) => Object.keys(entries).map((name) => ({ section, name })));

describe('component names generators can live with', () => {
  it('there are components to check', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  it.each(names)('$section.$name shadows no built-in of TypeScript, Java, Go, Python or C#', ({ name }) => {
    const clashes = Object.entries(BUILT_IN_TYPES).filter(([, types]) => types.includes(name)).map(([language]) => language);
    if (KEYWORDS.includes(name.toLowerCase())) clashes.push('a keyword');
    expect(clashes).toEqual([]);
  });

  it('would catch the old `Error` schema', () => {
    expect(Object.entries(BUILT_IN_TYPES).filter(([, types]) => types.includes('Error')).map(([l]) => l)).toEqual(['TypeScript', 'Java', 'Go']);
  });
});
