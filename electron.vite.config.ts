import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three bundles, one per runtime. The portal server is built as a second entry of the main
// bundle so that LocalPortal can launch it in a utilityProcess from the same output folder.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'portal-server': resolve('src/server/process-entry.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves bundles unminified; the renderer is parsed at every start, so minify it.
      minify: true,
      chunkSizeWarningLimit: 2048,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    }
  }
})
