import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: 'renderer',
  // Relative URLs: the same build serves from 127.0.0.1 in tests and from app:// in Electron.
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
})
