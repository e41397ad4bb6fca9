/**
 * The link-preview image of a map (og:image): the server-drawn map SVG
 * (map-svg.ts, the same drawing as the page's fallback) rasterised to PNG,
 * since preview crawlers do not read SVG.
 */
import sharp from 'sharp';
import { drawingFromMap, renderMapSvg } from '@/app/_lib/map-svg';
import { getMap } from '@/app/_reference/maps';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'The map: actors and relationships at their saved positions, with numbered notes';

export default async function Image({ params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const map = await getMap((await params).id);
  if (!map) return new Response('No map with this id.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const svg = renderMapSvg(drawingFromMap(map), { chrome: false });
  const png = await sharp(Buffer.from(svg), { density: 144 })
    .resize(size.width, size.height, { fit: 'contain', background: '#ffffff' })
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': contentType, 'cache-control': 'public, max-age=300' } });
}
