/**
 * Builds the `showrunner/scanner` package export: the compliance scanner bundled to one ES module,
 * dist/scanner/index.js, plus its type declarations under dist/scanner/types. Plain Node cannot import the
 * TypeScript sources, so `npm install` runs this through the `prepare` script (about a second, no network).
 * Its dependencies (opencc-js, pinyin-pro) stay imports: they are dependencies of the package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'server/modules/compliance/scanner');
const out = path.join(root, 'dist/scanner');

async function bundle(): Promise<void> {
  await build({
    entryPoints: [path.join(source, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Declarations via the TypeScript API; relative specifiers get `.js` so NodeNext consumers resolve them too. */
async function declarations(): Promise<boolean> {
  let ts: typeof import('typescript');
  try {
    ts = (await import('typescript')).default;
  } catch {
    return false; // a production install without devDependencies: the JavaScript still works
  }
  const typesDir = path.join(out, 'types');
  fs.rmSync(typesDir, { recursive: true, force: true });
  const program = ts.createProgram([path.join(source, 'index.ts')], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir: typesDir,
    rootDir: source,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    types: [],
  });
  // './scanner' → './scanner.js', './packs' → './packs/index.js', judged by the source tree.
  const withExtension = (file: string, spec: string): string => {
    if (spec.endsWith('.js')) return spec;
    const from = path.join(source, path.relative(typesDir, path.dirname(file)), spec);
    return fs.existsSync(`${from}.ts`) ? `${spec}.js` : `${spec}/index.js`;
  };
  const result = program.emit(undefined, (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text.replace(/(from\s+|import\()(['"])(\.\.?\/[^'"]+?)\2/g, (_m, lead: string, q: string, spec: string) => `${lead}${q}${withExtension(file, spec)}${q}`));
  });
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  return true;
}

fs.mkdirSync(out, { recursive: true });
await bundle();
const typed = await declarations();
fs.writeFileSync(path.join(out, 'index.d.ts'), typed ? "export * from './types/index.js';\n" : 'export {};\n');
