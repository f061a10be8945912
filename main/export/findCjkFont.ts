/**
 * A font that covers both Latin and Chinese, for PNG and PDF. `FLOWLANE_CJK_FONT` names
 * one explicitly; otherwise the usual places on Linux (fonts-noto-cjk, fonts-wqy-zenhei),
 * macOS and Windows are tried in turn.
 */
import { existsSync } from 'node:fs'

export interface FontFile {
  readonly path: string
  /** For font collections (.ttc): the face inside it, by PostScript name. */
  readonly face?: string
}

const CANDIDATES: readonly FontFile[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { path: '/System/Library/Fonts/STHeiti Light.ttc', face: 'STHeitiSC-Light' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
]

export function findCjkFont(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): FontFile | undefined {
  const explicit = env.FLOWLANE_CJK_FONT
  if (explicit) return exists(explicit) ? { path: explicit } : undefined
  return CANDIDATES.find((font) => exists(font.path))
}

export const NO_CJK_FONT =
  'no font with Chinese characters found; install one (Debian/Ubuntu: fonts-noto-cjk) or name it with FLOWLANE_CJK_FONT'
