import type { Element, Root } from 'hast'
import { describe, expect, it } from 'vitest'
import rehypeTaskListLabels from '@/lib/mdx/rehype-task-list-labels.mjs'

const checkbox = (): Element => ({ type: 'element', tagName: 'input', properties: { type: 'checkbox', disabled: true }, children: [] })

function taskList(...items: Element[]): Root {
  return { type: 'root', children: [{ type: 'element', tagName: 'ul', properties: {}, children: items }] }
}

describe('rehypeTaskListLabels', () => {
  it('names each checkbox after the text of its item', () => {
    const box = checkbox()
    const tree = taskList({
      type: 'element',
      tagName: 'li',
      properties: { className: ['task-list-item'] },
      children: [box, { type: 'text', value: ' Write a ' }, { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: 'kernel' }] }],
    })
    rehypeTaskListLabels()(tree)
    expect(box.properties.ariaLabel).toBe('Write a kernel')
  })

  it('finds the checkbox inside a loose item paragraph, and leaves other items alone', () => {
    const box = checkbox()
    const plain: Element = { type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value: 'plain' }] }
    const tree = taskList(
      { type: 'element', tagName: 'li', properties: {}, children: [{ type: 'element', tagName: 'p', properties: {}, children: [box, { type: 'text', value: 'Done' }] }] },
      plain,
    )
    rehypeTaskListLabels()(tree)
    expect(box.properties.ariaLabel).toBe('Done')
    expect(plain.properties).toEqual({})
  })
})
