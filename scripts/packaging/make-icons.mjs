// `npm run icons`: every icon the installers need, rendered from resources/icon.svg. icon.png (1024 px)
// is what electron-builder turns into the macOS .icns and the Windows .ico; icons/ holds the sizes
// Linux desktops pick from. The outputs are committed, so packaging does not need this step.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources')
export const linuxIconSizes = [16, 24, 32, 48, 64, 128, 256, 512]

/** @param {string} svg @param {number} size */
function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
}

const svg = await readFile(join(resources, 'icon.svg'), 'utf8')
await writeFile(join(resources, 'icon.png'), render(svg, 1024))
await mkdir(join(resources, 'icons'), { recursive: true })
for (const size of linuxIconSizes) await writeFile(join(resources, 'icons', `${size}x${size}.png`), render(svg, size))
console.log(`Wrote resources/icon.png (1024 px) and resources/icons/ (${linuxIconSizes.join(', ')} px) from resources/icon.svg.`)
