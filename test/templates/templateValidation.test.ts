import { describe, expect, it } from 'vitest'
import { analyseCapacity } from '../../shared/analysis/capacity.js'
import { validateDocument } from '../../shared/validate/index.js'
import { loadTemplate, templateFiles } from '../support/templates.js'

describe.each(templateFiles().map((f) => [`${f.locale}/${f.id}`, f] as const))('template %s', (_key, file) => {
  const doc = loadTemplate(file)

  it('passes validation without a single problem', () => {
    expect(validateDocument(doc)).toEqual([])
  })

  it('keeps every role busy but below the point where queues explode', () => {
    for (const role of analyseCapacity(doc).roles.values()) expect(role.load, role.roleId).toBeLessThan(0.8)
  })
})
