// How the Node-side code is bundled: the CLI (build-node.mjs) and the benches (bench.mjs), so
// the benches measure the code as it ships.
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
}
