// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before it is
// signed (quality.md S21). Runs only when packaging (`npx electron-builder …`), never in tests:
// the test imports FUSES and electronBinary, which load nothing.
import { join } from 'node:path'

/** Release fuse states (quality.md, "Fuses"): names of @electron/fuses' FuseV1Options. */
export const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
}

/** Where electron-builder put the Electron executable of this platform. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const product = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${product}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${product}.exe`)
  return join(appOutDir, packager.executableName)
}

export async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.arch === 3 /* arm64 */ }
  for (const [name, value] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses does not know the fuse ${name}`)
    config[FuseV1Options[name]] = value
  }
  const binary = electronBinary(context)
  await flipFuses(binary, config)
  console.log(`  • fuses set on ${binary}`)
}

export default afterPack
