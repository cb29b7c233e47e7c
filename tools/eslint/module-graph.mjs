// What the import-boundary rules need to know about the project's own modules: where an import
// leads, and what that module imports in turn. Files are parsed once per modification time.
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.jsx']

/** @typedef {{ directive: string | undefined, serverOnly: boolean, valueImports: string[] }} ModuleInfo */

/** @type {Map<string, { mtimeMs: number, info: ModuleInfo }>} */
const cache = new Map()

/** @param {string} file */
function modified(file) {
  try {
    const stats = statSync(file)
    return stats.isFile() ? stats.mtimeMs : undefined
  } catch {
    return undefined
  }
}

/**
 * The path an `@/…` or relative specifier names, as written (no extension added); undefined for
 * a package.
 * @param {string} root @param {string} from the importing file @param {string} specifier
 */
export function importPath(root, from, specifier) {
  if (specifier.startsWith('@/')) return path.join(root, specifier.slice(2))
  if (specifier.startsWith('./') || specifier.startsWith('../')) return path.resolve(path.dirname(from), specifier)
  return undefined
}

/**
 * The project file an import loads, the way the bundler finds it; undefined for a package or a
 * file that does not exist.
 * @param {string} root @param {string} from @param {string} specifier
 */
export function resolveImport(root, from, specifier) {
  const base = importPath(root, from, specifier)
  if (!base) return undefined
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]
  return candidates.find((file) => modified(file) !== undefined)
}

/** @param {ts.ImportClause | undefined} clause */
function typeOnly(clause) {
  if (!clause) return false
  if (clause.isTypeOnly) return true
  const named = clause.namedBindings
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly)
}

/** @param {string} file @param {string} text @returns {ModuleInfo} */
function scan(file, text) {
  const ext = path.extname(file)
  const kind = ext === '.tsx' ? ts.ScriptKind.TSX : ext === '.jsx' ? ts.ScriptKind.JSX : ['.js', '.mjs'].includes(ext) ? ts.ScriptKind.JS : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind)
  const first = source.statements[0]
  const directive = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : undefined
  /** @type {string[]} */
  const valueImports = []
  let serverOnly = false
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.moduleSpecifier.text === 'server-only') serverOnly = true
      if (!typeOnly(statement.importClause)) valueImports.push(statement.moduleSpecifier.text)
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause
      const allTypes = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly)
      if (!statement.isTypeOnly && !allTypes) valueImports.push(statement.moduleSpecifier.text)
    }
  }
  return { directive, serverOnly, valueImports }
}

/** @param {string} file an existing project file @returns {ModuleInfo} */
export function moduleInfo(file) {
  const mtimeMs = modified(file) ?? -1
  const hit = cache.get(file)
  if (hit && hit.mtimeMs === mtimeMs) return hit.info
  const info = scan(file, readFileSync(file, 'utf8'))
  cache.set(file, { mtimeMs, info })
  return info
}

/** A project path as written in messages and folder rules: relative to the root, with `/`. */
export function projectPath(/** @type {string} */ root, /** @type {string} */ file) {
  return path.relative(root, file).split(path.sep).join('/')
}
