/** /maps/[id]/map.svg: the export SVG drawn on the server (the no-JavaScript download, and a stable image link). */
import { renderMapSvg, drawingFromMap } from '@/app/_lib/map-svg';
import { getMap } from '@/app/_reference/maps';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const map = await getMap(id);
  if (!map) return new Response('No map with this id.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const link = new URL(`/maps/${encodeURIComponent(map.id)}`, request.url).toString();
  return new Response(renderMapSvg(drawingFromMap(map), { chrome: true, link }), {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store' },
  });
}
