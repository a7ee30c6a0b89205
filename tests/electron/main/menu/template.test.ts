import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { APP_COMMANDS, type AppCommand } from '@shared/ipc'
import { menuDe } from '@shared/i18n/menu.de'
import { menuEn } from '@shared/i18n/menu.en'
import { buildMenuTemplate, menuLanguage, type MenuLanguage } from '../../../../electron/main/menu/template'

type Item = MenuItemConstructorOptions

function build(lang: MenuLanguage, platform: string, isDev = false) {
  const commands: AppCommand[] = []
  let folderShown = 0
  const template = buildMenuTemplate(
    lang,
    platform,
    { command: (c) => commands.push(c), showAbout: () => commands.push('about'), showDataFolder: () => folderShown++ },
    { isDev },
  )
  return { template, commands, folderShown: () => folderShown }
}

function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function click(item: Item): void {
  ;(item.click as () => void)()
}

const PLATFORMS = ['darwin', 'win32', 'linux'] as const
const LANGS = ['en', 'de'] as const

describe('buildMenuTemplate', () => {
  it('has File/Edit/View/Window/Help everywhere, plus the app menu on macOS', () => {
    expect(build('en', 'darwin').template.map((m) => m.label)).toEqual(['Longhand', 'File', 'Edit', 'View', 'Window', 'Help'])
    expect(build('en', 'win32').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    expect(build('de', 'linux').template.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Darstellung', 'Fenster', 'Hilfe'])
    expect(build('de', 'darwin').template.map((m) => m.label)).toEqual(['Longhand', 'Datei', 'Bearbeiten', 'Darstellung', 'Fenster', 'Hilfe'])
  })

  it.each(PLATFORMS.flatMap((p) => LANGS.map((l) => [p, l] as const)))('offers every app command exactly once on %s (%s)', (platform, lang) => {
    const { template, commands } = build(lang, platform)
    const items = flatten(template).filter((item) => item.id && APP_COMMANDS.includes(item.id as AppCommand))
    expect(items.map((item) => item.id).sort()).toEqual([...APP_COMMANDS].sort())
    items.forEach(click)
    expect(commands.sort()).toEqual([...APP_COMMANDS].sort())
  })

  it.each(PLATFORMS)('uses standard accelerators without duplicates on %s', (platform) => {
    const items = flatten(build('en', platform).template)
    const byId = (id: string) => items.find((item) => item.id === id)?.accelerator
    expect(byId('new-draft')).toBe('CmdOrCtrl+N')
    expect(byId('import')).toBe('CmdOrCtrl+O')
    expect(byId('find')).toBe('CmdOrCtrl+F')
    expect(byId('settings')).toBe(platform === 'darwin' ? 'Cmd+,' : 'Ctrl+,')
    const roles = items.map((item) => item.role).filter(Boolean)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'minimize', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']))
    const accelerators = items.map((item) => item.accelerator).filter((a): a is string => typeof a === 'string')
    expect(new Set(accelerators).size).toBe(accelerators.length)
    // Ctrl+Alt is AltGr on German Windows keyboards (€, @, {): never bind it.
    expect(accelerators.filter((a) => /Ctrl\+Alt|Alt\+Ctrl/.test(a))).toEqual([])
  })

  it('puts About, Settings and Quit where each platform expects them', () => {
    const mac = build('en', 'darwin').template
    expect((mac[0]!.submenu as Item[]).map((i) => i.id ?? i.role)).toEqual(expect.arrayContaining(['about', 'settings', 'quit', 'hide', 'services']))
    const win = build('en', 'win32').template
    const file = win[0]!.submenu as Item[]
    expect(file.map((i) => i.id ?? i.role)).toEqual(expect.arrayContaining(['settings', 'quit']))
    expect(file.find((i) => i.role === 'quit')?.accelerator).toBe('Ctrl+Q')
    const help = win.at(-1)!.submenu as Item[]
    expect(help.map((i) => i.id)).toContain('about')
  })

  it('shows developer items only in development', () => {
    const roles = (isDev: boolean) => flatten(build('en', 'linux', isDev).template).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
  })

  it('opens the native About window instead of messaging the renderer', () => {
    let about = 0
    const sent: AppCommand[] = []
    const template = buildMenuTemplate('en', 'linux', { command: (c) => sent.push(c), showAbout: () => about++, showDataFolder: () => undefined })
    click(flatten(template).find((i) => i.id === 'about')!)
    expect(about).toBe(1)
    expect(sent).toEqual([])
  })

  it('opens the library folder from Help', () => {
    const menu = build('de', 'win32')
    const item = flatten(menu.template).find((i) => i.id === 'show-data-folder')!
    expect(item.label).toBe('Bibliotheksordner zeigen')
    click(item)
    expect(menu.folderShown()).toBe(1)
  })

  it('labels every item in the chosen language', () => {
    for (const platform of PLATFORMS) {
      const labels = flatten(build('de', platform, true).template)
        .filter((i) => i.type !== 'separator')
        .map((i) => i.label)
      expect(labels.every((label) => typeof label === 'string' && label.length > 0)).toBe(true)
      const germanOnly = new Set<string>(Object.values(menuDe))
      expect(labels.filter((label) => !germanOnly.has(label as string))).toEqual([])
    }
  })
})

describe('menu strings', () => {
  it('German and English have the same keys, and German is actually translated', () => {
    expect(Object.keys(menuDe).sort()).toEqual(Object.keys(menuEn).sort())
    const same = (Object.keys(menuEn) as Array<keyof typeof menuEn>).filter((key) => menuEn[key] === menuDe[key])
    expect(same.sort()).toEqual(['app', 'version'])
  })

  it('follows the OS locale when the setting says "system"', () => {
    expect(menuLanguage('system', 'de-DE')).toBe('de')
    expect(menuLanguage('system', 'de_AT')).toBe('de')
    expect(menuLanguage('system', 'de')).toBe('de')
    expect(menuLanguage('system', 'en-US')).toBe('en')
    expect(menuLanguage('system', 'dev')).toBe('en')
    expect(menuLanguage('system', '')).toBe('en')
    expect(menuLanguage('en', 'de-DE')).toBe('en')
    expect(menuLanguage('de', 'en-US')).toBe('de')
  })
})
