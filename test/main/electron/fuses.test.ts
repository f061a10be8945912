import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { REPO } from '../../support/runCli.js'

describe('Electron fuses for packaged builds (quality.md S21)', () => {
  it('the afterPack hook sets the release states, all of them fuses @electron/fuses knows', async () => {
    const { FUSES, electronBinary } = await import('../../../scripts/after-pack.mjs')
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    })
    for (const name of Object.keys(FUSES)) expect(FuseV1Options).toHaveProperty(name)
    const packager = { appInfo: { productFilename: 'Flowlane' }, executableName: 'flowlane' }
    expect(electronBinary({ appOutDir: '/out', electronPlatformName: 'linux', packager })).toBe('/out/flowlane')
    expect(electronBinary({ appOutDir: '/out', electronPlatformName: 'win32', packager })).toBe('/out/Flowlane.exe')
    expect(electronBinary({ appOutDir: '/out', electronPlatformName: 'darwin', packager })).toBe('/out/Flowlane.app')
  })

  it('electron-builder.yml runs it after packing, and packs the app into an ASAR', () => {
    const yml = readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')
    expect(yml).toMatch(/^afterPack: \.\/scripts\/after-pack\.mjs$/m)
    expect(yml).toMatch(/^asar: true$/m)
  })
})
