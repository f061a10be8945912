import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: 'renderer',
  // Relative URLs: the same build serves from 127.0.0.1 in tests and from app:// in Electron.
  base: './',
  plugins: [react()],
  // RENDERER_OUT (relative to the repository) lets parallel checkouts of work build side by side.
  build: {
    outDir: `../${process.env.RENDERER_OUT ?? 'dist/renderer'}`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
})
