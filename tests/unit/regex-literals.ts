import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export type RegexSite = { file: string; line: number; source: string; flags: string }
/** A `new RegExp(…)` whose pattern is built at run time, so no checker can read it here. */
export type DynamicRegexSite = { file: string; line: number; text: string }

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/
const SKIPPED_DIRS = new Set(['node_modules', '.next', '.contentlayer'])

function sourceFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry)
  if (!statSync(full).isDirectory()) return SOURCE_FILE.test(entry) ? [entry] : []
  return readdirSync(full, { withFileTypes: true }).flatMap((child) => {
    if (child.isDirectory() && SKIPPED_DIRS.has(child.name)) return []
    return sourceFiles(root, path.join(entry, child.name))
  })
}

const isRegExpCall = (node: ts.Node): node is ts.NewExpression | ts.CallExpression =>
  (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp'

const literalText = (node: ts.Expression | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined

/** Every regex literal and `RegExp('…')` in the given files and folders (relative to `root`). */
export function findRegexes(root: string, entries: string[]) {
  const regexes: RegexSite[] = []
  const dynamic: DynamicRegexSite[] = []
  for (const file of entries.flatMap((entry) => sourceFiles(root, entry))) {
    const sourceFile = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true)
    const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile)
        const end = text.lastIndexOf('/')
        regexes.push({ file, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) })
      } else if (isRegExpCall(node)) {
        const [pattern, flags] = node.arguments ?? []
        const source = literalText(pattern)
        const flagText = flags === undefined ? '' : literalText(flags)
        if (source !== undefined && flagText !== undefined) regexes.push({ file, line: lineOf(node), source, flags: flagText })
        else dynamic.push({ file, line: lineOf(node), text: node.getText(sourceFile) })
      }
      ts.forEachChild(node, visit)
    }
    visit(sourceFile)
  }
  return { regexes, dynamic }
}
