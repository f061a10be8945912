// `npm run bench`: the benches measure the code as it ships — bundled by esbuild as the CLI is
// (nodeBundle.mjs), and run by plain Node. Run from source through the tsx loader instead, the
// simulator's hot loop is about a tenth slower and the plain reference engine about a
// twentieth, which skews the ratio between them (issue 4).
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { NODE_BUNDLE } from './nodeBundle.mjs'

await build({ ...NODE_BUNDLE, entryPoints: ['test/bench/run.ts'], outfile: 'dist-bench/run.mjs' })
const run = spawnSync(process.execPath, ['dist-bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
