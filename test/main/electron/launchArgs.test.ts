import { describe, expect, it } from 'vitest'
import { filesFromArgv } from '../../../main/electron/launchArgs.js'

describe('files on the command line (quality.md D7)', () => {
  it('packaged: every argument after the executable, resolved against the working folder', () => {
    expect(
      filesFromArgv(['/opt/Flowlane/flowlane', 'sales.flow.json', '/tmp/b.bpmn', '--no-sandbox', 'c.mmd'], {
        isPackaged: true,
        cwd: '/home/ana',
      }),
    ).toEqual(['/home/ana/sales.flow.json', '/tmp/b.bpmn', '/home/ana/c.mmd'])
  })

  it('development: skips electron and the app folder', () => {
    expect(filesFromArgv(['/x/electron', '.', 'a.flow.json'], { isPackaged: false, cwd: '/w' })).toEqual([
      '/w/a.flow.json',
    ])
  })

  it('ignores switches, URLs, macOS process serial numbers, unknown types and duplicates', () => {
    expect(
      filesFromArgv(
        [
          'flowlane',
          '-psn_0_12345',
          '--inspect=9229',
          '--allow-file-access-from-files',
          'https://evil.example/x.flow.json',
          'file:///etc/x.json',
          'payload.exe',
          'a.flow.json',
          './a.flow.json',
          '',
        ],
        { isPackaged: true, cwd: '/w' },
      ),
    ).toEqual(['/w/a.flow.json'])
  })

  it('after --, a name starting with a dash is a file', () => {
    expect(filesFromArgv(['flowlane', '--', '-odd.flow.json'], { isPackaged: true, cwd: '/w' })).toEqual([
      '/w/-odd.flow.json',
    ])
  })
})
