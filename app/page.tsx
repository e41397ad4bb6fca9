import type { Metadata } from 'next';
import { Explorer } from './_components/Explorer';
import { graphql } from './_lib/graphql';
import { DEFAULT_HUB_PAGE_SIZE } from './_lib/hub-paging';
import { exploreFromMap } from './_lib/map-records';
import { getMap } from './_reference/maps';
import { runQuery } from './_reference/run-query';
import { parseViewState, serializeViewState } from './_lib/url-state';

export const metadata: Metadata = {
  title: 'Explorer',
  description: 'Search an actor and explore who appointed, prosecuted, allied with and invested in whom, with every relationship dated and cited.',
};

const HUB_PAGE_SIZE = graphql(`query ExplorerLimits { apiInfo { limits { hubPageSize } } }`);

/**
 * The explorer. The server reads the view from the query string so the first
 * render already matches a shared link; everything interactive lives in the
 * client islands under ./_components.
 */
export default async function ExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  let view = parseViewState(params);
  // A map opened without a focus: lay it out around its best-connected actor (a missing map is reported by the explorer).
  if (view.map && !params.focus) {
    const map = await getMap(view.map).catch(() => null);
    const start = map ? exploreFromMap(map) : null;
    if (start) view = { ...view, actor: start.actor };
  }
  // The server's configured hub page (graph/config.ts); the default when it cannot be read.
  const hubPageSize = await runQuery(HUB_PAGE_SIZE, {}).then(
    (d) => d.apiInfo.limits.hubPageSize,
    () => DEFAULT_HUB_PAGE_SIZE,
  );
  return (
    <>
      <h1 className="visually-hidden">Steppe explorer</h1>
      {/* A navigation to another view (a link, Back) starts from that view; the explorer's own URL writes do not re-render this page. */}
      <Explorer key={serializeViewState(view)} initialView={view} hubPageSize={hubPageSize} />
    </>
  );
}
