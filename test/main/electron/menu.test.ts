import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, menuLocale, type MenuState } from '../../../main/electron/menu.js'
import { MENU_COMMANDS } from '../../../shared/ipc/contract.js'

const STATE: MenuState = {
  platform: 'linux',
  isDev: false,
  canUndo: true,
  canRedo: false,
  hasSelection: false,
  recent: ['/home/ana/sales.flow.json', '/home/ana/R&D.flow.json'],
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function build(locale: string, state: Partial<MenuState> = {}) {
  const actions = { command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() }
  const template = buildMenuTemplate(locale, { ...STATE, ...state }, actions)
  const byId = (id: string) => flatten(template).find((i) => i.id === id)
  return { template, actions, byId, all: flatten(template) }
}

describe('native menus', () => {
  it('has File, Edit, View, Process, Simulate, Help in English', () => {
    expect(build('en-US').template.map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Process',
      '&Simulate',
      '&Help',
    ])
  })

  it('and in Chinese, with the same accelerators', () => {
    const zh = build('zh-CN')
    const en = build('en')
    expect(zh.template.map((m) => m.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '流程(&P)',
      '仿真(&S)',
      '帮助(&H)',
    ])
    expect(zh.byId('save')).toMatchObject({ label: '保存', accelerator: 'CmdOrCtrl+S' })
    expect(zh.byId('saveAs')).toMatchObject({ label: '另存为…', accelerator: 'CmdOrCtrl+Shift+S' })
    expect(zh.byId('undo')).toMatchObject({ label: '撤销', accelerator: 'CmdOrCtrl+Z' })
    const accelerators = (all: MenuItemConstructorOptions[]) => all.map((i) => [i.id, i.accelerator])
    expect(accelerators(zh.all)).toEqual(accelerators(en.all))
    expect(menuLocale('zh-TW')).toBe('zh-CN')
    expect(menuLocale('de')).toBe('en')
    expect(menuLocale(undefined)).toBe('en')
  })

  it('gives the expected accelerators to the main commands', () => {
    const { byId } = build('en')
    expect(
      Object.fromEntries(
        ['new', 'open', 'save', 'saveAs', 'undo', 'redo', 'find', 'zoomToFit', 'zoomIn', 'zoomOut', 'help'].map(
          (id) => [id, byId(id)?.accelerator],
        ),
      ),
    ).toEqual({
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      saveAs: 'CmdOrCtrl+Shift+S',
      undo: 'CmdOrCtrl+Z',
      redo: 'Ctrl+Y',
      find: 'CmdOrCtrl+F',
      zoomToFit: 'CmdOrCtrl+0',
      zoomIn: 'CmdOrCtrl+=',
      zoomOut: 'CmdOrCtrl+-',
      help: 'F1',
    })
    expect(byId('add-task')?.accelerator).toBe('Alt+2')
  })

  it('sends every command to the renderer, and every renderer command has an item', () => {
    const { all, actions } = build('en')
    const commands = all.filter((i) => (MENU_COMMANDS as readonly string[]).includes(i.id ?? ''))
    expect(commands.map((i) => i.id).sort()).toEqual([...MENU_COMMANDS].sort())
    for (const item of commands) (item.click as () => void)()
    expect(actions.command.mock.calls.map((c) => c[0]).sort()).toEqual([...MENU_COMMANDS].sort())
  })

  it('lists recent files by name and opens them by path; Clear Recent clears', () => {
    const { byId, actions } = build('en')
    expect(byId('recent-0')).toMatchObject({ label: 'sales.flow.json', sublabel: '/home/ana/sales.flow.json' })
    expect(byId('recent-1')?.label).toBe('R&&D.flow.json')
    ;(byId('recent-1')!.click as () => void)()
    expect(actions.openRecent).toHaveBeenCalledWith('/home/ana/R&D.flow.json')
    ;(byId('clearRecent')!.click as () => void)()
    expect(actions.clearRecent).toHaveBeenCalled()
    const empty = build('zh-CN', { recent: [] })
    expect(empty.byId('recent-none')).toMatchObject({ label: '没有最近的文件', enabled: false })
    expect(empty.byId('clearRecent')?.enabled).toBe(false)
  })

  it('follows the editor: Undo and Redo enabled as it says', () => {
    const { byId } = build('en', { canUndo: false, canRedo: true })
    expect(byId('undo')?.enabled).toBe(false)
    expect(byId('redo')?.enabled).toBe(true)
  })

  it('has no Reload (quality.md D13) and developer tools only in development', () => {
    const production = build('en')
    expect(production.all.some((i) => i.role === 'reload' || i.role === 'forceReload')).toBe(false)
    expect(production.all.some((i) => i.accelerator === 'CmdOrCtrl+R')).toBe(false)
    expect(production.byId('toggleDevTools')).toBeUndefined()
    expect(build('en', { isDev: true }).byId('toggleDevTools')?.role).toBe('toggleDevTools')
  })

  it('on macOS: an app menu first, a Window menu, no access keys', () => {
    const { template, byId } = build('zh-CN', { platform: 'darwin' })
    expect(template.map((m) => m.label)).toEqual(['Flowlane', '文件', '编辑', '视图', '流程', '仿真', '窗口', '帮助'])
    expect(byId('quit')).toBeUndefined()
    expect(byId('redo')?.accelerator).toBe('Cmd+Shift+Z')
    expect(build('en', { platform: 'darwin' }).template[1]!.label).toBe('File')
  })
})
