import type { MDXComponents } from 'mdx/types'
import { CellOutput } from './cell-output'
import { CodeBlock } from './code-block'
import { Figure } from './figure'
import { InteractiveChart } from './interactive-chart'
import { Layer, LayerFlow } from './layer-flow'
import { ScrollTable } from './scroll-table'
import { SerialVsParallel } from './serial-vs-parallel'

/** Every component a note may use. The admin's MDX policy allows exactly these names. */
export const noteComponents = { Figure, SerialVsParallel, LayerFlow, Layer, CellOutput, InteractiveChart }

export const mdxComponents: MDXComponents = {
  ...noteComponents,
  pre: CodeBlock,
  table: ScrollTable,
}
