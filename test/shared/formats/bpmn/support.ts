import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BpmnModdle } from 'bpmn-moddle'
import { createModdle } from '../../../../shared/formats/bpmn/index.js'
import { REPO } from '../../../support/runCli.js'

export const XSD = join(REPO, 'node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd')
export const MIWG = join(REPO, '../shared/fixtures/bpmn-miwg')
export const FIXTURES = join(REPO, 'test/fixtures/bpmn')

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'flowlane-bpmn-'))
}

/**
 * Validates files against the OMG BPMN 2.0 XSD with libxml2's xmllint (Debian's
 * libxml2-utils; CI installs it). Returns xmllint's complaints, empty when every file is valid.
 */
export function xsdProblems(files: Readonly<Record<string, string>>): string[] {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' })
  if (probe.error) {
    throw new Error('xmllint is missing: install libxml2-utils (apt-get install libxml2-utils) to run the XSD checks')
  }
  const dir = scratch()
  const paths = Object.entries(files).map(([name, xml]) => {
    const path = join(dir, name.replace(/[^\w.-]+/g, '_'))
    writeFileSync(path, xml)
    return path
  })
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, ...paths], { encoding: 'utf8' })
  return run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(' validates'))
}

/** Reads BPMN back as bpmn-moddle does, plain and with our package; returns both readers' warnings. */
export async function moddleWarnings(xml: string): Promise<string[]> {
  const plain = await new BpmnModdle().fromXML(xml)
  const ours = await createModdle().fromXML(xml)
  return [...plain.warnings, ...ours.warnings].map((w) => w.message)
}
