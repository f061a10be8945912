/**
 * Printing in a browser, which cannot write a PDF itself: the page goes to the browser's
 * print dialog in a hidden frame, where the user chooses "Save as PDF".
 */

/** Prints an HTML document; the frame stays a minute so the dialog can read it. */
export function printHtml(html: string): HTMLIFrameElement {
  const frame = document.createElement('iframe')
  frame.setAttribute('aria-hidden', 'true')
  frame.dataset.testid = 'print-frame'
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10px;top:-10px'
  frame.srcdoc = html
  frame.onload = () => {
    frame.contentWindow?.print()
    setTimeout(() => frame.remove(), 60_000)
  }
  document.body.append(frame)
  return frame
}

/** Slides as a document to print: each SVG on a page of its own size, nothing around it. */
export function pagesHtml(pages: readonly string[], title: string): string {
  const size = /width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(pages[0] ?? '')
  // CSS pixels to points, as the desktop's PDF renderer counts them.
  const width = Number(size?.[1] ?? 1600) * 0.75
  const height = Number(size?.[2] ?? 900) * 0.75
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const images = pages
    .map(
      (svg) => `<div class="page"><img alt="" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}"></div>`,
    )
    .join('\n')
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escaped}</title><style>
@page { size: ${width}pt ${height}pt; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff }
.page { width: ${width}pt; height: ${height}pt; overflow: hidden; break-after: page }
.page:last-child { break-after: auto }
.page img { display: block; width: 100%; height: 100% }
</style></head><body>
${images}
</body></html>
`
}
