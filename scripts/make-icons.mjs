// Renders build/icon.svg to the PNGs electron-builder needs: build/icon.png (1024 px; it
// derives the Windows .ico and the macOS .icns from it) and build/icons/<n>x<n>.png for Linux.
// Run with `npm run icons` after changing the SVG; the PNGs are committed.
import { Resvg } from '@resvg/resvg-js'
import { mkdir, readFile, writeFile } from 'node:fs/promises'

const svg = await readFile(new URL('../build/icon.svg', import.meta.url), 'utf8')
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()

await writeFile(new URL('../build/icon.png', import.meta.url), render(1024))
await mkdir(new URL('../build/icons/', import.meta.url), { recursive: true })
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  await writeFile(new URL(`../build/icons/${size}x${size}.png`, import.meta.url), render(size))
}
console.log('icons: build/icon.png and build/icons/*.png')
