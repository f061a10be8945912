import { describe, expect, it } from 'vitest'
import { boundingBox, snapToGuides, type GuideSegment } from '../../../shared/geometry/index.js'

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height })

describe('snapToGuides', () => {
  it('snaps a left edge within tolerance to another step’s left edge and draws a guide through both', () => {
    // given a step at x = 100, and a dragged one 3 units right of it and well below
    const other = box(100, 0)
    // when snapped with a tolerance of 5
    const snap = snapToGuides(box(103, 200), [other], { tolerance: 5, grid: 10 })
    // then its left lines up, and the vertical guide runs from the top of one to the bottom of the other
    expect(snap.position.x).toBe(100)
    expect(snap.snapped.x).toBe(true)
    expect(snap.guides).toContainEqual<GuideSegment>({ axis: 'x', at: 100, from: 0, to: 250 })
  })

  it('lines up centres of steps of different sizes', () => {
    const decision = box(400, 0, 140, 96) // centre x = 470
    const near = snapToGuides(box(372, 300, 200, 96), [decision], { tolerance: 6 }) // centre x = 472
    expect(near.position.x).toBe(370)
    expect(near.guides.filter((g) => g.axis === 'x').map((g) => g.at)).toEqual([470])
  })

  it('snaps top, middle or bottom to the nearest of another step’s lines', () => {
    const other = box(0, 100, 100, 60) // top 100, middle 130, bottom 160
    // the dragged step's bottom (108 + 50) is 2 above the other's
    const snap = snapToGuides(box(300, 108), [other], { tolerance: 5, grid: 10 })
    expect(snap.position.y).toBe(110)
    expect(snap.guides.map((g) => [g.axis, g.at])).toEqual([['y', 160]])
    expect(snap.guides[0]).toMatchObject({ from: 0, to: 400 })
  })

  it('prefers the nearest line when several are within tolerance', () => {
    const snap = snapToGuides(box(203, 0), [box(200, 400), box(204, 600)], { tolerance: 5 })
    expect(snap.position.x).toBe(204)
  })

  it('falls back to the grid on an axis with nothing to line up with: a guide wins over the grid', () => {
    // x lines up with the other step at 103 (off the grid); y has nothing near and goes to the grid
    const snap = snapToGuides(box(101, 447), [box(103, 0)], { tolerance: 4, grid: 10 })
    expect(snap.position).toEqual({ x: 103, y: 450 })
    expect(snap.snapped).toEqual({ x: true, y: false })
    expect(snap.guides.every((g) => g.axis === 'x')).toBe(true)
  })

  it('does not snap beyond the tolerance', () => {
    const snap = snapToGuides(box(111, 347), [box(100, 0)], { tolerance: 5, grid: 10 })
    expect(snap.position).toEqual({ x: 110, y: 350 })
    expect(snap.guides).toEqual([])
  })

  it('draws one guide per shared line: equal widths share left, centre and right', () => {
    const snap = snapToGuides(box(98, 300), [box(100, 0)], { tolerance: 5, overhang: 8 })
    expect(snap.guides.map((g) => g.at)).toEqual([100, 150, 200])
    expect(snap.guides[0]).toMatchObject({ from: -8, to: 358 })
  })

  it('joins every candidate on the guide line, not only the nearest', () => {
    const snap = snapToGuides(box(102, 300), [box(100, 0), box(100, 600), box(500, 300)], { tolerance: 5 })
    const vertical = snap.guides.find((g) => g.axis === 'x' && g.at === 100)!
    expect([vertical.from, vertical.to]).toEqual([0, 650])
  })

  it('gives whole positions, as the document stores them', () => {
    const snap = snapToGuides(box(100.4, 12.6, 100, 50), [box(0, 0, 101, 51)], { tolerance: 3 })
    expect(Number.isInteger(snap.position.x) && Number.isInteger(snap.position.y)).toBe(true)
  })

  it('works on a selection’s bounding box', () => {
    const selection = boundingBox([box(0, 0), box(150, 80, 60, 60)])!
    expect(selection).toEqual({ x: 0, y: 0, width: 210, height: 140 })
    const snap = snapToGuides({ ...selection, x: 298, y: 500 }, [box(300, 0)], { tolerance: 5 })
    expect(snap.position.x).toBe(300)
    expect(boundingBox([])).toBeUndefined()
  })
})
