// Bundles the Node-side entry points with esbuild; the renderer is built by Vite.
import { build } from 'esbuild'
import { readFile, rm } from 'node:fs/promises'
import { NODE_BUNDLE } from './nodeBundle.mjs'

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
const started = performance.now()
// Chunk names carry hashes: start clean so old chunks do not pile up.
await rm('dist-cli', { recursive: true, force: true })

await build({
  entryPoints: { cli: 'main/cli/cli.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  // Commands load heavy code (renderers, Mermaid) on demand, as separate chunks.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  ...NODE_BUNDLE,
  banner: { js: '#!/usr/bin/env node' },
  define: { 'process.env.FLOWLANE_VERSION': JSON.stringify(pkg.version) },
})

// Electron's main process and the sandboxed preload: CommonJS, electron left to the runtime.
// Main keeps its npm dependencies external (they ship in the app's node_modules: pdfkit reads
// its font metrics from its own folder, resvg is native); the preload bundles everything,
// because a sandboxed preload can require nothing but electron.
for (const [entry, out, external] of [
  ['main/electron/main.ts', 'dist-electron/main.cjs', { packages: 'external' }],
  ['main/electron/preload.ts', 'dist-electron/preload.cjs', { external: ['electron'] }],
]) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    ...external,
    sourcemap: 'linked',
    logLevel: 'warning',
  })
}

console.log(
  `build-node: dist-cli/cli.mjs, dist-electron/main.cjs, preload.cjs in ${Math.round(performance.now() - started)} ms`,
)
