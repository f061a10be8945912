/**
 * The native menus — File, Edit, View, Process, Simulate, Help — in English and Chinese,
 * following the app language. `buildMenuTemplate` is pure: it returns the template that
 * `Menu.buildFromTemplate` takes, and each command item calls `actions.command`, which sends
 * the command to the renderer; the renderer runs the same action as its toolbar and shortcuts.
 */
import { basename } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/contract.js'

export type MenuLocale = 'en' | 'zh-CN'

export function menuLocale(locale: string | undefined): MenuLocale {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export interface MenuState {
  readonly platform: NodeJS.Platform
  /** Developer tools only in development builds. */
  readonly isDev: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly hasSelection: boolean
  readonly recent: readonly string[]
}

export interface MenuActions {
  command(command: MenuCommand): void
  openRecent(path: string): void
  clearRecent(): void
}

const STRINGS = {
  en: {
    file: '&File',
    new: 'New from Template…',
    open: 'Open…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Files',
    clearRecent: 'Clear Recent',
    save: 'Save',
    saveAs: 'Save As…',
    export: 'Export',
    exportSvg: 'SVG Image…',
    exportPng: 'PNG Image…',
    exportPdf: 'PDF Document…',
    exportMermaid: 'Mermaid…',
    exportBpmn: 'BPMN 2.0…',
    exportMarkdown: 'Handbook (Markdown)…',
    exportHtml: 'Handbook (HTML)…',
    close: 'Close Window',
    quit: 'Quit Flowlane',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    duplicate: 'Duplicate',
    delete: 'Delete',
    selectAll: 'Select All Steps',
    find: 'Find a Step…',
    view: '&View',
    zoomToFit: 'Zoom to Fit',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Toggle Developer Tools',
    process: '&Process',
    addStep: 'Add Step',
    autoLayout: 'Auto-layout',
    kinds: ['Start', 'Task', 'Decision', 'Approval', 'Wait', 'Parallel', 'Subprocess', 'End', 'Note'],
    simulate: '&Simulate',
    runSimulation: 'Run Simulation…',
    help: '&Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About Flowlane',
    window: 'Window',
  },
  'zh-CN': {
    file: '文件(&F)',
    new: '从模板新建…',
    open: '打开…',
    openRecent: '最近打开',
    noRecent: '没有最近的文件',
    clearRecent: '清除最近记录',
    save: '保存',
    saveAs: '另存为…',
    export: '导出',
    exportSvg: 'SVG 图像…',
    exportPng: 'PNG 图像…',
    exportPdf: 'PDF 文档…',
    exportMermaid: 'Mermaid…',
    exportBpmn: 'BPMN 2.0…',
    exportMarkdown: '流程手册（Markdown）…',
    exportHtml: '流程手册（HTML）…',
    close: '关闭窗口',
    quit: '退出 Flowlane',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    duplicate: '创建副本',
    delete: '删除',
    selectAll: '选择全部步骤',
    find: '查找步骤…',
    view: '视图(&V)',
    zoomToFit: '适合窗口',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    devTools: '切换开发者工具',
    process: '流程(&P)',
    addStep: '添加步骤',
    autoLayout: '自动布局',
    kinds: ['开始', '任务', '判断', '审批', '等待', '并行', '子流程', '结束', '注释'],
    simulate: '仿真(&S)',
    runSimulation: '运行仿真…',
    help: '帮助(&H)',
    shortcuts: '键盘快捷键',
    about: '关于 Flowlane',
    window: '窗口',
  },
} as const

const KIND_COMMANDS = [
  'add-start',
  'add-task',
  'add-decision',
  'add-approval',
  'add-wait',
  'add-parallel',
  'add-subprocess',
  'add-end',
  'add-note',
] as const satisfies readonly MenuCommand[]

/** macOS menus have no access keys: "&File" becomes "File", "文件(&F)" becomes "文件". */
const forPlatform = (label: string, platform: NodeJS.Platform): string =>
  platform === 'darwin' ? label.replace(/\(&\w\)$/, '').replace('&', '') : label

export function buildMenuTemplate(
  locale: string | undefined,
  state: MenuState,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = STRINGS[menuLocale(locale)]
  const mac = state.platform === 'darwin'
  const top = (label: string, submenu: MenuItemConstructorOptions[]): MenuItemConstructorOptions => ({
    label: forPlatform(label, state.platform),
    submenu,
  })
  const item = (
    command: MenuCommand,
    label: string,
    accelerator?: string,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
    ...extra,
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const recent: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ id: 'recent-none', label: t.noRecent, enabled: false }]
      : state.recent.map((path, i) => ({
          id: `recent-${i}`,
          // An underscore or ampersand in a file name is not an access key.
          label: basename(path).replace(/&/g, '&&'),
          sublabel: path,
          toolTip: path,
          click: () => actions.openRecent(path),
        }))

  const file = top(t.file, [
    item('new', t.new, 'CmdOrCtrl+N'),
    item('open', t.open, 'CmdOrCtrl+O'),
    {
      id: 'openRecent',
      label: t.openRecent,
      submenu: [
        ...recent,
        separator,
        {
          id: 'clearRecent',
          label: t.clearRecent,
          enabled: state.recent.length > 0,
          click: () => actions.clearRecent(),
        },
      ],
    },
    separator,
    item('save', t.save, 'CmdOrCtrl+S'),
    item('saveAs', t.saveAs, 'CmdOrCtrl+Shift+S'),
    separator,
    {
      id: 'export',
      label: t.export,
      submenu: [
        item('export-svg', t.exportSvg),
        item('export-png', t.exportPng),
        item('export-pdf', t.exportPdf, 'CmdOrCtrl+Shift+E'),
        separator,
        item('export-mermaid', t.exportMermaid),
        item('export-bpmn', t.exportBpmn),
        separator,
        item('export-markdown', t.exportMarkdown),
        item('export-html', t.exportHtml),
      ],
    },
    separator,
    { id: 'close', role: 'close', label: t.close, accelerator: 'CmdOrCtrl+W' },
    ...(mac ? [] : [separator, { id: 'quit', role: 'quit', label: t.quit, accelerator: 'Ctrl+Q' } as const]),
  ])

  const edit = top(t.edit, [
    item('undo', t.undo, 'CmdOrCtrl+Z', { enabled: state.canUndo }),
    item('redo', t.redo, mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', { enabled: state.canRedo }),
    separator,
    // The clipboard roles fire the page's copy/cut/paste events, which the editor handles.
    { id: 'cut', role: 'cut', label: t.cut, accelerator: 'CmdOrCtrl+X' },
    { id: 'copy', role: 'copy', label: t.copy, accelerator: 'CmdOrCtrl+C' },
    { id: 'paste', role: 'paste', label: t.paste, accelerator: 'CmdOrCtrl+V' },
    item('duplicate', t.duplicate, 'CmdOrCtrl+D', { enabled: state.hasSelection }),
    item('delete', t.delete, undefined, { enabled: state.hasSelection }),
    separator,
    item('selectAll', t.selectAll, 'CmdOrCtrl+A'),
    item('find', t.find, 'CmdOrCtrl+F'),
  ])

  const view = top(t.view, [
    item('zoomToFit', t.zoomToFit, 'CmdOrCtrl+0'),
    item('zoomIn', t.zoomIn, 'CmdOrCtrl+='),
    item('zoomOut', t.zoomOut, 'CmdOrCtrl+-'),
    separator,
    { id: 'togglefullscreen', role: 'togglefullscreen', label: t.fullScreen, accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    // No Reload item: a reload would drop unsaved work without asking (quality.md D13).
    ...(state.isDev
      ? [
          separator,
          {
            id: 'toggleDevTools',
            role: 'toggleDevTools',
            label: t.devTools,
            accelerator: 'CmdOrCtrl+Shift+I',
          } as const,
        ]
      : []),
  ])

  const processMenu = top(t.process, [
    {
      id: 'addStep',
      label: t.addStep,
      submenu: KIND_COMMANDS.map((command, i) => item(command, t.kinds[i]!, `Alt+${i + 1}`)),
    },
    item('autoLayout', t.autoLayout, 'CmdOrCtrl+Shift+L'),
  ])

  const simulate = top(t.simulate, [item('simulate', t.runSimulation, 'F5')])

  const help = top(t.help, [
    item('help', t.shortcuts, 'F1'),
    ...(mac ? [] : [separator, { id: 'about', role: 'about', label: t.about } as const]),
  ])

  const template: MenuItemConstructorOptions[] = [file, edit, view, processMenu, simulate]
  if (mac) {
    template.unshift({
      label: 'Flowlane',
      submenu: [
        { role: 'about', label: t.about },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit', label: t.quit },
      ],
    })
    template.push({ label: t.window, role: 'windowMenu' })
  }
  template.push(help)
  return template
}
