/**
 * Chart text in CSS pixels. The kit's SVGs scale with their container through the viewBox, which
 * would scale their text too (6 px tick labels in a 220 px panel). `keepTextSize` watches an SVG's
 * size (ResizeObserver, at most one update per animation frame) and sets `--dn-px`, viewBox units per screen
 * pixel; the stylesheet sizes every SVG text as `calc(12px * var(--dn-px))`, so it reads 12 CSS px
 * at every width. Nested SVGs get their own value (the scale includes their ancestors').
 */

/** viewBox units per CSS pixel of `svg` as drawn now (preserveAspectRatio "meet"), or undefined. */
export function unitsPerPixel(svg: SVGSVGElement): number | undefined {
  const box = svg.viewBox.baseVal;
  const rect = svg.getBoundingClientRect();
  if (!box || !(box.width > 0) || !(box.height > 0) || !(rect.width > 0)) return undefined;
  const scale = Math.min(
    rect.width / box.width,
    rect.height > 0 ? rect.height / box.height : Number.POSITIVE_INFINITY,
  );
  return 1 / scale;
}

/**
 * Keeps `svg`'s text at its CSS pixel size while the SVG is resized. The new value is set in the
 * next animation frame (at most once per frame), outside the observer's callback, so a change it
 * causes in the layout never loops back into the same observation.
 */
export function keepTextSize(svg: SVGSVGElement): void {
  if (typeof ResizeObserver === 'undefined') return;
  let frame = 0;
  const update = () => {
    frame = 0;
    const units = unitsPerPixel(svg);
    if (units !== undefined) svg.style.setProperty('--dn-px', units.toFixed(4));
  };
  const observer = new ResizeObserver(() => {
    if (frame === 0) frame = requestAnimationFrame(update);
  });
  observer.observe(svg);
}
