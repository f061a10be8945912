import { describe, expect, it } from 'vitest'
import { CURRENT_VERSION, migrate, migrations, parseDocument, type Migration } from '../../../shared/document/index.js'
import { tinyRaw } from '../../support/documents.js'

describe('migrations', () => {
  it('are listed in order, one per version, ending at the current version', () => {
    migrations.forEach((m, index) => expect(m.version).toBe(index + 2))
    expect((migrations.at(-1)?.version ?? 1) === CURRENT_VERSION).toBe(true)
  })

  it('upgrade an older document step by step, without touching the original', () => {
    // given a hypothetical format history 1 → 2 → 3
    const list: Migration[] = [
      { version: 3, name: 'RenameOwnerToResponsible', up: (d) => void ((d.responsible = d.owner), delete d.owner) },
      { version: 2, name: 'AddOwner', up: (d) => void (d.owner = 'rep') },
    ]
    const original = { version: 1, name: 'old' }
    // when
    const upgraded = migrate(original, list)
    // then
    expect(upgraded).toEqual({ version: 3, name: 'old', responsible: 'rep' })
    expect(original).toEqual({ version: 1, name: 'old' })
  })

  it('refuses a gap in the migration list', () => {
    expect(() => migrate({ version: 1 }, [{ version: 3, name: 'Skip', up: () => undefined }])).toThrow(
      'no migration from version 1 to 2',
    )
  })

  it('runs on load before the schema check, and the loaded document is current', () => {
    // given a version-0 file whose node label was called "title", and a migration for it
    const raw = tinyRaw()
    raw.version = 0
    raw.nodes[0].title = raw.nodes[0].label
    delete raw.nodes[0].label
    const toOne: Migration = {
      version: 1,
      name: 'TitleToLabel',
      up: (d) => {
        for (const node of d.nodes as Record<string, unknown>[]) {
          if ('title' in node) {
            node.label = node.title
            delete node.title
          }
        }
      },
    }
    // version 0 is below the schema's minimum only until migrated
    const result = parseDocument(JSON.stringify(raw), 'old.flow.json', { migrations: [toOne] })
    expect(result.ok && result.value.nodes[0]?.label).toBe('Lead')
    expect(result.ok && result.value.version).toBe(1)
  })
})

describe('a version no migration reaches', () => {
  it('is refused with a message saying it cannot be upgraded', () => {
    const raw = tinyRaw()
    raw.version = 0
    const result = parseDocument(JSON.stringify(raw), 'ancient.flow.json')
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: 'migration-failed',
      path: 'version',
      message: 'cannot upgrade from version 0 to 1',
    })
  })
})
