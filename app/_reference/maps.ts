/** What the map pages read, in-process (same validation and limits as /api/graphql). */
import { cache } from 'react';
import { MAP_QUERY, MAPS_QUERY, type MapRecord, type MapSummary } from '@/app/_lib/map-records';
import { runQuery } from './run-query';

/** The list page shows this many maps (the API's default page). */
export const LIST_SIZE = 50;

/** One map with live records, or null when no map has this id. */
export const getMap = cache(async (id: string): Promise<MapRecord | null> => {
  const data = await runQuery(MAP_QUERY, { id });
  // graphql-js builds null-prototype objects; client components take plain ones only.
  return data.map ? (JSON.parse(JSON.stringify(data.map)) as MapRecord) : null;
});

export async function getMapList(): Promise<{ maps: MapSummary[]; totalCount: number }> {
  const data = await runQuery(MAPS_QUERY, { first: LIST_SIZE });
  return { maps: data.maps.nodes, totalCount: data.maps.totalCount };
}
