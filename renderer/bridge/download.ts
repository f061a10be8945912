/** Hands data to the browser as a file download: the browser build's way of saving. */
export function downloadFile(data: string | Uint8Array | Blob, name: string, type: string): void {
  const blob =
    data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
