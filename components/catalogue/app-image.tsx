/**
 * A catalogue picture (logo or screenshot): a static SVG of ours under /catalogue/. A plain img, since
 * next/image adds an inline style the CSP refuses and has nothing to optimise in an SVG.
 */
export function AppImage({
  src,
  alt,
  width,
  height,
  className = "",
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
  className?: string;
}) {
  // Only our own static files: a stored path that is not one is not shown at all.
  if (!/^\/catalogue\/[a-z0-9-]+\/[a-z0-9-]+\.svg$/.test(src)) return null;
  // eslint-disable-next-line @next/next/no-img-element -- see above
  return <img src={src} alt={alt} width={width} height={height} className={className} loading="lazy" />;
}
