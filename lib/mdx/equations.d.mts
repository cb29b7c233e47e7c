import type { Root } from 'mdast'
import type { Node } from 'unist'
import type { Plugin } from 'unified'

export type EquationProblem = { node: Node; message: string }
export function equationId(label: string): string
export function resolveEquations(tree: Root, source: string): EquationProblem[]
export const remarkEquations: Plugin<[], Root>
export const rehypeFailOnMathErrors: Plugin<[]>
export function displayOneLineMath(tree: Root, source: string): void
