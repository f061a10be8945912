/**
 * The walkthrough as a PDF, one page per step in walk order (shared/formats/walkthrough). The
 * desktop draws the pages in main with the CLI's PDF renderer; a browser, which cannot write a
 * PDF itself, prints them — "Save as PDF" in its print dialog — as it does the handbook.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import { walkthroughPages, type WalkthroughText } from '../../shared/formats/walkthrough/walkthroughPages.js'
import { bridge, isDesktop } from '../bridge/bridge.js'
import { pagesHtml, printHtml } from '../export/print.js'
import { fileStem } from '../export/png.js'
import type { useT } from '../i18n/index.js'

type Translate = ReturnType<typeof useT>['t']

/** The card's words in the UI language, as the walkthrough shows them on screen. */
export function walkthroughText(t: Translate): WalkthroughText {
  return {
    count: t('present.count', { number: '{{number}}', total: '{{total}}', kind: '{{kind}}' }),
    lane: t('present.lane'),
    owner: t('present.owner'),
    timeLimit: t('present.timeLimit'),
    work: t('present.work'),
    resources: t('present.resources'),
    qualityControls: t('present.qualityControls'),
  }
}

/** Saves (desktop) or prints (browser) the walkthrough; returns what to tell the presenter. */
export async function exportWalkthrough(doc: FlowDocument, t: Translate): Promise<string | null> {
  const pages = walkthroughPages(doc, { text: walkthroughText(t) })
  if (!isDesktop) {
    printHtml(pagesHtml(pages, doc.name))
    return t('present.printHint', { count: pages.length })
  }
  const result = await bridge.writeExport(
    'walkthrough-pdf',
    JSON.stringify(pages),
    `${fileStem(doc.name)}.walkthrough.pdf`,
  )
  if (result.ok) return t('exportDialog.exported', { file: result.file.name })
  return result.cancelled ? null : t('exportDialog.notExported', { reason: result.message ?? t('notices.notWritten') })
}
