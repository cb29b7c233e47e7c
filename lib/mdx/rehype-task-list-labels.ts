import type { Element, ElementContent, Root } from 'hast'

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}

function isCheckbox(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'input' && node.properties?.type === 'checkbox'
}

function visit(node: Root | Element) {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'li') labelTaskItem(child)
    visit(child)
  }
}

/** Names each GFM task-list checkbox after its item's text, so screen readers say what is checked. */
function labelTaskItem(item: Element) {
  const holder = item.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p') ?? item
  const checkbox = holder.children.find(isCheckbox)
  if (!checkbox) return
  const label = holder.children.filter((c) => c !== checkbox).map(textOf).join('').trim()
  if (label) checkbox.properties = { ...checkbox.properties, ariaLabel: label }
}

export default function rehypeTaskListLabels() {
  return (tree: Root) => visit(tree)
}
