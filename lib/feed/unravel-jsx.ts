import type { Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'

/**
 * A paragraph holding only JSX elements (and spaces) is those elements, as the MDX compiler reads
 * it: `<tr><td>1</td></tr>` on one line inside a table is a row, not a paragraph with a row in it.
 */
export function remarkUnravelJsx() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return
      const elements = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      if (elements.length === 0 || !elements.every((child) => child.type === 'mdxJsxTextElement')) return
      const flow = elements.map((child) => ({ ...child, type: 'mdxJsxFlowElement' }) as RootContent)
      parent.children.splice(index, 1, ...(flow as never[]))
      return index + flow.length
    })
  }
}
