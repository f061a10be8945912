import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { stepsInFlowOrder } from '../../../../shared/formats/handbook/handbookModel.js'
import { markdownText, toMarkdown } from '../../../../shared/formats/handbook/toMarkdown.js'
import { toHtml } from '../../../../shared/formats/handbook/toHtml.js'
import { flowWith, validFlow } from '../../../support/flows.js'
import { loadTemplate, templateFiles } from '../../../support/templates.js'

const b2b = (locale: string) =>
  loadTemplate(templateFiles().find((f) => f.id === 'b2b-pipeline' && f.locale === locale)!)

describe('process handbook', () => {
  it('lists steps in the order a case meets them, ends last', () => {
    expect(stepsInFlowOrder(validFlow()).map((n) => n.id)).toEqual(['in', 'qualify', 'ok', 'approve', 'won', 'lost'])
    const order = stepsInFlowOrder(b2b('en')).map((n) => n.id)
    expect(order.indexOf('negotiation')).toBeLessThan(order.indexOf('contract-signing'))
  })

  it('in Markdown: title, the diagram as Mermaid, a table of steps with owner and time limit, details, roles', () => {
    const md = toMarkdown(b2b('en'))
    expect(md.startsWith('# B2B sales pipeline\n')).toBe(true)
    expect(md).toContain('```mermaid\nflowchart')
    expect(md).toContain('| 7 | Quote preparation | Task | Sales team member | 2 workdays | 3 h – 10 h (6 h) |')
    expect(md).toContain('### 14. Order execution')
    expect(md).toMatch(/\*\*Operating steps\*\*\n\n1\. /)
    expect(md).toMatch(/\| Sales manager \| 2 \| 150 CNY \| \d+% \| Negotiation, Contract signing \|/)
  })

  it('speaks the document’s language', () => {
    const md = toMarkdown(b2b('zh-CN'))
    expect(md).toContain('## 步骤一览')
    expect(md).toContain('| 7 | 报价准备 | 任务 | 销售团队成员 | 2个工作日 |')
  })

  it('escapes what users wrote, in Markdown and in HTML', () => {
    const doc = flowWith((d) => {
      d.nodes[1]!.label = '<script>alert(1)</script> | *bold* [x](javascript:alert(1))'
      d.nodes[1]!.steps = ['<img src=x onerror=alert(1)>']
    })
    const md = toMarkdown(doc)
    expect(md).not.toMatch(/(?<!\\)<script/)
    expect(md).not.toMatch(/(?<!\\)<img/)
    expect(md).toContain(markdownText('<script>alert(1)</script> | *bold* [x](javascript:alert(1))'))
    const html = new JSDOM(toHtml(doc)).window.document
    expect(html.querySelectorAll('script, img, iframe, a')).toHaveLength(0)
    expect(html.querySelector('h3')?.textContent).toBe('2. <script>alert(1)</script> | *bold* [x](javascript:alert(1))')
  })

  it('in HTML: one self-contained page with the diagram inline and a policy that forbids scripts', () => {
    const page = toHtml(b2b('zh-CN'))
    const html = new JSDOM(page).window.document
    expect(html.documentElement.lang).toBe('zh-CN')
    expect(html.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "default-src 'none'",
    )
    expect(html.querySelectorAll('figure svg g.node').length).toBe(b2b('zh-CN').nodes.length)
    expect(html.querySelectorAll('section h3').length).toBeGreaterThan(10)
    expect(page).not.toMatch(/<script|<link|src=/)
  })
})
