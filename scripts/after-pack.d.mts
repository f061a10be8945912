export declare const FUSES: Record<string, boolean>
export declare function electronBinary(context: {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string }; executableName: string }
}): string
export declare function afterPack(context: unknown): Promise<void>
export default afterPack
