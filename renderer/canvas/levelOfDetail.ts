/**
 * Level of detail. Zoomed out over a large flow, a thousand steps can be on screen; as React
 * Flow nodes each is an element of its own for the browser to hit-test, layer and paint on
 * every frame of a pan. Below OVERVIEW_ZOOM, a flow of at least OVERVIEW_STEPS steps is drawn
 * instead by one SVG, the overview layer, with the same shapes, colours and labels; the steps
 * stay React Flow nodes (so box selection, moving a selection, Fit and the minimap work), but
 * draw nothing. There a click selects a step, a drag moves it, a double-click zooms to it.
 */
export const OVERVIEW_ZOOM = 0.45
export const OVERVIEW_STEPS = 300
