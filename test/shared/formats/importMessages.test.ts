import { describe, expect, it } from 'vitest'
import {
  formatImportMessage,
  importMessage,
  importMessagesEn,
  importMessagesZhCN,
  type ImportMessageKey,
} from '../../../shared/formats/importMessages/index.js'
import { fromMermaid } from '../../../shared/formats/mermaid/index.js'

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const fill = (template: string, values: Readonly<Record<string, string | number>>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))

describe('importer messages', () => {
  it('have the same keys and placeholders in English and Chinese, and no empty text', () => {
    expect(Object.keys(importMessagesZhCN).sort()).toEqual(Object.keys(importMessagesEn).sort())
    for (const key of Object.keys(importMessagesEn) as ImportMessageKey[]) {
      expect(placeholders(importMessagesZhCN[key]), key).toEqual(placeholders(importMessagesEn[key]))
      expect(importMessagesZhCN[key].trim(), key).not.toBe('')
    }
  })

  it('keep the English text the CLI prints, and carry what it takes to say it in Chinese', () => {
    const names = Array.from({ length: 10 }, (_, i) => `task${i}`)
    const message = importMessage('lossLoops', undefined, names)
    expect(message.message).toBe(
      'dropped loop and multi-instance markers: task0, task1, task2, task3, task4, task5, task6, task7 and 2 more',
    )
    expect(formatImportMessage(message, (key, values) => fill(importMessagesZhCN[key], values))).toBe(
      '已去掉循环和多实例标记：task0, task1, task2, task3, task4, task5, task6, task7 等，另有 2 个',
    )
  })

  it('come with every warning an importer gives', async () => {
    const result = await fromMermaid('flowchart RL\n  A --> B\n  click A "https://example.com"\n', 'x.mmd', () =>
      Promise.resolve({
        diagramType: 'flowchart-v2',
        direction: 'RL',
        vertices: [{ id: 'A' }, { id: 'B' }],
        edges: [{ start: 'A', end: 'B', type: 'arrow_point' }],
        subgraphs: [],
      }),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.warnings.map((w) => w.messageKey)).toEqual(['mermaidDirectionRL', 'mermaidClick'])
  })
})
