// `npm run bench`: the benches measure the code as it ships — bundled by esbuild the way
// scripts/build-node.mjs bundles the CLI, and run by plain Node. Run from source through the
// tsx loader instead, the simulator's hot loop is about a tenth slower and the plain reference
// engine about a twentieth, which skews the ratio between them (issue 4).
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'

await build({
  entryPoints: ['test/bench/run.ts'],
  outfile: 'dist-bench/run.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
})
const run = spawnSync(process.execPath, ['dist-bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
